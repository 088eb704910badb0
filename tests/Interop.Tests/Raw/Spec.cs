// Message ids and protocol numbers of Arm DEN0056 v3.2 that the probes use, written from the spec's tables.
namespace Interop.Tests.Raw;

/// <summary>DEN0056 §4.1.3 protocol identifiers.</summary>
public static class ProtocolNumber
{
    public const byte Base = 0x10, PowerDomain = 0x11, SystemPower = 0x12, Performance = 0x13, Clock = 0x14,
        Sensor = 0x15, ResetDomain = 0x16, VoltageDomain = 0x17, PowerCapping = 0x18;
    /// <summary>In the vendor range (0x80-0xFF) and not offered by our platform.</summary>
    public const byte UnknownVendor = 0x80;

    /// <summary>Short names used in check names.</summary>
    public static string Short(byte protocol) => protocol switch
    {
        Base => "base", PowerDomain => "power", SystemPower => "system", Performance => "perf", Clock => "clock",
        Sensor => "sensor", ResetDomain => "reset", VoltageDomain => "voltage", PowerCapping => "powercap",
        _ => $"p{protocol:x2}",
    };
}

/// <summary>DEN0056: message ids every protocol shares (§4.2.2 and each protocol's first three commands).</summary>
public static class CommonMessage
{
    public const byte ProtocolVersion = 0x0, ProtocolAttributes = 0x1, ProtocolMessageAttributes = 0x2;
    /// <summary>No protocol of DEN0056 v3.2 defines it: must answer NOT_FOUND.</summary>
    public const byte Undefined = 0xEF;
}

/// <summary>DEN0056 §4.2 base protocol.</summary>
public static class BaseMessage
{
    public const byte DiscoverVendor = 0x3, DiscoverSubVendor = 0x4, DiscoverImplementationVersion = 0x5,
        DiscoverListProtocols = 0x6, DiscoverAgent = 0x7, NotifyErrors = 0x8;
    public static readonly byte[] Mandatory = [0x0, 0x1, 0x2, DiscoverVendor, DiscoverImplementationVersion, DiscoverListProtocols];
    public static readonly byte[] All = [0x0, 0x1, 0x2, 0x3, 0x4, 0x5, 0x6, 0x7, 0x8, 0x9, 0xA, 0xB];
}

/// <summary>DEN0056 §4.3 power domain management protocol.</summary>
public static class PowerDomainMessage
{
    public const byte DomainAttributes = 0x3, StateSet = 0x4, StateGet = 0x5, NameGet = 0x8;
    public static readonly byte[] Mandatory = [0x0, 0x1, 0x2, DomainAttributes, StateSet, StateGet];
    public static readonly byte[] All = [0x0, 0x1, 0x2, 0x3, 0x4, 0x5, 0x6, 0x7, 0x8];
    /// <summary>§4.3.2.7: ON is type 0, state id 0.</summary>
    public const uint On = 0x0000_0000;
}

/// <summary>DEN0056 §4.4 system power management protocol.</summary>
public static class SystemPowerMessage
{
    public static readonly byte[] Mandatory = [0x0, 0x1, 0x2, 0x3];
    public static readonly byte[] All = [0x0, 0x1, 0x2, 0x3, 0x5];
}

/// <summary>DEN0056 §4.5 performance domain management protocol.</summary>
public static class PerformanceMessage
{
    public const byte DomainAttributes = 0x3, DescribeLevels = 0x4, LimitsSet = 0x5, LimitsGet = 0x6, LevelSet = 0x7, LevelGet = 0x8, NameGet = 0xC;
    public static readonly byte[] Mandatory = [0x0, 0x1, 0x2, DomainAttributes, DescribeLevels, LimitsSet, LimitsGet, LevelSet, LevelGet];
    public static readonly byte[] All = [0x0, 0x1, 0x2, 0x3, 0x4, 0x5, 0x6, 0x7, 0x8, 0x9, 0xA, 0xB, 0xC];
}

