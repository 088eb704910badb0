// The transport's log: one line per event, always for problems, on request (--trace) for traffic.
namespace ScmiPlatform.Device;

/// <summary>
/// Line-oriented log shared by the vhost-user server, the queue service and the daemon. Problems
/// (<see cref="Warn"/>) and milestones (<see cref="Info"/>) are always written; traffic
/// (<see cref="Trace"/>) only when tracing was asked for. Thread-safe.
/// </summary>
public sealed class TransportLog
{
    private readonly TextWriter _writer;
    private readonly object _sync = new();

    public TransportLog(TextWriter writer, bool traceEnabled)
    {
        _writer = writer;
        TraceEnabled = traceEnabled;
    }

    /// <summary>A log that writes nothing (tests that only count).</summary>
    public static TransportLog Silent { get; } = new(TextWriter.Null, traceEnabled: false);

    public bool TraceEnabled { get; }

    public void Info(string message) => Write(message);

    public void Warn(string message) => Write("warning: " + message);

    /// <summary>A traffic line; build the text only when <see cref="TraceEnabled"/> (the caller checks for hot paths).</summary>
    public void Trace(string message)
    {
        if (TraceEnabled)
            Write("trace: " + message);
    }

    private void Write(string line)
    {
        lock (_sync)
        {
            _writer.WriteLine(line);
            _writer.Flush();
        }
    }
}
