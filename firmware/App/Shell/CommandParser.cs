// Splits a shell line into words and parses numbers, frequencies, voltages and hex words from them, without allocating.
using System;

namespace App.Shell;

/// <summary>Where one word sits in the line.</summary>
public readonly struct Token
{
    public Token(int start, int length)
    {
        Start = start;
        Length = length;
    }

    public int Start { get; }
    public int Length { get; }
}

/// <summary>A line split into words over a caller's token span; words are views into the line.</summary>
public readonly ref struct CommandLine
{
    private readonly ReadOnlySpan<char> _line;
    private readonly ReadOnlySpan<Token> _tokens;

    public CommandLine(ReadOnlySpan<char> line, ReadOnlySpan<Token> tokens)
    {
        _line = line;
        _tokens = tokens;
    }

    /// <summary>Words in the line.</summary>
    public int Count => _tokens.Length;

    /// <summary>Word <paramref name="index"/>, or empty when there is none.</summary>
    public ReadOnlySpan<char> this[int index]
        => (uint)index < (uint)_tokens.Length ? _line.Slice(_tokens[index].Start, _tokens[index].Length) : ReadOnlySpan<char>.Empty;

    /// <summary>True when word <paramref name="index"/> is <paramref name="keyword"/> (ASCII, any case).</summary>
    public bool Is(int index, string keyword) => CommandParser.Matches(this[index], keyword);
}

/// <summary>The shell's lexer and number parsers: each returns false on anything it does not fully understand.</summary>
public static class CommandParser
{
    /// <summary>The most words a line may have.</summary>
    public const int MaximumWords = 40;

    /// <summary>
    /// Splits <paramref name="line"/> at spaces (and tabs) into <paramref name="tokens"/>. Returns the number
    /// of words, or -1 when there are more than <paramref name="tokens"/> can hold. A '#' starts a comment.
    /// </summary>
    public static int Tokenize(ReadOnlySpan<char> line, Span<Token> tokens)
    {
        int count = 0;
        int i = 0;
        while (i < line.Length)
        {
            while (i < line.Length && IsSpace(line[i]))
                i++;
            if (i == line.Length || line[i] == '#')
                break;
            int start = i;
            while (i < line.Length && !IsSpace(line[i]))
                i++;
            if (count == tokens.Length)
                return -1;
            tokens[count++] = new Token(start, i - start);
        }
        return count;
    }

    /// <summary>ASCII case-insensitive equality of a word and a keyword.</summary>
    public static bool Matches(ReadOnlySpan<char> word, string keyword)
    {
        if (word.Length != keyword.Length)
            return false;
        for (int i = 0; i < word.Length; i++)
        {
            if (Lower(word[i]) != Lower(keyword[i]))
                return false;
        }
        return true;
    }

