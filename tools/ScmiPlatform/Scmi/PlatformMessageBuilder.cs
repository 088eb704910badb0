// Builds a platform-to-agent message field by field, little-endian, recording the fields for the trace.
using System.Buffers.Binary;

namespace ScmiPlatform.Scmi;

/// <summary>Builds the payload of a platform-to-agent message field by field, little-endian.</summary>
public sealed class PlatformMessageBuilder
{
    private readonly ScmiHeader header;
    private readonly string name;
    private readonly List<byte> bytes = new(64);
    private readonly TraceFields fields = new();

    /// <summary>Starts a message with <paramref name="header"/>; <paramref name="name"/> is the spec name for traces.</summary>
    public PlatformMessageBuilder(ScmiHeader header, string name)
    {
        this.header = header;
        this.name = name;
        Span<byte> word = stackalloc byte[4];
        header.Write(word);
        bytes.AddRange(word.ToArray());
    }

    /// <summary>Appends a u32.</summary>
    public PlatformMessageBuilder U32(string field, uint value, bool hex = false)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(word, value);
        bytes.AddRange(word.ToArray());
        fields.Add(field, value, hex);
        return this;
    }

    /// <summary>Appends the status word a delayed response carries before its return values.</summary>
    public PlatformMessageBuilder Status(ScmiStatus status)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(word, (int)status);
        bytes.AddRange(word.ToArray());
        fields.Add("status", ScmiStatusCodes.SpecName(status));
        return this;
    }

    /// <summary>Appends an i32.</summary>
    public PlatformMessageBuilder I32(string field, int value)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(word, value);
        bytes.AddRange(word.ToArray());
        fields.Add(field, value);
        return this;
    }

    /// <summary>Appends a 64-bit value as two u32 words, low word first.</summary>
    public PlatformMessageBuilder U64(string field, ulong value)
    {
        Span<byte> pair = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(pair, value);
        bytes.AddRange(pair.ToArray());
        fields.Add(field, value);
        return this;
    }

    /// <summary>Appends a signed 64-bit value as two u32 words, low word first.</summary>
    public PlatformMessageBuilder I64(string field, long value)
    {
        Span<byte> pair = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(pair, value);
        bytes.AddRange(pair.ToArray());
        fields.Add(field, value.ToString());
        return this;
    }

    /// <summary>The finished message.</summary>
    public PlatformMessage Build() => new(bytes.ToArray(), header, name, fields);
}
