// What RESET_DOMAIN_ATTRIBUTES says about one reset domain (SCMI DEN0056E §4.8.2.4).
namespace Scmi.Protocols;

/// <summary>The attribute bits and latency of one reset domain.</summary>
public readonly struct ResetDomainAttributes
{
    /// <summary>SCMI (DEN0056E) §4.8.2.4: latency 0xFFFFFFFF means "not known".</summary>
    public const uint UnknownLatency = 0xFFFF_FFFF;

    /// <summary>Wraps the raw words.</summary>
    public ResetDomainAttributes(uint raw, uint latencyMicroseconds)
    {
        Raw = raw;
        LatencyMicroseconds = latencyMicroseconds;
    }

    /// <summary>The raw attributes word.</summary>
    public uint Raw { get; }

    /// <summary>Worst-case time of a reset in microseconds (<see cref="UnknownLatency"/>: not known).</summary>
    public uint LatencyMicroseconds { get; }

    /// <summary>Bit 31: asynchronous reset is supported.</summary>
    public bool AsynchronousReset => (Raw & (1u << 31)) != 0;

    /// <summary>Bit 30: RESET_ISSUED notifications are supported.</summary>
    public bool Notifications => (Raw & (1u << 30)) != 0;

    /// <summary>Bit 29: the full name comes from RESET_DOMAIN_NAME_GET.</summary>
    public bool ExtendedName => (Raw & (1u << 29)) != 0;
}
