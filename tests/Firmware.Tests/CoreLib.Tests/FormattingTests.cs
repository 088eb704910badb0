// Integer formatting into caller-provided spans (TryFormat, .NET's shapes): decimal and hexadecimal.
using System;
using Nano.TestFramework;

namespace CoreLib.Tests;

[TestClass]
public static class FormattingTests
{
    [TestMethod]
    [DataRow(0, "0")]
    [DataRow(7, "7")]
    [DataRow(-42, "-42")]
    [DataRow(2147483647, "2147483647")]
    [DataRow(-2147483648, "-2147483648")]
    public static void Int32_decimal(int value, string expected)
    {
        Span<char> buffer = stackalloc char[16];
        Assert.IsTrue(value.TryFormat(buffer, out int written));
        Assert.AreEqual(expected, buffer.Slice(0, written));
    }

    [TestMethod]
    public static void Hexadecimal_with_case_and_width()
    {
        Span<char> buffer = stackalloc char[32];
        Assert.IsTrue(0xBEEFu.TryFormat(buffer, out int written, "X"));
        Assert.AreEqual("BEEF", buffer.Slice(0, written));
        Assert.IsTrue(0xBEEFu.TryFormat(buffer, out written, "x8"));
        Assert.AreEqual("0000beef", buffer.Slice(0, written));
        Assert.IsTrue((-1).TryFormat(buffer, out written, "X"));
        Assert.AreEqual("FFFFFFFF", buffer.Slice(0, written), "two's complement of the int's own width");
        Assert.IsTrue(((short)-2).TryFormat(buffer, out written, "X"));
        Assert.AreEqual("FFFE", buffer.Slice(0, written));
        Assert.IsTrue(ulong.MaxValue.TryFormat(buffer, out written, "X"));
        Assert.AreEqual("FFFFFFFFFFFFFFFF", buffer.Slice(0, written));
    }

    [TestMethod]
    public static void Decimal_extremes_and_padding()
    {
        Span<char> buffer = stackalloc char[32];
        Assert.IsTrue(long.MinValue.TryFormat(buffer, out int written));
        Assert.AreEqual("-9223372036854775808", buffer.Slice(0, written));
        Assert.IsTrue(ulong.MaxValue.TryFormat(buffer, out written));
        Assert.AreEqual("18446744073709551615", buffer.Slice(0, written));
        Assert.IsTrue(42.TryFormat(buffer, out written, "D5"));
        Assert.AreEqual("00042", buffer.Slice(0, written));
        Assert.IsTrue(((byte)200).TryFormat(buffer, out written));
        Assert.AreEqual("200", buffer.Slice(0, written));
    }

    [TestMethod]
    public static void A_destination_too_small_is_refused_and_left_alone()
    {
        Span<char> buffer = stackalloc char[3];
        buffer.Fill('.');
        Assert.IsFalse(12345.TryFormat(buffer, out int written));
        Assert.AreEqual(0, written);
        Assert.AreEqual("...", buffer);
        Assert.IsTrue(123.TryFormat(buffer, out written), "exactly fits");
        Assert.AreEqual("123", buffer);
    }

    [TestMethod]
    public static void An_unknown_format_is_refused()
    {
        Span<char> buffer = stackalloc char[8];
        Assert.IsFalse(5.TryFormat(buffer, out int written, "Q"));
        Assert.AreEqual(0, written);
    }

    [TestMethod]
    public static void Utf8_formatting_writes_bytes()
    {
        Span<byte> buffer = stackalloc byte[12];
        Assert.IsTrue((-305).TryFormat(buffer, out int written));
        Assert.AreEqual(4, written);
        Assert.AreEqual((byte)'-', buffer[0]);
        Assert.AreEqual((byte)'5', buffer[3]);
        Assert.IsTrue(0xA5u.TryFormat(buffer, out written, "x"));
        Assert.AreEqual((byte)'a', buffer[0]);
        Assert.AreEqual((byte)'5', buffer[1]);
    }

    [TestMethod]
    public static void Strings_compare_by_value()
    {
        string a = "alpha";
        Assert.IsTrue(a == "alpha");
        Assert.IsFalse(a == "alphA");
        Assert.IsTrue(string.IsNullOrEmpty(""));
        Assert.AreEqual(5, a.Length);
        Assert.AreEqual('p', a[2]);
        Assert.AreEqual(a.GetHashCode(), "alpha".GetHashCode());
    }
}
