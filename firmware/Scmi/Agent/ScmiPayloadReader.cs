// Little-endian reads of SCMI return values that never read past the reply (SCMI DEN0056E §4.1.3: all fields are little-endian).
using System;
using System.Buffers.Binary;

namespace Scmi;

/// <summary>
/// Walks a reply's return values. A read past the end answers false and leaves the value 0, so a short
/// reply becomes <see cref="ScmiAgentError.ReplyTooShort"/>, never an out-of-range access.
/// </summary>
public ref struct ScmiPayloadReader
{
    private readonly ReadOnlySpan<byte> _payload;
    private int _offset;

    /// <summary>Reads <paramref name="payload"/> from its start.</summary>
    public ScmiPayloadReader(ReadOnlySpan<byte> payload)
    {
        _payload = payload;
        _offset = 0;
    }

    /// <summary>Bytes not yet read.</summary>
    public int Remaining => _payload.Length - _offset;

    /// <summary>Bytes read so far.</summary>
    public int Offset => _offset;

    /// <summary>Reads a 32-bit word.</summary>
    public bool TryReadUInt32(out uint value)
    {
        if (Remaining < 4)
        {
            value = 0;
            return false;
        }
        value = BinaryPrimitives.ReadUInt32LittleEndian(_payload.Slice(_offset));
        _offset += 4;
        return true;
    }

    /// <summary>Reads a signed 32-bit word.</summary>
    public bool TryReadInt32(out int value)
    {
        bool ok = TryReadUInt32(out uint raw);
        value = (int)raw;
        return ok;
    }

    /// <summary>Reads a 64-bit value sent as low word then high word (SCMI's rate and reading layout).</summary>
    public bool TryReadUInt64(out ulong value)
    {
        if (Remaining < 8)
        {
            value = 0;
            return false;
        }
        uint low = BinaryPrimitives.ReadUInt32LittleEndian(_payload.Slice(_offset));
        uint high = BinaryPrimitives.ReadUInt32LittleEndian(_payload.Slice(_offset + 4));
        _offset += 8;
        value = ((ulong)high << 32) | low;
        return true;
    }

    /// <summary>Takes the next <paramref name="length"/> bytes (a name field, a trip point array).</summary>
    public bool TryReadBytes(int length, out ReadOnlySpan<byte> bytes)
    {
        if (length < 0 || Remaining < length)
        {
            bytes = default;
            return false;
        }
        bytes = _payload.Slice(_offset, length);
        _offset += length;
        return true;
    }
}
