// Linux's numbers written the way our agent prints them (firmware/App/Format/Units.cs, compiled in), so a comparison is exact text.
using App.Format;

namespace Interop.Tests.Ours;

/// <summary>Formats values with the App's own formatter: three decimals at most, truncated, in the largest unit.</summary>
public static class AppText
{
    public static string Frequency(ulong hertz) => Format(hertz, static (v, d) => Units.Frequency(v, d));

    public static string Voltage(long microvolts) => Format(microvolts, static (v, d) => Units.Voltage(v, d));

    public static string Power(long microwatts) => Format(microwatts, static (v, d) => Units.Power(v, d));

    /// <summary>A sensor reading <paramref name="value"/> × 10^<paramref name="scale"/> in <paramref name="unit"/>.</summary>
    public static string Scaled(long value, int scale, string unit)
    {
        Span<char> text = stackalloc char[64];
        return new string(text[..Units.Scaled(value, scale, unit, text)]);
    }

    /// <summary>firmware/Scmi/Protocols/Sensor/SensorUnit.cs: the symbols of DEN0056 §4.7.2.6 unit types the description uses.</summary>
    public static string UnitSymbol(byte unit) => unit switch
    {
        2 => "°C",
        5 => "V",
        6 => "A",
        7 => "W",
        40 => "g",
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "no symbol table entry in this test for this unit type"),
    };

    private delegate int Formatter<T>(T value, Span<char> destination);

    private static string Format<T>(T value, Formatter<T> format)
    {
        Span<char> text = stackalloc char[64];
        return new string(text[..format(value, text)]);
    }
}
