// Protocol identifiers of Arm DEN0056 v3.2 §4.1.3, and the short names probe names use.
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
        Base => "base",
        PowerDomain => "power",
        SystemPower => "system",
        Performance => "perf",
        Clock => "clock",
        Sensor => "sensor",
        ResetDomain => "reset",
        VoltageDomain => "voltage",
        PowerCapping => "powercap",
        _ => $"p{protocol:x2}",
    };
}
