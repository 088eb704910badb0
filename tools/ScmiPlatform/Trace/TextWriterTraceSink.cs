// Trace lines to stderr or a file.
namespace ScmiPlatform.Trace;

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
