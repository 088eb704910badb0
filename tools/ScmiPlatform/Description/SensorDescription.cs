// A sensor, optionally with axes and trip points (DEN0056 §4.7).
namespace ScmiPlatform.Description;

/// <summary>One axis of a multi-axis sensor.</summary>
public sealed class SensorAxisDescription
{
    /// <summary>Name.</summary>
    public required string Name { get; init; }
    /// <summary>Unit (DEN0056 §4.7.2.6 sensor unit types).</summary>
    public byte Unit { get; init; }
    /// <summary>Power-of-ten scale of readings, -16..15.</summary>
    public sbyte Scale { get; init; }
    /// <summary>Reading.</summary>
    public long Value { get; init; }
    /// <summary>Lowest reading.</summary>
    public long Minimum { get; init; } = long.MinValue;
    /// <summary>Highest reading.</summary>
    public long Maximum { get; init; } = long.MaxValue;
    /// <summary>Resolution mantissa.</summary>
    public uint Resolution { get; init; } = 1;
}

/// <summary>One sensor.</summary>
public sealed class SensorDescription
{
    /// <summary>Name.</summary>
    public required string Name { get; init; }
    /// <summary>Unit (DEN0056 §4.7.2.6 sensor unit types), e.g. 2 = degrees C, 5 = volts, 6 = amps, 7 = watts.</summary>
    public byte Unit { get; init; }
    /// <summary>Power-of-ten scale of readings, -16..15.</summary>
    public sbyte Scale { get; init; }
    /// <summary>Reading after reset (for single-axis sensors).</summary>
    public long Value { get; init; }
    /// <summary>Lowest reading.</summary>
    public long Minimum { get; init; } = long.MinValue;
    /// <summary>Highest reading.</summary>
    public long Maximum { get; init; } = long.MaxValue;
    /// <summary>Added to the reading at each SENSOR_READING_GET, bouncing between minimum and maximum; 0 = constant.</summary>
    public long RampStep { get; init; }
    /// <summary>Resolution mantissa.</summary>
    public uint Resolution { get; init; } = 1;
    /// <summary>Sensor power consumption in microwatts.</summary>
    public uint PowerMicrowatts { get; init; }
    /// <summary>Number of trip points, 0..255.</summary>
    public byte TripPoints { get; init; }
    /// <summary>SENSOR_READING_GET with the async flag is accepted.</summary>
    public bool AsyncRead { get; init; }
    /// <summary>Update intervals offered, in seconds.</summary>
    public IReadOnlyList<uint> UpdateIntervalsSeconds { get; init; } = new uint[] { 1 };
    /// <summary>Sensor enabled after reset.</summary>
    public bool Enabled { get; init; } = true;
    /// <summary>Axes; empty for a scalar sensor.</summary>
    public IReadOnlyList<SensorAxisDescription> Axes { get; init; } = Array.Empty<SensorAxisDescription>();
}
