// One axis of a multi-axis sensor as SENSOR_AXIS_DESCRIPTION_GET describes it (SCMI DEN0056E §4.7.2.7), the name aside.
namespace Scmi.Protocols;

/// <summary>An axis' descriptor; its name goes to the caller's span.</summary>
public struct SensorAxisDescriptor
{
    /// <summary>axis_id.</summary>
    public uint Id;
    /// <summary>axis_attributes_low bit 9: the name is longer than the short field (SENSOR_AXIS_NAME_GET has it).</summary>
    public bool HasExtendedName;
    /// <summary>axis_attributes_low bit 8: resolution and range are present.</summary>
    public bool HasExtendedAttributes;
    /// <summary>axis_attributes_high bits 7:0.</summary>
    public SensorUnit Unit;
    /// <summary>axis_attributes_high bits 15:11: power-of-ten exponent applied to readings.</summary>
    public int Scale;
    /// <summary>axis_resolution bits 26:0.</summary>
    public uint Resolution;
    /// <summary>axis_resolution bits 31:27.</summary>
    public int ResolutionExponent;
    /// <summary>Lowest reading (with extended attributes).</summary>
    public long Minimum;
    /// <summary>Highest reading (with extended attributes).</summary>
    public long Maximum;
}
