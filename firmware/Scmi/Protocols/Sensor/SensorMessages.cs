// Message and notification ids of the SCMI Sensor management protocol (SCMI DEN0056E §4.7.2, §4.7.3).
namespace Scmi.Protocols;

/// <summary>Sensor protocol (0x15) message ids and event ids.</summary>
public static class SensorMessages
{
    /// <summary>SENSOR_DESCRIPTION_GET.</summary>
    public const byte DescriptionGet = 0x3;
    /// <summary>SENSOR_TRIP_POINT_NOTIFY.</summary>
    public const byte TripPointNotify = 0x4;
    /// <summary>SENSOR_TRIP_POINT_CONFIG.</summary>
    public const byte TripPointConfig = 0x5;
    /// <summary>SENSOR_READING_GET.</summary>
    public const byte ReadingGet = 0x6;
    /// <summary>SENSOR_AXIS_DESCRIPTION_GET.</summary>
    public const byte AxisDescriptionGet = 0x7;
    /// <summary>SENSOR_LIST_UPDATE_INTERVALS.</summary>
    public const byte ListUpdateIntervals = 0x8;
    /// <summary>SENSOR_CONFIG_GET.</summary>
    public const byte ConfigGet = 0x9;
    /// <summary>SENSOR_CONFIG_SET.</summary>
    public const byte ConfigSet = 0xA;
    /// <summary>SENSOR_CONTINUOUS_UPDATE_NOTIFY.</summary>
    public const byte ContinuousUpdateNotify = 0xB;
    /// <summary>SENSOR_NAME_GET.</summary>
    public const byte NameGet = 0xC;
    /// <summary>SENSOR_AXIS_NAME_GET.</summary>
    public const byte AxisNameGet = 0xD;

    /// <summary>Event SENSOR_TRIP_POINT_EVENT.</summary>
    public const byte TripPointEvent = 0x0;
    /// <summary>Event SENSOR_UPDATE.</summary>
    public const byte UpdateEvent = 0x1;
}
