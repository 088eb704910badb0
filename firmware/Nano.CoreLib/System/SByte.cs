// SByte: the `sbyte` primitive (8-bit signed) and its allocation-free formatting.
namespace System;

public readonly struct SByte
{
    private readonly sbyte m_value;

    public const sbyte MinValue = -128;
    public const sbyte MaxValue = 127;

    public bool Equals(sbyte obj) => m_value == obj;

    public int CompareTo(sbyte value) => m_value < value ? -1 : (m_value > value ? 1 : 0);

    /// <summary>Formats into <paramref name="destination"/>: "" or "D[n]" decimal, "X[n]"/"x[n]" hexadecimal
    /// (two's complement for negative values, as .NET does). Returns false when the span is too small.</summary>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider? provider = null)
        => Number.TryFormatSigned((long)m_value, 8, destination, out charsWritten, format);

    /// <summary>Formats as UTF-8 into <paramref name="utf8Destination"/>; same formats as the char overload.</summary>
    public bool TryFormat(Span<byte> utf8Destination, out int bytesWritten, ReadOnlySpan<char> format = default, IFormatProvider? provider = null)
        => Number.TryFormatSignedUtf8((long)m_value, 8, utf8Destination, out bytesWritten, format);
}
