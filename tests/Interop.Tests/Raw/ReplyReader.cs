// Reads the return values of a reply: little-endian words, 64-bit pairs (low word first), fixed-size names.
using System.Buffers.Binary;
using System.Text;

namespace Interop.Tests.Raw;

/// <summary>Bounds-checked access to the bytes after the status word.</summary>
public sealed class ReplyReader(byte[] payload)
{
    /// <summary>The raw return values.</summary>
    public byte[] Bytes { get; } = payload;

    public int Length => Bytes.Length;

    /// <summary>The u32 at byte <paramref name="offset"/>; throws <see cref="ReplyTooShortException"/> past the end.</summary>
    public uint U32(int offset) =>
        offset + 4 <= Bytes.Length ? BinaryPrimitives.ReadUInt32LittleEndian(Bytes.AsSpan(offset)) : throw new ReplyTooShortException(offset + 4, Bytes.Length);

    public int I32(int offset) => unchecked((int)U32(offset));

    /// <summary>A 64-bit value sent as two u32 words, low word first.</summary>
    public ulong U64(int offset) => U32(offset) | (ulong)U32(offset + 4) << 32;

    /// <summary>DEN0056 §4.1.1: a NUL-terminated ASCII name in a fixed field of <paramref name="size"/> bytes.</summary>
    public string Name(int offset, int size = 16)
    {
        if (offset + size > Bytes.Length)
            throw new ReplyTooShortException(offset + size, Bytes.Length);
        ReadOnlySpan<byte> field = Bytes.AsSpan(offset, size);
        int end = field.IndexOf((byte)0);
        return Encoding.ASCII.GetString(end < 0 ? field : field[..end]);
    }
}

/// <summary>The reply ended before a field the spec puts there.</summary>
public sealed class ReplyTooShortException(int needed, int got)
    : Exception($"reply too short: needs at least {needed} bytes of return values, has {got}");
