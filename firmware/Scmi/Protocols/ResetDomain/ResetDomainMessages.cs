// Reset domain protocol message and event ids (SCMI DEN0056E §4.8.2, §4.8.3); the agent's own copy of the spec's values.
namespace Scmi.Protocols;

/// <summary>Message ids of the Reset domain management protocol (0x16).</summary>
public static class ResetDomainMessages
{
    /// <summary>RESET_DOMAIN_ATTRIBUTES.</summary>
    public const byte DomainAttributes = 0x3;
    /// <summary>RESET.</summary>
    public const byte Reset = 0x4;
    /// <summary>RESET_NOTIFY.</summary>
    public const byte ResetNotify = 0x5;
    /// <summary>RESET_DOMAIN_NAME_GET.</summary>
    public const byte DomainNameGet = 0x6;

    /// <summary>Event RESET_ISSUED.</summary>
    public const byte ResetIssued = 0x0;
}
