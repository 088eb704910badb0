// A clock with discrete rates or a linear range (DEN0056 §4.6).
namespace ScmiPlatform.Description;

/// <summary>A linear rate range: every rate min + k*step up to max.</summary>
public sealed record ClockRateRange(ulong Minimum, ulong Maximum, ulong Step);

/// <summary>One clock. Exactly one of <see cref="Rates"/> and <see cref="Range"/> is set.</summary>
public sealed class ClockDescription
{
    /// <summary>Name.</summary>
    public required string Name { get; init; }
    /// <summary>Discrete rates in Hz, strictly ascending.</summary>
    public IReadOnlyList<ulong>? Rates { get; init; }
    /// <summary>Linear range in Hz.</summary>
    public ClockRateRange? Range { get; init; }
    /// <summary>Rate after reset; defaults to the lowest.</summary>
    public ulong? InitialRate { get; init; }
    /// <summary>Clock runs after reset.</summary>
    public bool Enabled { get; init; } = true;
    /// <summary>Worst-case enable latency in microseconds.</summary>
    public uint EnableLatencyMicroseconds { get; init; }
    /// <summary>The agent may not change rate or configuration (DENIED).</summary>
    public bool Locked { get; init; }
}
