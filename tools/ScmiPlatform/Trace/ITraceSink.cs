// Where decoded trace lines go (--trace): one line per message.
namespace ScmiPlatform.Trace;

/// <summary>Receives finished trace lines; must be thread-safe (replies complete on timer threads).</summary>
public interface ITraceSink
{
    /// <summary>Writes one line.</summary>
    void WriteLine(string line);
}

/// <summary>Writes trace lines to a text writer (stderr or a file), one lock per line.</summary>
public sealed class TextWriterTraceSink : ITraceSink
{
    private readonly TextWriter writer;
    private readonly object gate = new();

    /// <summary>Wraps <paramref name="writer"/>.</summary>
    public TextWriterTraceSink(TextWriter writer) => this.writer = writer;

    /// <inheritdoc/>
    public void WriteLine(string line)
    {
        lock (gate)
        {
            writer.WriteLine(line);
            writer.Flush();
        }
    }
}

/// <summary>Keeps trace lines in memory (tests, and callers that print them later).</summary>
public sealed class MemoryTraceSink : ITraceSink
{
    private readonly List<string> lines = new();

    /// <summary>Lines so far.</summary>
    public IReadOnlyList<string> Lines { get { lock (lines) return lines.ToArray(); } }

    /// <inheritdoc/>
    public void WriteLine(string line)
    {
        lock (lines) lines.Add(line);
    }
}
