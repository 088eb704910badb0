// Arm DEN0056 v3.2 §4.7 sensor management protocol. Message ids as the spec's tables give them.
namespace Interop.Tests.Raw;

/// <summary>DEN0056 §4.7 sensor management protocol.</summary>
public static class SensorMessage
{
    public const byte DescriptionGet = 0x3, TripPointConfig = 0x5, ReadingGet = 0x6, AxisDescriptionGet = 0x7, ListUpdateIntervals = 0x8,
        ConfigGet = 0x9, ContinuousUpdateNotify = 0xB, NameGet = 0xC;
    /// <summary>§4.7.3.2: the SENSOR_UPDATE notification's message id.</summary>
    public const byte SensorUpdate = 0x1;
    public static readonly byte[] Mandatory = [0x0, 0x1, 0x2, DescriptionGet, ReadingGet];
    public static readonly byte[] All = [0x0, 0x1, 0x2, 0x3, 0x4, 0x5, 0x6, 0x7, 0x8, 0x9, 0xA, 0xB, 0xC, 0xD];
    /// <summary>§4.7.2.8 SENSOR_READING_GET flags: bit 0 async; 31:1 reserved.</summary>
    public const uint ReadingAsyncFlag = 1u, ReadingReservedFlag = 1u << 1;
}
