// One sensor as SENSOR_DESCRIPTION_GET describes it (SCMI DEN0056E §4.7.2.3), the name aside.
namespace Scmi.Protocols;

/// <summary>A sensor's descriptor; its name goes to the caller's span.</summary>
public struct SensorDescriptor
{
    /// <summary>sensor_id.</summary>
    public uint Id;
    /// <summary>attributes_low bit 31: SENSOR_READING_GET may be asynchronous.</summary>
    public bool AsyncReadSupported;
    /// <summary>attributes_low bit 30: SENSOR_CONTINUOUS_UPDATE_NOTIFY is supported.</summary>
    public bool ContinuousUpdateNotifySupported;
    /// <summary>attributes_low bit 29: the name was read with SENSOR_NAME_GET.</summary>
    public bool HasExtendedName;
    /// <summary>attributes_low bit 9: readings carry a timestamp.</summary>
    public bool TimestampSupported;
    /// <summary>attributes_low bits 14:10: power-of-ten exponent of the timestamp's unit of seconds.</summary>
    public int TimestampExponent;
    /// <summary>attributes_low bit 8: power, and for scalar sensors resolution and range, are present.</summary>
    public bool HasExtendedAttributes;
    /// <summary>attributes_low bits 7:0: number of trip points.</summary>
    public int TripPointCount;
    /// <summary>attributes_high bits 7:0: unit type (see <see cref="SensorUnit"/>).</summary>
    public SensorUnit Unit;
    /// <summary>attributes_high bits 15:11: power-of-ten exponent applied to readings.</summary>
    public int Scale;
    /// <summary>attributes_high bits 21:16 when bit 8 is set: number of axes (0 for a scalar sensor).</summary>
    public int AxisCount;
    /// <summary>sensor_power in microwatts (0 without extended attributes).</summary>
    public uint PowerMicrowatts;
    /// <summary>sensor_resolution bits 26:0, scaled by <see cref="ResolutionExponent"/>.</summary>
    public uint Resolution;
    /// <summary>sensor_resolution bits 31:27.</summary>
    public int ResolutionExponent;
    /// <summary>True when <see cref="Minimum"/> and <see cref="Maximum"/> were given (scalar sensors with extended attributes).</summary>
    public bool HasRange;
    /// <summary>Lowest reading.</summary>
    public long Minimum;
    /// <summary>Highest reading.</summary>
    public long Maximum;
}
