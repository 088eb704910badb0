// Numbers for people: frequencies in Hz/kHz/MHz/GHz, scaled sensor readings, volts and watts, with their units.
using System;

namespace App.Format;

/// <summary>
/// Formats physical quantities into a caller's span with the largest unit that keeps the value at or
/// above 1, up to three decimals, trailing zeros dropped ("1.5 GHz", "32.768 kHz", "900 mV").
/// Each method returns the characters written (0 when the span is too short).
/// </summary>
public static class Units
{
    /// <summary>A frequency: "12 Hz", "32.768 kHz", "800 MHz", "1.2 GHz".</summary>
    public static int Frequency(ulong hertz, Span<char> destination)
    {
        if (hertz >= 1_000_000_000)
            return Decimal(hertz, 1_000_000_000, " GHz", destination);
        if (hertz >= 1_000_000)
            return Decimal(hertz, 1_000_000, " MHz", destination);
        if (hertz >= 1_000)
            return Decimal(hertz, 1_000, " kHz", destination);
        return Decimal(hertz, 1, " Hz", destination);
    }

    /// <summary>A voltage given in microvolts (SCMI voltage domains): "900 mV", "1.8 V", "-5 mV", "250 uV".</summary>
    public static int Voltage(long microvolts, Span<char> destination)
        => Signed(microvolts, destination, " V", " mV", " uV");

    /// <summary>A power given in microwatts: "1.5 W", "250 mW", "40 uW".</summary>
    public static int Power(long microwatts, Span<char> destination)
        => Signed(microwatts, destination, " W", " mW", " uW");

    /// <summary>
    /// A sensor reading: <paramref name="value"/> × 10^<paramref name="exponent"/> in <paramref name="unit"/>
    /// ("45.5 °C" for 45500 and exponent -3). Exponents below -9 or above 9 are shown as "value e±n".
    /// </summary>
    public static int Scaled(long value, int exponent, ReadOnlySpan<char> unit, Span<char> destination)
    {
        var line = new LineBuilder(destination);
        if (exponent >= 0 && exponent <= 9)
        {
            ulong factor = PowerOfTen(exponent);
            ulong magnitude = Magnitude(value);
            if (magnitude <= ulong.MaxValue / factor)
            {
                if (value < 0)
                    line.Append('-');
                line.Append(magnitude * factor);
            }
            else
            {
                line.Append(value);
                line.Append('e');
                line.Append((long)exponent);
            }
        }
        else if (exponent < 0 && exponent >= -9)
        {
            AppendFraction(ref line, value, PowerOfTen(-exponent), (-exponent));
        }
        else
        {
            line.Append(value);
            line.Append('e');
            line.Append((long)exponent);
        }
        if (unit.Length > 0)
        {
            line.Append(' ');
            line.Append(unit);
        }
        return line.Overflowed ? 0 : line.Length;
    }

    private static int Signed(long micro, Span<char> destination, string whole, string milli, string microUnit)
    {
        ulong magnitude = Magnitude(micro);
        var line = new LineBuilder(destination);
        if (micro < 0)
            line.Append('-');
        Span<char> rest = stackalloc char[40];
        int written = magnitude >= 1_000_000 ? Decimal(magnitude, 1_000_000, whole, rest)
            : magnitude >= 1_000 ? Decimal(magnitude, 1_000, milli, rest)
            : Decimal(magnitude, 1, microUnit, rest);
        line.Append(rest.Slice(0, written));
        return line.Overflowed ? 0 : line.Length;
    }

    /// <summary><paramref name="value"/> / <paramref name="divisor"/> with up to three decimals, then the unit.</summary>
    private static int Decimal(ulong value, ulong divisor, string unit, Span<char> destination)
    {
        var line = new LineBuilder(destination);
        line.Append(value / divisor);
        ulong remainder = value % divisor;
        if (divisor >= 1000 && remainder != 0)
        {
            // Three decimals, truncated (a rate shown is never above the real one), trailing zeros dropped.
            ulong thousandths = remainder / (divisor / 1000);
            if (thousandths != 0)
            {
                line.Append('.');
                int digits = 3;
                while (thousandths % 10 == 0)
                {
                    thousandths /= 10;
                    digits--;
                }
                AppendZeroPadded(ref line, thousandths, digits);
            }
        }
        line.Append(unit);
        return line.Overflowed ? 0 : line.Length;
    }

    private static void AppendFraction(ref LineBuilder line, long value, ulong divisor, int decimals)
    {
        ulong magnitude = Magnitude(value);
        if (value < 0)
            line.Append('-');
        line.Append(magnitude / divisor);
        ulong remainder = magnitude % divisor;
        if (remainder == 0)
            return;
        int digits = decimals;
        while (remainder % 10 == 0)
        {
            remainder /= 10;
            digits--;
        }
        line.Append('.');
        AppendZeroPadded(ref line, remainder, digits);
    }

    private static void AppendZeroPadded(ref LineBuilder line, ulong value, int digits)
    {
        Span<char> text = stackalloc char[24];
        if (!value.TryFormat(text, out int written))
            return;
        for (int i = written; i < digits; i++)
            line.Append('0');
        line.Append(text.Slice(0, written));
    }

    private static ulong Magnitude(long value) => value < 0 ? (ulong)(-(value + 1)) + 1 : (ulong)value;

    private static ulong PowerOfTen(int exponent)
    {
        ulong result = 1;
        for (int i = 0; i < exponent; i++)
            result *= 10;
        return result;
    }
}
