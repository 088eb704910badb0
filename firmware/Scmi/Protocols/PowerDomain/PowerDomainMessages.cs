// Power domain protocol message and event ids (SCMI DEN0056E §4.3.2, §4.3.3); the agent's own copy of the spec's values.
namespace Scmi.Protocols;

/// <summary>Message ids of the Power domain management protocol (0x11).</summary>
public static class PowerDomainMessages
{
    /// <summary>POWER_DOMAIN_ATTRIBUTES.</summary>
    public const byte DomainAttributes = 0x3;
    /// <summary>POWER_STATE_SET.</summary>
    public const byte StateSet = 0x4;
    /// <summary>POWER_STATE_GET.</summary>
    public const byte StateGet = 0x5;
    /// <summary>POWER_STATE_NOTIFY.</summary>
    public const byte StateNotify = 0x6;
    /// <summary>POWER_STATE_CHANGE_REQUESTED_NOTIFY.</summary>
    public const byte StateChangeRequestedNotify = 0x7;
    /// <summary>POWER_DOMAIN_NAME_GET.</summary>
    public const byte DomainNameGet = 0x8;

    /// <summary>Event POWER_STATE_CHANGED.</summary>
    public const byte StateChanged = 0x0;
    /// <summary>Event POWER_STATE_CHANGE_REQUESTED.</summary>
    public const byte StateChangeRequested = 0x1;
}
