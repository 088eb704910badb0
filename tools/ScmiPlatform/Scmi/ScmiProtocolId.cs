// SCMI protocol identifiers (Arm DEN0056 v3.2, §4.1.3 "Protocol identifiers").
namespace ScmiPlatform.Scmi;

/// <summary>The protocol field (header bits 17:10) of every SCMI message.</summary>
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
