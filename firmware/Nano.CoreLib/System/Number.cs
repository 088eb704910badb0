// Integer formatting into caller-provided spans: decimal ("", "D", "Dn") and hexadecimal ("X", "x", "Xn").
namespace System;

internal static class Number
{
    private enum Style { Decimal, UpperHex, LowerHex, Invalid }

    private static Style ParseFormat(ReadOnlySpan<char> format, out int minimumDigits)
    {
        minimumDigits = 1;
        if (format.Length == 0)
            return Style.Decimal;
        Style style = format[0] switch
        {
            'D' or 'd' => Style.Decimal,
            'X' => Style.UpperHex,
            'x' => Style.LowerHex,
            _ => Style.Invalid,
        };
        int digits = 0;
        for (int i = 1; i < format.Length; i++)
        {
            char c = format[i];
            if (c < '0' || c > '9' || digits > 99)
                return Style.Invalid;
            digits = digits * 10 + (c - '0');
        }
        if (format.Length > 1)
            minimumDigits = digits;
        return style;
    }

    /// <summary>Formats |value| (sign handled by the caller) into ASCII digits at the end of <paramref name="scratch"/>;
    /// returns the index of the first digit.</summary>
    private static int FormatDigits(ulong value, Style style, int minimumDigits, Span<byte> scratch)
    {
        int position = scratch.Length;
        if (style == Style.Decimal)
        {
            do
            {
                ulong quotient = value / 10;
                scratch[--position] = (byte)('0' + (int)(value - quotient * 10));
                value = quotient;
            } while (value != 0);
        }
        else
        {
            int letterBase = style == Style.UpperHex ? 'A' - 10 : 'a' - 10;
            do
            {
                int nibble = (int)(value & 0xF);
                scratch[--position] = (byte)(nibble < 10 ? '0' + nibble : letterBase + nibble);
                value >>= 4;
            } while (value != 0);
        }
        while (scratch.Length - position < minimumDigits && position > 0)
            scratch[--position] = (byte)'0';
        return position;
    }

    // 64 hex/decimal digits are enough for ulong; precision up to 99 is clamped to the scratch size.
    private const int ScratchLength = 128;

    internal static bool TryFormatUnsigned(ulong value, Span<char> destination, out int charsWritten, ReadOnlySpan<char> format)
    {
        Span<byte> scratch = stackalloc byte[ScratchLength];
        Style style = ParseFormat(format, out int minimumDigits);
        if (style == Style.Invalid)
        {
            charsWritten = 0;
            return false;
        }
        int start = FormatDigits(value, style, minimumDigits, scratch);
        return CopyOut(false, scratch.Slice(start), destination, out charsWritten);
    }

    internal static bool TryFormatSigned(long value, int bits, Span<char> destination, out int charsWritten, ReadOnlySpan<char> format)
    {
        Span<byte> scratch = stackalloc byte[ScratchLength];
        Style style = ParseFormat(format, out int minimumDigits);
        if (style == Style.Invalid)
        {
            charsWritten = 0;
            return false;
        }
        bool negative = false;
        ulong magnitude;
        if (style == Style.Decimal)
        {
            negative = value < 0;
            magnitude = negative ? (ulong)(-(value + 1)) + 1 : (ulong)value;
        }
        else
        {
            // Hexadecimal shows the two's complement bit pattern of the value's own width.
            magnitude = bits == 64 ? (ulong)value : (ulong)value & ((1UL << bits) - 1);
        }
        int start = FormatDigits(magnitude, style, minimumDigits, scratch);
        return CopyOut(negative, scratch.Slice(start), destination, out charsWritten);
    }

    internal static bool TryFormatUnsignedUtf8(ulong value, Span<byte> destination, out int bytesWritten, ReadOnlySpan<char> format)
    {
        Span<char> chars = stackalloc char[ScratchLength + 1];
        if (!TryFormatUnsigned(value, chars, out int written, format))
        {
            bytesWritten = 0;
            return false;
        }
        return Narrow(chars.Slice(0, written), destination, out bytesWritten);
    }

    internal static bool TryFormatSignedUtf8(long value, int bits, Span<byte> destination, out int bytesWritten, ReadOnlySpan<char> format)
    {
        Span<char> chars = stackalloc char[ScratchLength + 1];
        if (!TryFormatSigned(value, bits, chars, out int written, format))
        {
            bytesWritten = 0;
            return false;
        }
        return Narrow(chars.Slice(0, written), destination, out bytesWritten);
    }

    private static bool CopyOut(bool negative, ReadOnlySpan<byte> digits, Span<char> destination, out int charsWritten)
    {
        int length = digits.Length + (negative ? 1 : 0);
        if (length > destination.Length)
        {
            charsWritten = 0;
            return false;
        }
        int position = 0;
        if (negative)
            destination[position++] = '-';
        for (int i = 0; i < digits.Length; i++)
            destination[position++] = (char)digits[i];
        charsWritten = length;
        return true;
    }

    // Digits and '-' are ASCII, so UTF-8 is one byte per char.
    private static bool Narrow(ReadOnlySpan<char> chars, Span<byte> destination, out int bytesWritten)
    {
        if (chars.Length > destination.Length)
        {
            bytesWritten = 0;
            return false;
        }
        for (int i = 0; i < chars.Length; i++)
            destination[i] = (byte)chars[i];
        bytesWritten = chars.Length;
        return true;
    }
}
