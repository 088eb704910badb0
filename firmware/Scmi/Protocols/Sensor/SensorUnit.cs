// Sensor unit types (SCMI DEN0056E §4.7.2.3, the unit table) and the symbol people read for each.
using System;

namespace Scmi.Protocols;

/// <summary>The unit of a sensor or an axis (attributes_high bits 7:0). Codes not listed here are valid; they have no symbol.</summary>
public enum SensorUnit : byte
{
    /// <summary>No unit.</summary>
    None = 0,
    /// <summary>Unspecified.</summary>
    Unspecified = 1,
    /// <summary>Degrees Celsius.</summary>
    DegreesC = 2,
    /// <summary>Degrees Fahrenheit.</summary>
    DegreesF = 3,
    /// <summary>Kelvin.</summary>
    Kelvin = 4,
    /// <summary>Volts.</summary>
    Volts = 5,
    /// <summary>Amps.</summary>
    Amps = 6,
    /// <summary>Watts.</summary>
    Watts = 7,
    /// <summary>Joules.</summary>
    Joules = 8,
    /// <summary>Coulombs.</summary>
    Coulombs = 9,
    /// <summary>Volt-amperes.</summary>
    VoltAmperes = 10,
    /// <summary>Revolutions per minute.</summary>
    Rpm = 19,
    /// <summary>Hertz.</summary>
    Hertz = 20,
    /// <summary>Seconds.</summary>
    Seconds = 21,
    /// <summary>Meters.</summary>
    Meters = 31,
    /// <summary>Radians.</summary>
    Radians = 36,
    /// <summary>Gravities.</summary>
    Gravities = 40,
    /// <summary>Percentage.</summary>
    Percentage = 65,
    /// <summary>Pascals.</summary>
    Pascals = 66,
    /// <summary>Counts.</summary>
    Counts = 67,
}

/// <summary>Unit symbols as UTF-8 bytes, for a console.</summary>
public static class SensorUnitSymbols
{
    /// <summary>The symbol of <paramref name="unit"/> ("°C", "V", "mW" is the caller's scale), empty when it has none. Context: any.</summary>
    public static ReadOnlySpan<byte> Of(SensorUnit unit) => unit switch
    {
        SensorUnit.DegreesC => "°C"u8,
        SensorUnit.DegreesF => "°F"u8,
        SensorUnit.Kelvin => "K"u8,
        SensorUnit.Volts => "V"u8,
        SensorUnit.Amps => "A"u8,
        SensorUnit.Watts => "W"u8,
        SensorUnit.Joules => "J"u8,
        SensorUnit.Coulombs => "C"u8,
        SensorUnit.VoltAmperes => "VA"u8,
        SensorUnit.Rpm => "rpm"u8,
        SensorUnit.Hertz => "Hz"u8,
        SensorUnit.Seconds => "s"u8,
        SensorUnit.Meters => "m"u8,
        SensorUnit.Radians => "rad"u8,
        SensorUnit.Gravities => "g"u8,
        SensorUnit.Percentage => "%"u8,
        SensorUnit.Pascals => "Pa"u8,
        _ => default,
    };
}
