// Power capping protocol message and event ids (SCMI DEN0056E §4.10.2, §4.10.3); the agent's own copy of the spec's values.
namespace Scmi.Protocols;

/// <summary>Message ids of the Power capping and monitoring protocol (0x18).</summary>
public static class PowerCappingMessages
{
    /// <summary>POWERCAP_DOMAIN_ATTRIBUTES.</summary>
    public const byte DomainAttributes = 0x3;
    /// <summary>POWERCAP_CAP_GET.</summary>
    public const byte CapGet = 0x4;
    /// <summary>POWERCAP_CAP_SET.</summary>
    public const byte CapSet = 0x5;
    /// <summary>POWERCAP_PAI_GET.</summary>
    public const byte PaiGet = 0x6;
    /// <summary>POWERCAP_PAI_SET.</summary>
    public const byte PaiSet = 0x7;
    /// <summary>POWERCAP_DOMAIN_NAME_GET.</summary>
    public const byte DomainNameGet = 0x8;
    /// <summary>POWERCAP_MEASUREMENTS_GET.</summary>
    public const byte MeasurementsGet = 0x9;
    /// <summary>POWERCAP_CAP_NOTIFY.</summary>
    public const byte CapNotify = 0xA;
    /// <summary>POWERCAP_MEASUREMENTS_NOTIFY.</summary>
    public const byte MeasurementsNotify = 0xB;

    /// <summary>Event POWERCAP_CAP_CHANGED.</summary>
    public const byte CapChanged = 0x0;
    /// <summary>Event POWERCAP_MEASUREMENTS_CHANGED.</summary>
    public const byte MeasurementsChanged = 0x1;
}
