// A TextWriter that hands each complete line to a callback: a scripted console's output read line by line.
using System.Text;

namespace Nf.Bench;

/// <summary>
/// Collects what is written and calls <c>onLine</c> once per line, without its end ("\n", "\r\n" or "\r");
/// a last line without an end is handed over when the writer is disposed. Flushing hands over nothing: a console
/// copier flushes after every chunk, and a chunk can end mid-line.
/// </summary>
public sealed class LineSink(Action<string> onLine) : TextWriter
{
    private readonly StringBuilder _line = new();
    private bool _afterCarriageReturn;

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        if (value == '\n' && _afterCarriageReturn)
        {
            _afterCarriageReturn = false;
            return;
        }
        _afterCarriageReturn = value == '\r';
        if (value is '\n' or '\r')
            EmitLine();
        else
            _line.Append(value);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _line.Length > 0)
            EmitLine();
        base.Dispose(disposing);
    }

    private void EmitLine()
    {
        onLine(_line.ToString());
        _line.Clear();
    }
}
