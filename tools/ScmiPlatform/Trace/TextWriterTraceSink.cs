// Trace lines to stderr or a file.
namespace ScmiPlatform.Trace;

/// <summary>Writes trace lines to a text writer (stderr or a file), one lock per line.</summary>
public sealed class TextWriterTraceSink : ITraceSink
{
    private readonly TextWriter _writer;
    private readonly object _gate = new();

    /// <summary>Wraps <paramref name="writer"/>.</summary>
    public TextWriterTraceSink(TextWriter writer) => _writer = writer;

    /// <inheritdoc/>
    public void WriteLine(string line)
    {
        lock (_gate)
        {
            _writer.WriteLine(line);
            _writer.Flush();
        }
    }
}
