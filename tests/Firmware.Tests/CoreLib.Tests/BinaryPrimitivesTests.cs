// Endian-explicit reads and writes, the way protocol parsers use them.
using System;
using System.Buffers.Binary;
using Nano.Runtime;
using Nano.TestFramework;

namespace CoreLib.Tests;

[TestClass]
public static unsafe class BinaryPrimitivesTests
{
    private static int s_three = 3;

    [TestMethod]
    public static void Little_endian_round_trips_at_odd_offsets()
    {
        Span<byte> buffer = stackalloc byte[19];
        BinaryPrimitives.WriteUInt16LittleEndian(buffer.Slice(1), 0xA1B2);
        BinaryPrimitives.WriteUInt32LittleEndian(buffer.Slice(3), 0xC1D2E3F4);
        BinaryPrimitives.WriteUInt64LittleEndian(buffer.Slice(7), 0x0102030405060708);
        BinaryPrimitives.WriteInt32LittleEndian(buffer.Slice(15), -2);
        Assert.AreEqual((byte)0xB2, buffer[1], "low byte first");
        Assert.AreEqual((byte)0xF4, buffer[3]);
        Assert.AreEqual((byte)0x08, buffer[7]);
        Assert.AreEqual((ushort)0xA1B2, BinaryPrimitives.ReadUInt16LittleEndian(buffer.Slice(1)));
        Assert.AreEqual(0xC1D2E3F4u, BinaryPrimitives.ReadUInt32LittleEndian(buffer.Slice(3)));
        Assert.AreEqual(0x0102030405060708UL, BinaryPrimitives.ReadUInt64LittleEndian(buffer.Slice(7)));
        Assert.AreEqual(-2, BinaryPrimitives.ReadInt32LittleEndian(buffer.Slice(15)));
    }

    [TestMethod]
    public static void Big_endian_is_the_reverse()
    {
        Span<byte> buffer = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(buffer, 0xD00DFEED);
        Assert.AreEqual((byte)0xD0, buffer[0]);
        Assert.AreEqual(0xD00DFEEDu, BinaryPrimitives.ReadUInt32BigEndian(buffer));
        Assert.AreEqual(0xEDFE0DD0u, BinaryPrimitives.ReadUInt32LittleEndian(buffer));
        Assert.AreEqual(0x0807060504030201UL, BinaryPrimitives.ReverseEndianness(0x0102030405060708UL));
    }

    [TestMethod]
    public static void Try_forms_refuse_short_spans_and_accept_exact_ones()
    {
        Span<byte> buffer = stackalloc byte[3];
        Assert.IsFalse(BinaryPrimitives.TryReadUInt32LittleEndian(buffer, out uint value));
        Assert.AreEqual(0u, value);
        Assert.IsFalse(BinaryPrimitives.TryWriteUInt32LittleEndian(buffer, 1));
        Assert.IsTrue(BinaryPrimitives.TryWriteUInt16LittleEndian(buffer.Slice(1), 0x1234));
        Assert.IsTrue(BinaryPrimitives.TryReadUInt16LittleEndian(buffer.Slice(1), out ushort half));
        Assert.AreEqual((ushort)0x1234, half);
    }

    private static void ReadPastTheEnd()
    {
        Span<byte> buffer = stackalloc byte[8];
        BinaryPrimitives.ReadUInt64LittleEndian(buffer.Slice(s_three));
    }

    [TestMethod]
    public static void Reading_past_the_end_panics()
    {
        Assert.AreEqual(Panic.ExitCode, Panics.Run(&ReadPastTheEnd));
    }
}
