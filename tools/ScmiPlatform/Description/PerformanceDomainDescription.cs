// A performance domain with its operating points (DEN0056 §4.5).
namespace ScmiPlatform.Description;

/// <summary>One operating point: PERFORMANCE_DESCRIBE_LEVELS entry.</summary>
public sealed record PerformanceLevel(uint Level, uint PowerCost, ushort LatencyMicroseconds);

/// <summary>One performance domain.</summary>
public sealed class PerformanceDomainDescription
{
    /// <summary>Name.</summary>
    public required string Name { get; init; }
    /// <summary>Operating points, strictly ascending by level.</summary>
    public required IReadOnlyList<PerformanceLevel> Levels { get; init; }
    /// <summary>Level after reset; defaults to the highest.</summary>
    public uint? InitialLevel { get; init; }
    /// <summary>Lower limit after reset; defaults to the lowest level.</summary>
    public uint? LimitMin { get; init; }
    /// <summary>Upper limit after reset; defaults to the highest level.</summary>
    public uint? LimitMax { get; init; }
    /// <summary>Minimum time between level requests, in microseconds.</summary>
    public uint RateLimitMicroseconds { get; init; }
    /// <summary>Sustained frequency in kHz.</summary>
    public uint SustainedFrequencyKhz { get; init; }
    /// <summary>Performance level that corresponds to the sustained frequency.</summary>
    public uint SustainedLevel { get; init; }
    /// <summary>PERFORMANCE_LIMITS_SET is allowed.</summary>
    public bool SetLimitsAllowed { get; init; } = true;
    /// <summary>PERFORMANCE_LEVEL_SET is allowed.</summary>
    public bool SetLevelAllowed { get; init; } = true;
}
