// The compact trace line per message: formatted into a stack buffer, no strings built.
using System;

namespace Scmi.Virtio;

/// <summary>Formats "scmi: &lt;what&gt; p=0x10 m=0 t=5 s=0 n=12" lines for an <see cref="ScmiTraceSink"/>.</summary>
internal static class ScmiVirtioTrace
{
    private const int LineLength = 96;

    /// <summary>Writes one line naming <paramref name="what"/>, the header fields, a status and a length. Context: any.</summary>
    public static void Message(ScmiTraceSink? sink, ReadOnlySpan<char> what, ScmiHeader header, int status, int length)
    {
        if (sink is null)
            return;
        Span<char> line = stackalloc char[LineLength];
        int at = 0;
        Append(line, ref at, "scmi: ");
        Append(line, ref at, what);
        Append(line, ref at, " p=0x");
        Number(line, ref at, header.ProtocolId, "x");
        Append(line, ref at, " m=");
        Number(line, ref at, header.MessageId, default);
        Append(line, ref at, " t=");
        Number(line, ref at, header.Token, default);
        Append(line, ref at, " s=");
        Number(line, ref at, status, default);
        Append(line, ref at, " n=");
        Number(line, ref at, length, default);
        sink.WriteLine(line.Slice(0, at));
    }

    /// <summary>Writes <paramref name="what"/> alone, prefixed. Context: any.</summary>
    public static void Event(ScmiTraceSink? sink, ReadOnlySpan<char> what) => Event(sink, what, default);

    /// <summary>Writes <paramref name="what"/> and <paramref name="detail"/>, prefixed. Context: any.</summary>
    public static void Event(ScmiTraceSink? sink, ReadOnlySpan<char> what, ReadOnlySpan<char> detail)
    {
        if (sink is null)
            return;
        Span<char> line = stackalloc char[LineLength];
        int at = 0;
        Append(line, ref at, "scmi: ");
        Append(line, ref at, what);
        Append(line, ref at, detail);
        sink.WriteLine(line.Slice(0, at));
    }

    private static void Append(Span<char> line, ref int at, ReadOnlySpan<char> text)
    {
        int count = Math.Min(text.Length, line.Length - at);
        text.Slice(0, count).CopyTo(line.Slice(at));
        at += count;
    }

    private static void Number(Span<char> line, ref int at, int value, ReadOnlySpan<char> format)
    {
        if (value.TryFormat(line.Slice(at), out int written, format))
            at += written;
    }
}
