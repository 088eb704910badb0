// One raw-mode round trip as guest/init reports it: "raw NNNN-NAME rc=RC reply=HEX|none [delayed=HEX|none | notification=HEX|none]".
using System.Buffers.Binary;
using System.Globalization;

namespace Interop.Tests.Boot;

/// <summary>A request written to /sys/kernel/debug/scmi/0/raw/message and what came back.</summary>
public sealed record RawExchange(string Stem, int WriteExitCode, byte[]? Reply, byte[]? Delayed = null, byte[]? Notification = null)
{
    /// <summary>Parses one "raw ..." line; null when the line is something else.</summary>
    public static RawExchange? Parse(string line)
    {
        string[] parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is not (4 or 5) || parts[0] != "raw" || !parts[2].StartsWith("rc=") || !parts[3].StartsWith("reply="))
            return null;
        int rc = int.Parse(parts[2][3..], CultureInfo.InvariantCulture);
        byte[]? delayed = parts.Length == 5 && parts[4].StartsWith("delayed=") ? Hex(parts[4]["delayed=".Length..]) : null;
        byte[]? notification = parts.Length == 5 && parts[4].StartsWith("notification=") ? Hex(parts[4]["notification=".Length..]) : null;
        return new RawExchange(parts[1], rc, Hex(parts[3]["reply=".Length..]), delayed, notification);
    }

    private static byte[]? Hex(string text) => text == "none" ? null : Convert.FromHexString(text);

    /// <summary>The reply's header word (Linux rebuilds it from the fields it matched: id, type, protocol, token).</summary>
    public uint? Header => Reply is { Length: >= 4 } ? BinaryPrimitives.ReadUInt32LittleEndian(Reply) : null;

    /// <summary>The reply's status word.</summary>
    public int? Status => Reply is { Length: >= 8 } ? BinaryPrimitives.ReadInt32LittleEndian(Reply.AsSpan(4)) : null;

    /// <summary>The return values after header and status.</summary>
    public ReadOnlySpan<byte> Payload => Reply is { Length: >= 8 } ? Reply.AsSpan(8) : [];
}
