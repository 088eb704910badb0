// The layout of trace lines: time, direction, protocol.message, token, decoded fields, status, time spent.
using System.Globalization;
using System.Text;
using ScmiPlatform.Scmi;

namespace ScmiPlatform.Trace;

/// <summary>
/// Formats one line per message, e.g.
/// <c>   12.345 A>P CLOCK.CLOCK_RATE_SET tok=5 flags=0x1 clock_id=2 rate=100000000 => SUCCESS (0.041 ms)</c>
/// <c>   12.401 P>A delayed CLOCK.CLOCK_RATE_SET_COMPLETE tok=5 clock_id=2 rate=100000000</c>
/// </summary>
public static class TraceFormatter
{
    /// <summary>A command and its reply.</summary>
    public static string Command(TimeSpan at, string protocol, string message, ScmiHeader header, TraceFields parameters,
        ScmiStatus status, TraceFields results, TimeSpan spent, int replyLength, IReadOnlyList<string> faults)
    {
        var line = Start(at).Append("A>P ").Append(protocol).Append('.').Append(message).Append(" tok=").Append(header.Token);
        if (!parameters.IsEmpty) line.Append(' ').Append(parameters);
        line.Append(" => ").Append(ScmiStatusCodes.SpecName(status));
        if (!results.IsEmpty) line.Append(' ').Append(results);
        line.Append(" len=").Append(replyLength);
        line.Append(" (").Append(spent.TotalMilliseconds.ToString("0.000", CultureInfo.InvariantCulture)).Append(" ms)");
        if (faults.Count > 0) line.Append(" [fault ").Append(string.Join(' ', faults)).Append(']');
        return line.ToString();
    }

    /// <summary>A message on the eventq (or one dropped for want of a buffer).</summary>
    public static string Event(TimeSpan at, PlatformMessage message, string protocol, bool dropped)
    {
        string kind = message.Header.Type == ScmiMessageType.DelayedResponse ? "delayed" : "notify";
        var line = Start(at).Append(dropped ? "P>A dropped " : "P>A ").Append(kind).Append(' ')
            .Append(protocol).Append('.').Append(message.Name);
        if (message.Header.Type == ScmiMessageType.DelayedResponse) line.Append(" tok=").Append(message.Header.Token);
        if (!message.Fields.IsEmpty) line.Append(' ').Append(message.Fields);
        return line.ToString();
    }

    /// <summary>A request the platform could not parse.</summary>
    public static string Malformed(TimeSpan at, int requestLength, ScmiStatus status, int replyLength, string why) =>
        Start(at).Append("A>P malformed len=").Append(requestLength).Append(" (").Append(why).Append(") => ")
            .Append(ScmiStatusCodes.SpecName(status)).Append(" len=").Append(replyLength).ToString();

    private static StringBuilder Start(TimeSpan at) =>
        new StringBuilder().Append(at.TotalMilliseconds.ToString("0.000", CultureInfo.InvariantCulture).PadLeft(12)).Append(' ');
}
