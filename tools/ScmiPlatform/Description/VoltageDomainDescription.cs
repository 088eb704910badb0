// A voltage domain with discrete or linear levels (DEN0056 §4.9).
namespace ScmiPlatform.Description;

/// <summary>A linear voltage range in microvolts: min + k*step up to max.</summary>
public sealed record VoltageRange(int Minimum, int Maximum, int Step);

/// <summary>One voltage domain. Exactly one of <see cref="Levels"/> and <see cref="Range"/> is set.</summary>
public sealed class VoltageDomainDescription
{
    /// <summary>Name.</summary>
    public required string Name { get; init; }
    /// <summary>Discrete levels in microvolts, strictly ascending.</summary>
    public IReadOnlyList<int>? Levels { get; init; }
    /// <summary>Linear range in microvolts.</summary>
    public VoltageRange? Range { get; init; }
    /// <summary>Level after reset; defaults to the lowest.</summary>
    public int? InitialLevel { get; init; }
    /// <summary>Domain on after reset.</summary>
    public bool InitiallyOn { get; init; } = true;
    /// <summary>VOLTAGE_LEVEL_SET with the async flag is accepted.</summary>
    public bool AsyncSupported { get; init; } = true;
    /// <summary>The agent may not change this domain (DENIED).</summary>
    public bool Locked { get; init; }
}
