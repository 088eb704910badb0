// UInt32: the `uint` primitive (32-bit unsigned) and its allocation-free formatting.
namespace System;

public readonly struct UInt32
{
    private readonly uint m_value;

    public const uint MinValue = 0;
    public const uint MaxValue = 4294967295U;

    public bool Equals(uint obj) => m_value == obj;

    public int CompareTo(uint value) => m_value < value ? -1 : (m_value > value ? 1 : 0);

    /// <summary>Formats into <paramref name="destination"/>: "" or "D[n]" decimal, "X[n]"/"x[n]" hexadecimal
    /// (two's complement for negative values, as .NET does). Returns false when the span is too small.</summary>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider? provider = null)
        => Number.TryFormatUnsigned((ulong)m_value, destination, out charsWritten, format);

    /// <summary>Formats as UTF-8 into <paramref name="utf8Destination"/>; same formats as the char overload.</summary>
    public bool TryFormat(Span<byte> utf8Destination, out int bytesWritten, ReadOnlySpan<char> format = default, IFormatProvider? provider = null)
        => Number.TryFormatUnsignedUtf8((ulong)m_value, utf8Destination, out bytesWritten, format);
}
