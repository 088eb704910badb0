// A reading with its power-of-ten scale applied, as an integer part and a decimal fraction, without floating point.
using System;

namespace Scmi.Protocols;

/// <summary>
/// value × 10^scale split into sign, integer part and fraction digits, so 41500 at scale -3 prints "41.5"
/// (SCMI DEN0056E §4.7.2.3: readings are in the unit times 10^scale). No floating point, no allocation.
/// </summary>
public readonly struct SensorValue
{
    /// <summary>Most fraction digits kept (a scale below -18 loses the rest).</summary>
    public const int MaxFractionDigits = 18;

    private SensorValue(bool negative, ulong integer, ulong fraction, int fractionDigits, bool overflowed)
    {
        Negative = negative;
        Integer = integer;
        Fraction = fraction;
        FractionDigits = fractionDigits;
        Overflowed = overflowed;
    }

    /// <summary>True for a value below zero (also when the integer part is 0, as in -0.005).</summary>
    public bool Negative { get; }

    /// <summary>The magnitude's integer part.</summary>
    public ulong Integer { get; }

    /// <summary>The magnitude's fraction as an integer of <see cref="FractionDigits"/> digits (005 for .005).</summary>
    public ulong Fraction { get; }

    /// <summary>How many digits <see cref="Fraction"/> stands for (−scale, at most <see cref="MaxFractionDigits"/>).</summary>
    public int FractionDigits { get; }

    /// <summary>True when a positive scale made the integer part exceed 64 bits (it is then saturated).</summary>
    public bool Overflowed { get; }

    /// <summary>Applies <paramref name="scale"/> to <paramref name="value"/>. Context: any.</summary>
    public static SensorValue FromScaled(long value, int scale)
    {
        bool negative = value < 0;
        ulong magnitude = negative ? (ulong)(-(value + 1)) + 1 : (ulong)value;
        if (scale >= 0)
        {
            bool overflowed = false;
            for (int i = 0; i < scale; i++)
            {
                if (magnitude > ulong.MaxValue / 10)
                {
                    magnitude = ulong.MaxValue;
                    overflowed = true;
                    break;
                }
                magnitude *= 10;
            }
            return new SensorValue(negative, magnitude, 0, 0, overflowed);
        }
        int digits = -scale;
        ulong divisor = 1;
        int kept = Math.Min(digits, MaxFractionDigits);
        for (int i = 0; i < kept; i++)
            divisor *= 10;
        ulong integer = digits > MaxFractionDigits ? 0 : magnitude / divisor;
        ulong fraction = digits > MaxFractionDigits ? 0 : magnitude % divisor;
        if (digits > 19)
            integer = 0; // 10^20 exceeds every 64-bit magnitude
        return new SensorValue(negative, integer, fraction, kept, false);
    }

    /// <summary>
    /// Writes the value as ASCII ("41.5", "-0.005", "1200"), trailing fraction zeros dropped but one digit
    /// kept ("45.0"). False when <paramref name="destination"/> is too small. Context: any.
    /// </summary>
    public bool TryFormat(Span<byte> destination, out int written)
    {
        written = 0;
        Span<byte> digits = stackalloc byte[48];
        int length = 0;
        if (Negative && (Integer != 0 || Fraction != 0))
            digits[length++] = (byte)'-';
        length += WriteDigits(Integer, 1, digits.Slice(length));
        if (FractionDigits > 0)
        {
            int shown = FractionDigits;
            ulong fraction = Fraction;
            while (shown > 1 && fraction % 10 == 0)
            {
                fraction /= 10;
                shown--;
            }
            digits[length++] = (byte)'.';
            length += WriteDigits(fraction, shown, digits.Slice(length));
        }
        if (length > destination.Length)
            return false;
        digits.Slice(0, length).CopyTo(destination);
        written = length;
        return true;
    }

    private static int WriteDigits(ulong value, int minimumDigits, Span<byte> destination)
    {
        int count = 0;
        ulong rest = value;
        do
        {
            count++;
            rest /= 10;
        }
        while (rest != 0);
        if (count < minimumDigits)
            count = minimumDigits;
        for (int i = count - 1; i >= 0; i--)
        {
            destination[i] = (byte)('0' + (int)(value % 10));
            value /= 10;
        }
        return count;
    }
}
