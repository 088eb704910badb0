// A line of text built in a caller's span: strings, numbers and padding, no allocation.
using System;

namespace App.Format;

/// <summary>
/// Appends text into a caller-provided <see cref="Span{T}"/> of chars. What does not fit is cut off (and
/// <see cref="Overflowed"/> says so) rather than failing: a console line is better short than missing.
/// </summary>
public ref struct LineBuilder
{
    private readonly Span<char> _buffer;
    private int _length;

    public LineBuilder(Span<char> buffer)
    {
        _buffer = buffer;
        _length = 0;
        Overflowed = false;
    }

    /// <summary>Characters written so far.</summary>
    public readonly int Length => _length;

    /// <summary>True when something did not fit.</summary>
    public bool Overflowed { get; private set; }

    /// <summary>The text so far.</summary>
    public readonly ReadOnlySpan<char> Text => _buffer.Slice(0, _length);

    /// <summary>Forgets the text (the buffer is reused).</summary>
    public void Clear()
    {
        _length = 0;
        Overflowed = false;
    }

    public void Append(char value)
    {
        if (_length < _buffer.Length)
            _buffer[_length++] = value;
        else
            Overflowed = true;
    }

    public void Append(scoped ReadOnlySpan<char> text)
    {
        for (int i = 0; i < text.Length; i++)
            Append(text[i]);
    }

    public void Append(string? text) => Append((ReadOnlySpan<char>)text);

    /// <summary>Appends ASCII (or Latin-1) bytes, such as an SCMI name, as characters.</summary>
    public void AppendAscii(scoped ReadOnlySpan<byte> text)
    {
        for (int i = 0; i < text.Length; i++)
            Append(text[i] >= 0x20 && text[i] < 0x7F ? (char)text[i] : '?');
    }

    /// <summary>Appends UTF-8 bytes (unit symbols such as "°C"): one- and two-byte sequences; anything else is '?'.</summary>
    public void AppendUtf8(scoped ReadOnlySpan<byte> text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            byte lead = text[i];
            if (lead < 0x80)
                Append(lead >= 0x20 && lead < 0x7F ? (char)lead : '?');
            else if ((lead & 0xE0) == 0xC0 && i + 1 < text.Length && (text[i + 1] & 0xC0) == 0x80)
                Append((char)(((lead & 0x1F) << 6) | (text[++i] & 0x3F)));
            else
                Append('?');
        }
    }

    public void Append(long value)
    {
        Span<char> digits = stackalloc char[24];
        if (value.TryFormat(digits, out int written))
            Append(digits.Slice(0, written));
    }

    public void Append(ulong value)
    {
        Span<char> digits = stackalloc char[24];
        if (value.TryFormat(digits, out int written))
            Append(digits.Slice(0, written));
    }

    /// <summary>Appends "0x" and <paramref name="digits"/> upper-case hex digits (at least; more when the value needs them).</summary>
    public void AppendHex(ulong value, int digits)
    {
        Append("0x");
        int needed = 1;
        for (ulong rest = value >> 4; rest != 0; rest >>= 4)
            needed++;
        for (int i = Math.Max(needed, digits) - 1; i >= 0; i--)
        {
            uint nibble = (uint)(value >> (i * 4)) & 0xF;
            Append((char)(nibble < 10 ? '0' + nibble : 'A' + nibble - 10));
        }
    }

    /// <summary>Appends spaces until the line is <paramref name="column"/> long (at least one space when already past it).</summary>
    public void PadTo(int column)
    {
        if (_length >= column && _length > 0)
        {
            Append(' ');
            return;
        }
        while (_length < column)
            Append(' ');
    }

    /// <summary>Appends <paramref name="text"/> right-aligned in a field of <paramref name="width"/>.</summary>
    public void AppendRight(scoped ReadOnlySpan<char> text, int width)
    {
        for (int i = text.Length; i < width; i++)
            Append(' ');
        Append(text);
    }
}
