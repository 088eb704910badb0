// One reading of one axis: a signed value and a timestamp (SCMI DEN0056E §4.7.2.6, 16 bytes each from version 3.0).
namespace Scmi.Protocols;

/// <summary>A sensor value (scaled by the sensor's or axis' scale) and when it was taken.</summary>
public struct SensorReading
{
    /// <summary>Bytes of one reading on the wire.</summary>
    public const int Size = 16;

    /// <summary>The raw value; multiply by 10^scale for the unit.</summary>
    public long Value;

    /// <summary>The timestamp in the sensor's timestamp unit (0 when not supported).</summary>
    public ulong Timestamp;
}
