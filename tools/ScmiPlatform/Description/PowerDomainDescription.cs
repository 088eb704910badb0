// A power domain of the power domain management protocol (DEN0056 §4.3).
namespace ScmiPlatform.Description;

/// <summary>One power domain.</summary>
public sealed class PowerDomainDescription
{
    /// <summary>DEN0056 §4.3.2.7: power state word for ON (type bit 30 clear, id 0).</summary>
    public const uint StateOn = 0x0000_0000;
    /// <summary>DEN0056 §4.3.2.7: power state word for OFF (type bit 30 set: context lost).</summary>
    public const uint StateOff = 0x4000_0000;

    /// <summary>Name; longer than 15 characters makes the extended-name message apply.</summary>
    public required string Name { get; init; }
    /// <summary>Power state after reset.</summary>
    public uint InitialState { get; init; } = StateOn;
    /// <summary>Implementation-defined states accepted besides ON and OFF.</summary>
    public IReadOnlyList<uint> ExtraStates { get; init; } = Array.Empty<uint>();
    /// <summary>POWER_STATE_SET with the async flag is accepted.</summary>
    public bool AsyncSupported { get; init; } = true;
    /// <summary>The agent may not change this domain (POWER_STATE_SET answers DENIED).</summary>
    public bool Locked { get; init; }
}
