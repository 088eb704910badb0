// Voltage domain protocol message ids (SCMI DEN0056E §4.9.2); the agent's own copy of the spec's values. The protocol has no events.
namespace Scmi.Protocols;

/// <summary>Message ids of the Voltage domain management protocol (0x17).</summary>
public static class VoltageDomainMessages
{
    /// <summary>VOLTAGE_DOMAIN_ATTRIBUTES.</summary>
    public const byte DomainAttributes = 0x3;
    /// <summary>VOLTAGE_DESCRIBE_LEVELS.</summary>
    public const byte DescribeLevels = 0x4;
    /// <summary>VOLTAGE_CONFIG_SET.</summary>
    public const byte ConfigSet = 0x5;
    /// <summary>VOLTAGE_CONFIG_GET.</summary>
    public const byte ConfigGet = 0x6;
    /// <summary>VOLTAGE_LEVEL_SET.</summary>
    public const byte LevelSet = 0x7;
    /// <summary>VOLTAGE_LEVEL_GET.</summary>
    public const byte LevelGet = 0x8;
    /// <summary>VOLTAGE_DOMAIN_NAME_GET.</summary>
    public const byte DomainNameGet = 0x9;
}
