// Trace lines kept in memory, for tests and for callers that print them later.
namespace ScmiPlatform.Trace;

/// <summary>Keeps trace lines in memory (tests, and callers that print them later).</summary>
public sealed class MemoryTraceSink : ITraceSink
{
    private readonly List<string> _lines = new();

    /// <summary>Lines so far.</summary>
    public IReadOnlyList<string> Lines { get { lock (_lines) return _lines.ToArray(); } }

    /// <inheritdoc/>
    public void WriteLine(string line)
    {
        lock (_lines) _lines.Add(line);
    }
}
