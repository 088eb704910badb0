// Little-endian writes of SCMI parameters into a caller's buffer (SCMI DEN0056E §4.1.3: all fields are little-endian).
using System;
using System.Buffers.Binary;

namespace Scmi;

/// <summary>Fills a parameter buffer word by word; a write past its end answers false and writes nothing.</summary>
public ref struct ScmiPayloadWriter
{
    private readonly Span<byte> _buffer;
    private int _length;

    /// <summary>Writes into <paramref name="buffer"/> from its start.</summary>
    public ScmiPayloadWriter(Span<byte> buffer)
    {
        _buffer = buffer;
        _length = 0;
    }

    /// <summary>Bytes written so far.</summary>
    public int Length => _length;

    /// <summary>The parameters written so far.</summary>
    public ReadOnlySpan<byte> Written => _buffer.Slice(0, _length);

    /// <summary>Appends a 32-bit word.</summary>
    public bool TryWriteUInt32(uint value)
    {
        if (_buffer.Length - _length < 4)
            return false;
        BinaryPrimitives.WriteUInt32LittleEndian(_buffer.Slice(_length), value);
        _length += 4;
        return true;
    }

    /// <summary>Appends a signed 32-bit word.</summary>
    public bool TryWriteInt32(int value) => TryWriteUInt32((uint)value);

    /// <summary>Appends a 64-bit value as low word then high word.</summary>
    public bool TryWriteUInt64(ulong value)
    {
        if (_buffer.Length - _length < 8)
            return false;
        BinaryPrimitives.WriteUInt32LittleEndian(_buffer.Slice(_length), (uint)value);
        BinaryPrimitives.WriteUInt32LittleEndian(_buffer.Slice(_length + 4), (uint)(value >> 32));
        _length += 8;
        return true;
    }
}