/// <summary>DEN0056 §4.6 clock management protocol.</summary>
public static class ClockMessage
{
    public const byte Attributes = 0x3, DescribeRates = 0x4, RateSet = 0x5, RateGet = 0x6, ConfigSet = 0x7, NameGet = 0x8;
    public static readonly byte[] Mandatory = [0x0, 0x1, 0x2, Attributes, DescribeRates, RateSet, RateGet, ConfigSet];
    public static readonly byte[] All = [0x0, 0x1, 0x2, 0x3, 0x4, 0x5, 0x6, 0x7, 0x8, 0x9, 0xA, 0xB, 0xC, 0xD, 0xE, 0xF];
    /// <summary>§4.6.2.7 CLOCK_RATE_SET flags: bit 0 async, 1 ignore delayed response, 3:2 rounding; 31:4 reserved.</summary>
    public const uint RateSetAsyncFlag = 1u << 0, RateSetReservedFlag = 1u << 4;
}

/// <summary>DEN0056 §4.7 sensor management protocol.</summary>
public static class SensorMessage
{
    public const byte DescriptionGet = 0x3, ReadingGet = 0x6, ListUpdateIntervals = 0x8, NameGet = 0xC;
    public static readonly byte[] Mandatory = [0x0, 0x1, 0x2, DescriptionGet, ReadingGet];
    public static readonly byte[] All = [0x0, 0x1, 0x2, 0x3, 0x4, 0x5, 0x6, 0x7, 0x8, 0x9, 0xA, 0xB, 0xC, 0xD];
    /// <summary>§4.7.2.8 SENSOR_READING_GET flags: bit 0 async; 31:1 reserved.</summary>
    public const uint ReadingAsyncFlag = 1u, ReadingReservedFlag = 1u << 1;
}

/// <summary>DEN0056 §4.8 reset domain management protocol.</summary>
public static class ResetMessage
{
    public const byte DomainAttributes = 0x3, Reset = 0x4, NameGet = 0x6;
    public static readonly byte[] Mandatory = [0x0, 0x1, 0x2, DomainAttributes, Reset];
    public static readonly byte[] All = [0x0, 0x1, 0x2, 0x3, 0x4, 0x5, 0x6];
    /// <summary>§4.8.2.4 RESET flags: bit 0 autonomous reset, 1 explicit assert, 2 async; 31:3 reserved.</summary>
    public const uint Autonomous = 1u, Async = 1u << 2, ReservedFlag = 1u << 3;
}

/// <summary>DEN0056 §4.9 voltage domain management protocol.</summary>
public static class VoltageMessage
{
    public const byte DomainAttributes = 0x3, DescribeLevels = 0x4, ConfigSet = 0x5, ConfigGet = 0x6, LevelSet = 0x7, LevelGet = 0x8, NameGet = 0x9;
    /// <summary>§4.9.2.6 VOLTAGE_CONFIG_GET: bits 3:0 = 0x7 architectural ON.</summary>
    public const uint ConfigOn = 0x7;
    /// <summary>§4.9.2.7 VOLTAGE_LEVEL_SET flags: bit 0 async; 31:1 reserved.</summary>
    public const uint LevelSetReservedFlag = 1u << 1;
    public static readonly byte[] Mandatory = [0x0, 0x1, 0x2, DomainAttributes, DescribeLevels, ConfigSet, ConfigGet, LevelSet, LevelGet];
    public static readonly byte[] All = [0x0, 0x1, 0x2, 0x3, 0x4, 0x5, 0x6, 0x7, 0x8, 0x9];
}

/// <summary>DEN0056 §4.10 power capping protocol.</summary>
public static class PowerCapMessage
{
    public const byte DomainAttributes = 0x3, CapGet = 0x4, CapSet = 0x5, PaiGet = 0x6, NameGet = 0x8, MeasurementsGet = 0x9;
    public static readonly byte[] Mandatory = [0x0, 0x1, 0x2, DomainAttributes, CapGet, CapSet];
    public static readonly byte[] All = [0x0, 0x1, 0x2, 0x3, 0x4, 0x5, 0x6, 0x7, 0x8, 0x9, 0xA, 0xB, 0xC];
    /// <summary>§4.10.2.6 POWERCAP_CAP_SET flags: bit 0 ignore delayed response, bit 1 async; 31:2 reserved.</summary>
    public const uint CapSetReservedFlag = 1u << 2;
}
