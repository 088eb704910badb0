// SCMI protocol identifiers (SCMI DEN0056E §4.1.2, the protocol id field, bits 17:10).
namespace Scmi;

/// <summary>The standard protocols; other values stay numbers (vendor protocols are 0x80..0xFF).</summary>
public enum ScmiProtocolId : byte
{
    Base = 0x10,
    PowerDomain = 0x11,
    SystemPower = 0x12,
    Performance = 0x13,
    Clock = 0x14,
    Sensor = 0x15,
    ResetDomain = 0x16,
    VoltageDomain = 0x17,
    PowerCapping = 0x18,
    PinControl = 0x19,
}
