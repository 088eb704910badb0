// Turns the bytes typed on the console into lines: printable characters, backspace, Ctrl-U, Ctrl-C, Ctrl-D, escape sequences ignored.
using System;

namespace App.Shell;

/// <summary>What one typed byte did to the line, so the caller can echo it.</summary>
public enum LineEditorAction
{
    /// <summary>Nothing to show (an ignored control byte, or part of an escape sequence).</summary>
    None,
    /// <summary>The byte was added to the line: echo it.</summary>
    Echo,
    /// <summary>The last character was removed: echo "\b \b".</summary>
    Erase,
    /// <summary>The byte could not be added (line full) or nothing to erase: ring the bell.</summary>
    Refuse,
    /// <summary>Enter: the line is complete (<see cref="LineEditor.Line"/>); echo a new line.</summary>
    Line,
    /// <summary>The whole line was dropped (Ctrl-U, Ctrl-C): echo a new line.</summary>
    Cancel,
    /// <summary>Ctrl-D on an empty line, or the end of a script: no more input.</summary>
    EndOfInput,
}

/// <summary>
/// A one-line editor over a buffer given once (no allocation per line). Accepts printable ASCII; Enter is
/// CR or LF (a CR LF pair counts once); Backspace and DEL erase; Ctrl-U and Ctrl-C drop the line; Ctrl-D on
/// an empty line ends the input; ANSI escape sequences (arrow keys) are swallowed whole.
/// </summary>
public sealed class LineEditor
{
    private const byte Backspace = 0x08;
    private const byte Delete = 0x7F;
    private const byte CarriageReturn = 0x0D;
    private const byte LineFeed = 0x0A;
    private const byte EndOfTransmission = 0x04;   // Ctrl-D
    private const byte EndOfText = 0x03;           // Ctrl-C
    private const byte NegativeAcknowledge = 0x15; // Ctrl-U
    private const byte Escape = 0x1B;

    private readonly char[] _buffer;
    private int _length;
    private int _lineLength;
    private bool _lastWasCarriageReturn;
    private EscapeState _escape;

    private enum EscapeState
    {
        None,
        Started,          // ESC seen
        ControlSequence,  // ESC [ seen: parameters until a final byte 0x40..0x7E
    }

    /// <param name="capacity">The longest line, in characters.</param>
    public LineEditor(int capacity)
    {
        _buffer = new char[capacity];
    }

    /// <summary>The longest line.</summary>
    public int Capacity => _buffer.Length;

    /// <summary>The line being typed.</summary>
    public ReadOnlySpan<char> Pending => new ReadOnlySpan<char>(_buffer, 0, _length);

    /// <summary>The last completed line, valid until the next byte is fed.</summary>
    public ReadOnlySpan<char> Line => new ReadOnlySpan<char>(_buffer, 0, _lineLength);

    /// <summary>Feeds one typed byte. Context: thread.</summary>
    public LineEditorAction Feed(byte value)
    {
        _lineLength = 0;    // the previous completed line is given up: the buffer starts over
        bool afterCarriageReturn = _lastWasCarriageReturn;
        _lastWasCarriageReturn = value == CarriageReturn;

        if (_escape != EscapeState.None)
            return ContinueEscape(value);

        switch (value)
        {
            case CarriageReturn:
                return CompleteLine();
            case LineFeed:
                // CR LF (a terminal or a script from another system) is one Enter, not an Enter and an empty line.
                return afterCarriageReturn ? LineEditorAction.None : CompleteLine();
            case Backspace:
            case Delete:
                if (_length == 0)
                    return LineEditorAction.Refuse;
                _length--;
                return LineEditorAction.Erase;
            case NegativeAcknowledge:
            case EndOfText:
                _length = 0;
                return LineEditorAction.Cancel;
            case EndOfTransmission:
                return _length == 0 ? LineEditorAction.EndOfInput : LineEditorAction.Refuse;
            case Escape:
                _escape = EscapeState.Started;
                return LineEditorAction.None;
        }
        if (value == (byte)'\t')
            value = (byte)' ';
        if (value < 0x20 || value > 0x7E)
            return LineEditorAction.None;
        if (_length == _buffer.Length)
            return LineEditorAction.Refuse;
        _buffer[_length++] = (char)value;
        return LineEditorAction.Echo;
    }

    private LineEditorAction CompleteLine()
    {
        _lineLength = _length;
        _length = 0;
        return LineEditorAction.Line;
    }

    private LineEditorAction ContinueEscape(byte value)
    {
        if (_escape == EscapeState.Started)
        {
            // ESC [ opens a control sequence; any other byte ends a two-byte escape.
            _escape = value == (byte)'[' ? EscapeState.ControlSequence : EscapeState.None;
            return LineEditorAction.None;
        }
        if (value >= 0x40 && value <= 0x7E)
            _escape = EscapeState.None;
        return LineEditorAction.None;
    }
}
