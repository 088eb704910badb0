// The platform a description file declares: identity, agents, and the resources of every protocol.
namespace ScmiPlatform.Description;

/// <summary>
/// Everything the SCMI model serves, as read from a description file by <see cref="PlatformDescriptionLoader"/>.
/// A protocol whose resource list is empty (or whose section is absent) is not offered at all.
/// </summary>
public sealed class PlatformDescription
{
    /// <summary>DISCOVER_VENDOR: at most 15 ASCII characters.</summary>
    public string Vendor { get; init; } = "nf";
    /// <summary>DISCOVER_SUB_VENDOR: at most 15 ASCII characters.</summary>
    public string SubVendor { get; init; } = "virt";
    /// <summary>DISCOVER_IMPLEMENTATION_VERSION.</summary>
    public uint ImplementationVersion { get; init; } = 1;
    /// <summary>PROTOCOL_VERSION overrides by protocol id ("versions": {"clock": "0x30000"}); a protocol not named reports its own.</summary>
    public IReadOnlyDictionary<byte, uint> Versions { get; init; } = new Dictionary<byte, uint>();
    /// <summary>Agents other than the platform; agent ids are 1-based positions in this list.</summary>
    public IReadOnlyList<AgentDescription> Agents { get; init; } = new[] { new AgentDescription { Name = "OSPM" } };
    /// <summary>The agent id the virtio channel belongs to.</summary>
    public uint CallerAgentId { get; init; } = 1;
    /// <summary>Power domain protocol resources.</summary>
    public IReadOnlyList<PowerDomainDescription> PowerDomains { get; init; } = Array.Empty<PowerDomainDescription>();
    /// <summary>System power protocol; null when not offered.</summary>
    public SystemPowerDescription? SystemPower { get; init; }
    /// <summary>Performance domains.</summary>
    public IReadOnlyList<PerformanceDomainDescription> PerformanceDomains { get; init; } = Array.Empty<PerformanceDomainDescription>();
    /// <summary>Unit of OPP power costs.</summary>
    public PerformancePowerUnit PerformancePowerUnit { get; init; } = PerformancePowerUnit.Milliwatts;
    /// <summary>Clocks.</summary>
    public IReadOnlyList<ClockDescription> Clocks { get; init; } = Array.Empty<ClockDescription>();
    /// <summary>Sensors.</summary>
    public IReadOnlyList<SensorDescription> Sensors { get; init; } = Array.Empty<SensorDescription>();
    /// <summary>Reset domains.</summary>
    public IReadOnlyList<ResetDomainDescription> ResetDomains { get; init; } = Array.Empty<ResetDomainDescription>();
    /// <summary>Voltage domains.</summary>
    public IReadOnlyList<VoltageDomainDescription> VoltageDomains { get; init; } = Array.Empty<VoltageDomainDescription>();
    /// <summary>Power capping domains.</summary>
    public IReadOnlyList<PowerCapDomainDescription> PowerCapDomains { get; init; } = Array.Empty<PowerCapDomainDescription>();
    /// <summary>Fault options in the same syntax as <c>--fault</c> (see Faults/FaultOptions.cs).</summary>
    public IReadOnlyList<string> Faults { get; init; } = Array.Empty<string>();
    /// <summary>Seed for random fault choices; null when the file leaves it to the command line.</summary>
    public int? Seed { get; init; }
}
