// What POWER_DOMAIN_ATTRIBUTES says about one power domain (SCMI DEN0056E §4.3.2.4).
namespace Scmi.Protocols;

/// <summary>The attribute bits of one power domain.</summary>
public readonly struct PowerDomainAttributes
{
    /// <summary>Wraps the raw attributes word.</summary>
    public PowerDomainAttributes(uint raw) => Raw = raw;

    /// <summary>The raw word.</summary>
    public uint Raw { get; }

    /// <summary>Bit 31: POWER_STATE_CHANGED notifications are supported.</summary>
    public bool StateChangeNotifications => (Raw & (1u << 31)) != 0;

    /// <summary>Bit 30: asynchronous POWER_STATE_SET is supported.</summary>
    public bool AsynchronousSet => (Raw & (1u << 30)) != 0;

    /// <summary>Bit 29: synchronous POWER_STATE_SET is supported.</summary>
    public bool SynchronousSet => (Raw & (1u << 29)) != 0;

    /// <summary>Bit 28: POWER_STATE_CHANGE_REQUESTED notifications are supported.</summary>
    public bool StateChangeRequestedNotifications => (Raw & (1u << 28)) != 0;

    /// <summary>Bit 27: the full name comes from POWER_DOMAIN_NAME_GET.</summary>
    public bool ExtendedName => (Raw & (1u << 27)) != 0;
}
