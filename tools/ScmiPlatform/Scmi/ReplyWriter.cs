// Writes reply return values little-endian after the header and status words (Arm DEN0056 v3.2 §4.1.1).
using System.Buffers.Binary;
using System.Text;

namespace ScmiPlatform.Scmi;

/// <summary>
/// Sequential writer over the return-value part of a reply (the bytes after header and status). A write
/// that does not fit sets <see cref="Overflowed"/> instead of throwing; the dispatcher then answers
/// COMMS_ERROR, so a handler never needs to repeat the size check for fixed-size replies.
/// </summary>
public ref struct ReplyWriter
{
    /// <summary>Short names (attributes messages) are 16 bytes, NUL terminated (DEN0056 §4.1.1).</summary>
    public const int ShortNameSize = 16;
    /// <summary>Extended names (*_NAME_GET) are 64 bytes, NUL terminated.</summary>
    public const int ExtendedNameSize = 64;

    private readonly Span<byte> _data;
    private readonly TraceFields? _trace;
    private int _offset;

    /// <summary>Wraps the reply area after the status word.</summary>
    public ReplyWriter(Span<byte> values, TraceFields? trace)
    {
        _data = values;
        _trace = trace;
        _offset = 0;
        Overflowed = false;
    }

    /// <summary>Bytes written so far.</summary>
    public readonly int Length => _offset;

    /// <summary>Bytes still free in the agent's reply area.</summary>
    public readonly int Remaining => _data.Length - _offset;

    /// <summary>Set when a write did not fit; the reply is then replaced by an error.</summary>
    public bool Overflowed { get; private set; }

    /// <summary>Records that not even one entry of a paged list fits: the dispatcher answers COMMS_ERROR.</summary>
    public void MarkTooSmall() => Overflowed = true;

    /// <summary>How many entries of <paramref name="entrySize"/> bytes fit after a header of <paramref name="headerSize"/> bytes.</summary>
    public readonly int EntriesThatFit(int headerSize, int entrySize) => Math.Max(0, (Remaining - headerSize) / entrySize);

    /// <summary>Appends a u32.</summary>
    public void U32(string name, uint value, bool hex = false)
    {
        if (!Fits(4)) return;
        BinaryPrimitives.WriteUInt32LittleEndian(_data.Slice(_offset, 4), value);
        _offset += 4;
        _trace?.Add(name, value, hex);
    }

    /// <summary>Appends an i32.</summary>
    public void I32(string name, int value)
    {
        if (!Fits(4)) return;
        BinaryPrimitives.WriteInt32LittleEndian(_data.Slice(_offset, 4), value);
        _offset += 4;
        _trace?.Add(name, value);
    }

    /// <summary>Appends a 64-bit value as two u32 words, low word first.</summary>
    public void U64(string name, ulong value)
    {
        if (!Fits(8)) return;
        BinaryPrimitives.WriteUInt32LittleEndian(_data.Slice(_offset, 4), (uint)value);
        BinaryPrimitives.WriteUInt32LittleEndian(_data.Slice(_offset + 4, 4), (uint)(value >> 32));
        _offset += 8;
        _trace?.Add(name, value);
    }

    /// <summary>Appends a signed 64-bit value as two u32 words, low word first.</summary>
    public void I64(string name, long value)
    {
        if (!Fits(8)) return;
        BinaryPrimitives.WriteInt64LittleEndian(_data.Slice(_offset, 8), value);
        _offset += 8;
        _trace?.Add(name, value.ToString());
    }

    /// <summary>Appends a NUL-terminated ASCII string in a fixed field, truncated to leave room for the NUL.</summary>
    public void Name(string name, string text, int fieldSize)
    {
        if (!Fits(fieldSize)) return;
        WriteName(_data.Slice(_offset, fieldSize), text);
        _offset += fieldSize;
        _trace?.Add(name, '"' + Truncate(text, fieldSize) + '"');
    }

    /// <summary>The text as it appears in a field of <paramref name="fieldSize"/> bytes.</summary>
    public static string Truncate(string text, int fieldSize) => text.Length < fieldSize ? text : text[..(fieldSize - 1)];

    /// <summary>Fills a fixed name field: ASCII, zero padded, always NUL terminated.</summary>
    public static void WriteName(Span<byte> field, string text)
    {
        field.Clear();
        string kept = Truncate(text, field.Length);
        Encoding.ASCII.GetBytes(kept, field);
    }

    private bool Fits(int bytes)
    {
        if (Overflowed) return false;
        if (_offset + bytes <= _data.Length) return true;
        Overflowed = true;
        return false;
    }
}
