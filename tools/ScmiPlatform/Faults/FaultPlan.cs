// The faults in force for one platform run, and the seed that makes their random choices repeatable.
namespace ScmiPlatform.Faults;

/// <summary>The faults in force and the seed for their random choices.</summary>
public sealed record FaultPlan(IReadOnlyList<FaultRule> Rules, int? Seed)
{
    /// <summary>No faults.</summary>
    public static readonly FaultPlan None = new(Array.Empty<FaultRule>(), null);

    /// <summary>True when no fault is configured.</summary>
    public bool IsEmpty => Rules.Count == 0;

    /// <summary>This plan's rules followed by <paramref name="other"/>'s; this plan's seed wins when both have one.</summary>
    public FaultPlan Combine(FaultPlan other) => new(Rules.Concat(other.Rules).ToArray(), Seed ?? other.Seed);
}
