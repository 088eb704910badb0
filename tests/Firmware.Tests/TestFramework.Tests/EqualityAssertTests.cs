// Assert.AreEqual / AreNotEqual per primitive: the passing case and the failing case with its message.
using System;
using Nano.TestFramework;

namespace TestFramework.Tests;

[TestClass]
public static unsafe class EqualityAssertTests
{
    [TestMethod]
    public static void Int_equality_passes_and_inequality_names_both_values_and_the_expression()
    {
        AssertOutcome.Passes(&IntEqual);
        AssertOutcome.Fails(&IntDiffers, "Expected 3, got 4 (two + two)");
    }

    private static void IntEqual() => Assert.AreEqual(4, 2 + 2);

    private static void IntDiffers()
    {
        int two = 2;
        Assert.AreEqual(3, two + two);
    }

    [TestMethod]
    public static void Unsigned_and_wide_values_print_in_full()
    {
        AssertOutcome.Fails(&UIntDiffers, "Expected 4294967295, got 0 (zero)");
        AssertOutcome.Fails(&LongDiffers, "Expected -9223372036854775808, got 9223372036854775807 (long.MaxValue)");
        AssertOutcome.Fails(&ULongDiffers, "Expected 18446744073709551615, got 1 (one)");
        AssertOutcome.Passes(&ULongEqual);
    }

    private static void UIntDiffers()
    {
        uint zero = 0;
        Assert.AreEqual(uint.MaxValue, zero);
    }

    private static void LongDiffers() => Assert.AreEqual(long.MinValue, long.MaxValue);

    private static void ULongDiffers()
    {
        ulong one = 1;
        Assert.AreEqual(ulong.MaxValue, one);
    }

    private static void ULongEqual() => Assert.AreEqual(ulong.MaxValue, ulong.MaxValue);

    [TestMethod]
    public static void Small_integers_compare_as_themselves()
    {
        AssertOutcome.Fails(&ByteDiffers, "Expected 255, got 254 (b)");
        AssertOutcome.Fails(&SByteDiffers, "Expected -128, got 127 (s)");
        AssertOutcome.Fails(&ShortDiffers, "Expected -1, got 1 (h)");
        AssertOutcome.Fails(&UShortDiffers, "Expected 65535, got 0 (u)");
        AssertOutcome.Passes(&ByteEqual);
    }

    private static void ByteDiffers()
    {
        byte b = 254;
        Assert.AreEqual((byte)255, b);
    }

    private static void SByteDiffers()
    {
        sbyte s = 127;
        Assert.AreEqual((sbyte)-128, s);
    }

    private static void ShortDiffers()
    {
        short h = 1;
        Assert.AreEqual((short)-1, h);
    }

    private static void UShortDiffers()
    {
        ushort u = 0;
        Assert.AreEqual(ushort.MaxValue, u);
    }

    private static void ByteEqual()
    {
        byte b = 7;
        Assert.AreEqual((byte)7, b);
    }

    [TestMethod]
    public static void Bool_and_char_show_their_literal_forms()
    {
        AssertOutcome.Fails(&BoolDiffers, "Expected true, got false (flag)");
        AssertOutcome.Fails(&CharDiffers, "Expected 'a', got 'b' (letter)");
        AssertOutcome.Passes(&CharEqual);
    }

    private static void BoolDiffers()
    {
        bool flag = false;
        Assert.AreEqual(true, flag);
    }

    private static void CharDiffers()
    {
        char letter = 'b';
        Assert.AreEqual('a', letter);
    }

    private static void CharEqual() => Assert.AreEqual('z', 'z');

    [TestMethod]
    public static void Strings_and_spans_compare_by_content_and_quote_their_values()
    {
        AssertOutcome.Passes(&StringEqual);
        AssertOutcome.Fails(&StringDiffers, "Expected \"abc\", got \"abd\" (text)");
        AssertOutcome.Fails(&StringNull, "Expected \"abc\", got null (nothing)");
        AssertOutcome.Passes(&SpanEqual);
        AssertOutcome.Fails(&SpanDiffers, "Expected \"ab\", got \"abc\" (\"abc\".AsSpan())");
    }

    private static void StringEqual() => Assert.AreEqual("abc", "abc");

    private static void StringDiffers()
    {
        string text = "abd";
        Assert.AreEqual("abc", text);
    }

    private static void StringNull()
    {
        string? nothing = null;
        Assert.AreEqual("abc", nothing);
    }

    private static void SpanEqual() => Assert.AreEqual("abcdef".AsSpan(0, 3), "abc".AsSpan());

    private static void SpanDiffers() => Assert.AreEqual("ab".AsSpan(), "abc".AsSpan());

    [TestMethod]
    public static void AreNotEqual_fails_only_on_equal_values()
    {
        AssertOutcome.Passes(&IntNotEqual);
        AssertOutcome.Fails(&IntNotEqualFails, "Expected anything but 5 (five)");
        AssertOutcome.Fails(&StringNotEqualFails, "Expected anything but \"x\" (x)");
    }

    private static void IntNotEqual() => Assert.AreNotEqual(4, 5);

    private static void IntNotEqualFails()
    {
        int five = 5;
        Assert.AreNotEqual(5, five);
    }

    private static void StringNotEqualFails()
    {
        string x = "x";
        Assert.AreNotEqual("x", x);
    }

    [TestMethod]
    public static void A_message_from_the_test_follows_the_standard_text()
    {
        AssertOutcome.Fails(&WithMessage, "Expected 1, got 2 (two); queue size");
    }

    private static void WithMessage()
    {
        int two = 2;
        Assert.AreEqual(1, two, "queue size");
    }

    private enum Status { Success = 0, NotFound = -4 }

    private enum Field : byte { Low = 1, High = 0xF0 }

    [TestMethod]
    public static void Enums_compare_and_print_as_their_underlying_values()
    {
        AssertOutcome.Passes(&EnumEqual);
        AssertOutcome.Fails(&StatusDiffers, "Expected 0, got -4 (status)");
        AssertOutcome.Fails(&FieldDiffers, "Expected 1, got 240 (field)");
        AssertOutcome.Fails(&EnumNotEqualFails, "Expected anything but -4 (status)");
    }

    private static void EnumEqual() => Assert.AreEqual(Status.NotFound, Status.NotFound);

    private static void StatusDiffers()
    {
        Status status = Status.NotFound;
        Assert.AreEqual(Status.Success, status);
    }

    private static void FieldDiffers()
    {
        Field field = Field.High;
        Assert.AreEqual(Field.Low, field);
    }

    private static void EnumNotEqualFails()
    {
        Status status = Status.NotFound;
        Assert.AreNotEqual(Status.NotFound, status);
    }
}
