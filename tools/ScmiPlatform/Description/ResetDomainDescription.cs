// A reset domain (DEN0056 §4.8).
namespace ScmiPlatform.Description;

/// <summary>One reset domain.</summary>
public sealed class ResetDomainDescription
{
    /// <summary>DEN0056 §4.8.2.3: latency value meaning "not known".</summary>
    public const uint UnknownLatency = 0xFFFF_FFFF;

    /// <summary>Name.</summary>
    public required string Name { get; init; }
    /// <summary>Maximum reset latency in microseconds.</summary>
    public uint LatencyMicroseconds { get; init; } = UnknownLatency;
    /// <summary>Asynchronous autonomous reset is supported.</summary>
    public bool AsyncSupported { get; init; } = true;
    /// <summary>The agent may not reset this domain (DENIED).</summary>
    public bool Locked { get; init; }
}
