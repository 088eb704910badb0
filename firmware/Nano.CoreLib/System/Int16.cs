// Int16: the `short` primitive (16-bit signed) and its allocation-free formatting.
namespace System;

public readonly struct Int16
{
    private readonly short m_value;

    public const short MinValue = -32768;
    public const short MaxValue = 32767;

    public bool Equals(short obj) => m_value == obj;

    public int CompareTo(short value) => m_value < value ? -1 : (m_value > value ? 1 : 0);

    /// <summary>Formats into <paramref name="destination"/>: "" or "D[n]" decimal, "X[n]"/"x[n]" hexadecimal
    /// (two's complement for negative values, as .NET does). Returns false when the span is too small.</summary>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider? provider = null)
        => Number.TryFormatSigned((long)m_value, 16, destination, out charsWritten, format);

    /// <summary>Formats as UTF-8 into <paramref name="utf8Destination"/>; same formats as the char overload.</summary>
    public bool TryFormat(Span<byte> utf8Destination, out int bytesWritten, ReadOnlySpan<char> format = default, IFormatProvider? provider = null)
        => Number.TryFormatSignedUtf8((long)m_value, 16, utf8Destination, out bytesWritten, format);
}