    /// <summary>A non-negative integer: decimal, or hex after "0x". No sign, no overflow, nothing trailing.</summary>
    public static bool TryParseUInt64(ReadOnlySpan<char> text, out ulong value)
    {
        value = 0;
        if (text.Length > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X'))
            return TryParseHex(text.Slice(2), 16, out value);
        if (text.Length == 0)
            return false;
        for (int i = 0; i < text.Length; i++)
        {
            uint digit = (uint)(text[i] - '0');
            if (digit > 9)
                return false;
            if (value > (ulong.MaxValue - digit) / 10)
                return false;
            value = value * 10 + digit;
        }
        return true;
    }

    /// <summary>A 32-bit unsigned integer (decimal or "0x" hex).</summary>
    public static bool TryParseUInt32(ReadOnlySpan<char> text, out uint value)
    {
        bool parsed = TryParseUInt64(text, out ulong wide) && wide <= uint.MaxValue;
        value = parsed ? (uint)wide : 0;
        return parsed;
    }

    /// <summary>A signed 32-bit integer: an optional '-' then <see cref="TryParseUInt64"/>'s forms.</summary>
    public static bool TryParseInt32(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        bool negative = text.Length > 0 && text[0] == '-';
        if (!TryParseUInt64(negative ? text.Slice(1) : text, out ulong magnitude))
            return false;
        if (negative ? magnitude > 2147483648UL : magnitude > int.MaxValue)
            return false;
        value = negative ? (int)(0 - (long)magnitude) : (int)magnitude;
        return true;
    }

    /// <summary>Up to <paramref name="maximumDigits"/> hex digits, with or without "0x".</summary>
    public static bool TryParseHex(ReadOnlySpan<char> text, int maximumDigits, out ulong value)
    {
        value = 0;
        if (text.Length > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X'))
            text = text.Slice(2);
        if (text.Length == 0 || text.Length > maximumDigits)
            return false;
        for (int i = 0; i < text.Length; i++)
        {
            int digit = HexDigit(text[i]);
            if (digit < 0)
                return false;
            value = (value << 4) | (uint)digit;
        }
        return true;
    }

    /// <summary>
    /// A quantity with an optional decimal fraction and an SI prefix, in base units × <paramref name="scale"/>:
    /// with <paramref name="unit"/> "Hz" and scale 1, "100MHz", "100M", "32.768 kHz" (as one word: "32.768kHz")
    /// and "1000" are all accepted. The prefixes are k, M, G (×10³, ×10⁶, ×10⁹) and m, u (×10⁻³, ×10⁻⁶);
    /// a result that is not a whole number of 1/<paramref name="scale"/> units is refused.
    /// </summary>
    public static bool TryParseQuantity(ReadOnlySpan<char> text, string unit, ulong scale, out ulong value)
    {
        value = 0;
        // The unit is optional; the prefix is what is left after the digits.
        if (text.Length >= unit.Length && Matches(text.Slice(text.Length - unit.Length), unit))
            text = text.Slice(0, text.Length - unit.Length);
        int end = 0;
        while (end < text.Length && (text[end] == '.' || (uint)(text[end] - '0') <= 9))
            end++;
        ReadOnlySpan<char> number = text.Slice(0, end);
        ReadOnlySpan<char> prefix = text.Slice(end);
        int exponent;
        if (prefix.Length == 0)
        {
            exponent = 0;
        }
        else if (prefix.Length == 1)
        {
            exponent = prefix[0] switch
            {
                'k' or 'K' => 3,
                'M' => 6,
                'G' or 'g' => 9,
                'm' => -3,
                'u' => -6,
                _ => int.MinValue,
            };
            if (exponent == int.MinValue)
                return false;
        }
        else
        {
            return false;
        }

        int point = number.IndexOf('.');
        ReadOnlySpan<char> whole = point < 0 ? number : number.Slice(0, point);
        ReadOnlySpan<char> fraction = point < 0 ? ReadOnlySpan<char>.Empty : number.Slice(point + 1);
        if (whole.Length == 0 && fraction.Length == 0)
            return false;
        if (fraction.IndexOf('.') >= 0 || (point >= 0 && fraction.Length == 0))
            return false;
        ulong integer = 0;
        if (whole.Length > 0 && !TryParseDecimal(whole, out integer))
            return false;
        ulong fractionDigits = 0;
        if (fraction.Length > 0 && (fraction.Length > 18 || !TryParseDecimal(fraction, out fractionDigits)))
            return false;

        // value = (integer + fractionDigits / 10^f) × 10^exponent × scale, exact or refused.
        int scaleDigits = 0;
        for (ulong s = scale; s > 1; s /= 10)
            scaleDigits++;
        int shift = exponent + scaleDigits - fraction.Length;
        ulong mantissa;
        if (!TryMultiply(integer, PowerOfTen(fraction.Length), out mantissa))
            return false;
        if (mantissa > ulong.MaxValue - fractionDigits)
            return false;
        mantissa += fractionDigits;
        if (shift >= 0)
        {
            if (shift > 19 || !TryMultiply(mantissa, PowerOfTen(shift), out value))
                return false;
            return true;
        }
        if (-shift > 19)
            return mantissa == 0;
        ulong divisor = PowerOfTen(-shift);
        if (mantissa % divisor != 0)
            return false;
        value = mantissa / divisor;
        return true;
    }

    private static bool TryParseDecimal(ReadOnlySpan<char> digits, out ulong value)
    {
        value = 0;
        for (int i = 0; i < digits.Length; i++)
        {
            uint digit = (uint)(digits[i] - '0');
            if (digit > 9 || value > (ulong.MaxValue - digit) / 10)
                return false;
            value = value * 10 + digit;
        }
        return true;
    }

    private static bool TryMultiply(ulong a, ulong b, out ulong product)
    {
        product = 0;
        if (a != 0 && b > ulong.MaxValue / a)
            return false;
        product = a * b;
        return true;
    }

    private static ulong PowerOfTen(int exponent)
    {
        ulong result = 1;
        for (int i = 0; i < exponent; i++)
            result *= 10;
        return result;
    }

    private static int HexDigit(char c)
    {
        if (c >= '0' && c <= '9')
            return c - '0';
        char lower = Lower(c);
        if (lower >= 'a' && lower <= 'f')
            return lower - 'a' + 10;
        return -1;
    }

    private static bool IsSpace(char c) => c == ' ' || c == '\t';

    private static char Lower(char c) => c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
}
