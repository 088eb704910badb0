// Reads command parameters little-endian at the point of parsing (Arm DEN0056 v3.2 §4.1.1: all fields are little-endian).
using System.Buffers.Binary;

namespace ScmiPlatform.Scmi;

/// <summary>
/// Sequential reader over the parameters that follow a command header. Handlers first check the exact
/// length with <see cref="IsExactly"/>, so the reads that follow cannot run past the end.
/// </summary>
public ref struct ParameterReader
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly TraceFields? _trace;
    private int _offset;

    /// <summary>Wraps the bytes after the header; <paramref name="trace"/> collects decoded values when tracing.</summary>
    public ParameterReader(ReadOnlySpan<byte> parameters, TraceFields? trace)
    {
        _data = parameters;
        _trace = trace;
        _offset = 0;
    }

    /// <summary>Number of parameter bytes the agent sent.</summary>
    public readonly int Length => _data.Length;

    /// <summary>True when the parameters are exactly <paramref name="bytes"/> long (a wrong length is a protocol error).</summary>
    public readonly bool IsExactly(int bytes) => _data.Length == bytes;

    /// <summary>Reads the next u32 and records it under <paramref name="name"/>.</summary>
    public uint U32(string name, bool hex = false)
    {
        uint value = BinaryPrimitives.ReadUInt32LittleEndian(_data.Slice(_offset, 4));
        _offset += 4;
        _trace?.Add(name, value, hex);
        return value;
    }

    /// <summary>Reads the next i32 and records it.</summary>
    public int I32(string name)
    {
        int value = BinaryPrimitives.ReadInt32LittleEndian(_data.Slice(_offset, 4));
        _offset += 4;
        _trace?.Add(name, value);
        return value;
    }

    /// <summary>Reads a 64-bit value sent as two u32 words, low word first.</summary>
    public ulong U64(string name)
    {
        ulong low = BinaryPrimitives.ReadUInt32LittleEndian(_data.Slice(_offset, 4));
        ulong high = BinaryPrimitives.ReadUInt32LittleEndian(_data.Slice(_offset + 4, 4));
        _offset += 8;
        ulong value = low | high << 32;
        _trace?.Add(name, value);
        return value;
    }
}
