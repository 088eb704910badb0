// Builds a platform-to-agent message field by field, little-endian, recording the fields for the trace.
using System.Buffers.Binary;

namespace ScmiPlatform.Scmi;

/// <summary>Builds the payload of a platform-to-agent message field by field, little-endian.</summary>
public sealed class PlatformMessageBuilder
{
    private readonly ScmiHeader _header;
    private readonly string _name;
    private readonly List<byte> _bytes = new(64);
    private readonly TraceFields _fields = new();

    /// <summary>Starts a message with <paramref name="header"/>; <paramref name="name"/> is the spec name for traces.</summary>
    public PlatformMessageBuilder(ScmiHeader header, string name)
    {
        _header = header;
        _name = name;
        Span<byte> word = stackalloc byte[4];
        header.Write(word);
        _bytes.AddRange(word.ToArray());
    }

    /// <summary>Appends a u32.</summary>
    public PlatformMessageBuilder U32(string field, uint value, bool hex = false)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(word, value);
        _bytes.AddRange(word.ToArray());
        _fields.Add(field, value, hex);
        return this;
    }

    /// <summary>Appends the status word a delayed response carries before its return values.</summary>
    public PlatformMessageBuilder Status(ScmiStatus status)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(word, (int)status);
        _bytes.AddRange(word.ToArray());
        _fields.Add("status", ScmiStatusCodes.SpecName(status));
        return this;
    }

    /// <summary>Appends an i32.</summary>
    public PlatformMessageBuilder I32(string field, int value)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(word, value);
        _bytes.AddRange(word.ToArray());
        _fields.Add(field, value);
        return this;
    }

    /// <summary>Appends a 64-bit value as two u32 words, low word first.</summary>
    public PlatformMessageBuilder U64(string field, ulong value)
    {
        Span<byte> pair = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(pair, value);
        _bytes.AddRange(pair.ToArray());
        _fields.Add(field, value);
        return this;
    }

    /// <summary>Appends a signed 64-bit value as two u32 words, low word first.</summary>
    public PlatformMessageBuilder I64(string field, long value)
    {
        Span<byte> pair = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(pair, value);
        _bytes.AddRange(pair.ToArray());
        _fields.Add(field, value.ToString());
        return this;
    }

    /// <summary>The finished message.</summary>
    public PlatformMessage Build() => new(_bytes.ToArray(), _header, _name, _fields);
}
