// Endian-explicit integer reads and writes on byte spans (.NET's System.Buffers.Binary shapes).
// Out-of-range spans panic where .NET throws ArgumentOutOfRangeException; the Try* forms return false.
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Internal.Runtime.CompilerHelpers;

namespace System.Buffers.Binary;

public static class BinaryPrimitives
{
    // AArch64 here runs little-endian, so the LittleEndian forms are plain unaligned accesses.
    public static ushort ReverseEndianness(ushort value) => (ushort)((value >> 8) | (value << 8));
    public static short ReverseEndianness(short value) => (short)ReverseEndianness((ushort)value);
    public static uint ReverseEndianness(uint value)
        => (value >> 24) | ((value >> 8) & 0x0000FF00u) | ((value << 8) & 0x00FF0000u) | (value << 24);
    public static int ReverseEndianness(int value) => (int)ReverseEndianness((uint)value);
    public static ulong ReverseEndianness(ulong value)
        => ((ulong)ReverseEndianness((uint)value) << 32) | ReverseEndianness((uint)(value >> 32));
    public static long ReverseEndianness(long value) => (long)ReverseEndianness((ulong)value);

    private static T Read<T>(ReadOnlySpan<byte> source) where T : unmanaged
    {
        if (Unsafe.SizeOf<T>() > source.Length)
            ThrowHelpers.ThrowArgumentOutOfRangeException();
        return Unsafe.ReadUnaligned<T>(ref MemoryMarshal.GetReference(source));
    }

    private static bool TryRead<T>(ReadOnlySpan<byte> source, out T value) where T : unmanaged
    {
        if (Unsafe.SizeOf<T>() > source.Length)
        {
            value = default;
            return false;
        }
        value = Unsafe.ReadUnaligned<T>(ref MemoryMarshal.GetReference(source));
        return true;
    }

    private static void Write<T>(Span<byte> destination, T value) where T : unmanaged
    {
        if (Unsafe.SizeOf<T>() > destination.Length)
            ThrowHelpers.ThrowArgumentOutOfRangeException();
        Unsafe.WriteUnaligned(ref MemoryMarshal.GetReference(destination), value);
    }

    private static bool TryWrite<T>(Span<byte> destination, T value) where T : unmanaged
    {
        if (Unsafe.SizeOf<T>() > destination.Length)
            return false;
        Unsafe.WriteUnaligned(ref MemoryMarshal.GetReference(destination), value);
        return true;
    }

    public static short ReadInt16LittleEndian(ReadOnlySpan<byte> source) => Read<short>(source);
    public static ushort ReadUInt16LittleEndian(ReadOnlySpan<byte> source) => Read<ushort>(source);
    public static int ReadInt32LittleEndian(ReadOnlySpan<byte> source) => Read<int>(source);
    public static uint ReadUInt32LittleEndian(ReadOnlySpan<byte> source) => Read<uint>(source);
    public static long ReadInt64LittleEndian(ReadOnlySpan<byte> source) => Read<long>(source);
    public static ulong ReadUInt64LittleEndian(ReadOnlySpan<byte> source) => Read<ulong>(source);

    public static short ReadInt16BigEndian(ReadOnlySpan<byte> source) => ReverseEndianness(Read<short>(source));
    public static ushort ReadUInt16BigEndian(ReadOnlySpan<byte> source) => ReverseEndianness(Read<ushort>(source));
    public static int ReadInt32BigEndian(ReadOnlySpan<byte> source) => ReverseEndianness(Read<int>(source));
    public static uint ReadUInt32BigEndian(ReadOnlySpan<byte> source) => ReverseEndianness(Read<uint>(source));
    public static long ReadInt64BigEndian(ReadOnlySpan<byte> source) => ReverseEndianness(Read<long>(source));
    public static ulong ReadUInt64BigEndian(ReadOnlySpan<byte> source) => ReverseEndianness(Read<ulong>(source));

    public static bool TryReadUInt16LittleEndian(ReadOnlySpan<byte> source, out ushort value) => TryRead(source, out value);
    public static bool TryReadUInt32LittleEndian(ReadOnlySpan<byte> source, out uint value) => TryRead(source, out value);
    public static bool TryReadUInt64LittleEndian(ReadOnlySpan<byte> source, out ulong value) => TryRead(source, out value);
    public static bool TryReadInt32LittleEndian(ReadOnlySpan<byte> source, out int value) => TryRead(source, out value);

    public static void WriteInt16LittleEndian(Span<byte> destination, short value) => Write(destination, value);
    public static void WriteUInt16LittleEndian(Span<byte> destination, ushort value) => Write(destination, value);
    public static void WriteInt32LittleEndian(Span<byte> destination, int value) => Write(destination, value);
    public static void WriteUInt32LittleEndian(Span<byte> destination, uint value) => Write(destination, value);
    public static void WriteInt64LittleEndian(Span<byte> destination, long value) => Write(destination, value);
    public static void WriteUInt64LittleEndian(Span<byte> destination, ulong value) => Write(destination, value);

    public static void WriteUInt16BigEndian(Span<byte> destination, ushort value) => Write(destination, ReverseEndianness(value));
    public static void WriteUInt32BigEndian(Span<byte> destination, uint value) => Write(destination, ReverseEndianness(value));
    public static void WriteUInt64BigEndian(Span<byte> destination, ulong value) => Write(destination, ReverseEndianness(value));

    public static bool TryWriteUInt16LittleEndian(Span<byte> destination, ushort value) => TryWrite(destination, value);
    public static bool TryWriteUInt32LittleEndian(Span<byte> destination, uint value) => TryWrite(destination, value);
    public static bool TryWriteUInt64LittleEndian(Span<byte> destination, ulong value) => TryWrite(destination, value);
    public static bool TryWriteInt32LittleEndian(Span<byte> destination, int value) => TryWrite(destination, value);
}
