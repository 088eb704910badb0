// Span<T> and ReadOnlySpan<T> over the stack, arrays and string literals.
using System;
using System.Runtime.InteropServices;
using Nano.Runtime;
using Nano.TestFramework;

namespace CoreLib.Tests;

[TestClass]
public static unsafe class SpanTests
{
    private static int s_eleven = 11;

    [TestMethod]
    public static void Stackalloc_span_index_length_fill_clear()
    {
        Span<int> values = stackalloc int[10];
        Assert.AreEqual(10, values.Length);
        values.Fill(7);
        for (int i = 0; i < values.Length; i++)
            Assert.AreEqual(7, values[i]);
        values.Slice(2, 3).Clear();
        Assert.AreEqual(7, values[1]);
        Assert.AreEqual(0, values[2]);
        Assert.AreEqual(0, values[4]);
        Assert.AreEqual(7, values[5]);
    }

    [TestMethod]
    public static void Slice_and_CopyTo_keep_the_right_elements()
    {
        Span<byte> source = stackalloc byte[8];
        for (int i = 0; i < source.Length; i++)
            source[i] = (byte)(i + 1);
        Span<byte> destination = stackalloc byte[4];
        source.Slice(4).CopyTo(destination);
        Assert.AreEqual((byte)5, destination[0]);
        Assert.AreEqual((byte)8, destination[3]);
        Assert.IsFalse(source.TryCopyTo(destination), "longer source does not fit");
        Assert.IsTrue(source.Slice(0, 4).TryCopyTo(destination));
        Assert.AreEqual((byte)1, destination[0]);
    }

    [TestMethod]
    public static void Overlapping_copies_move_like_memmove()
    {
        Span<int> values = stackalloc int[6];
        for (int i = 0; i < values.Length; i++)
            values[i] = i;
        values.Slice(0, 4).CopyTo(values.Slice(2));
        Assert.AreEqual(0, values[2]);
        Assert.AreEqual(3, values[5]);
        values.Slice(2).CopyTo(values);
        Assert.AreEqual(0, values[0]);
        Assert.AreEqual(3, values[3]);
    }

    [TestMethod]
    public static void Spans_over_arrays_write_through()
    {
        int[] array = new int[5];
        Span<int> span = array.AsSpan(1, 3);
        span[0] = 42;
        Assert.AreEqual(42, array[1]);
        int sum = 0;
        foreach (int value in (ReadOnlySpan<int>)array)
            sum += value;
        Assert.AreEqual(42, sum);
    }

    [TestMethod]
    public static void String_literals_are_read_only_spans()
    {
        ReadOnlySpan<char> text = "firmware";
        Assert.AreEqual(8, text.Length);
        Assert.AreEqual('w', text[4]);
        Assert.IsTrue(text.StartsWith("firm"));
        Assert.IsTrue(text.Slice(4).SequenceEqual("ware"));
        Assert.AreEqual(4, text.IndexOf('w'));
        Assert.AreEqual("ware", text.Slice(4));
    }

    [TestMethod]
    public static void MemoryMarshal_views_bytes_as_other_types()
    {
        Span<uint> words = stackalloc uint[2];
        words[0] = 0x04030201;
        words[1] = 0x08070605;
        Span<byte> bytes = MemoryMarshal.AsBytes(words);
        Assert.AreEqual(8, bytes.Length);
        Assert.AreEqual((byte)0x01, bytes[0], "little-endian");
        Assert.AreEqual((byte)0x08, bytes[7]);
        Span<ushort> halves = MemoryMarshal.Cast<byte, ushort>(bytes);
        Assert.AreEqual(4, halves.Length);
        Assert.AreEqual((ushort)0x0403, halves[1]);
    }

    private static void IndexPastLength()
    {
        Span<int> values = stackalloc int[4];
        values[s_eleven - 7] = 1;
    }

    private static void SlicePastLength()
    {
        Span<int> values = stackalloc int[4];
        values.Slice(2, s_eleven - 8).Clear();
    }

    private static void CopyToShorter()
    {
        Span<int> source = stackalloc int[4];
        Span<int> destination = stackalloc int[s_eleven - 8];
        source.CopyTo(destination);
    }

    [TestMethod]
    public static void Out_of_range_access_slicing_and_copying_panic()
    {
        Assert.AreEqual(Panic.ExitCode, Panics.Run(&IndexPastLength), "index");
        Assert.AreEqual(Panic.ExitCode, Panics.Run(&SlicePastLength), "slice");
        Assert.AreEqual(Panic.ExitCode, Panics.Run(&CopyToShorter), "copy");
    }
}
