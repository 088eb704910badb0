// A power capping domain (DEN0056 §4.10).
namespace ScmiPlatform.Description;

/// <summary>Unit of power values in the power capping protocol (attributes bits 24:23).</summary>
public enum PowerCapUnit
{
    /// <summary>Abstract linear scale.</summary>
    Abstract,
    /// <summary>Milliwatts.</summary>
    Milliwatts,
    /// <summary>Microwatts.</summary>
    Microwatts,
}

/// <summary>One power capping domain.</summary>
public sealed class PowerCapDomainDescription
{
    /// <summary>DEN0056 §4.10.2.3: parent id meaning "no parent".</summary>
    public const uint NoParent = 0xFFFF_FFFF;

    /// <summary>Name.</summary>
    public required string Name { get; init; }
    /// <summary>Unit of all power values of this domain.</summary>
    public PowerCapUnit Unit { get; init; } = PowerCapUnit.Milliwatts;
    /// <summary>Lowest cap.</summary>
    public uint MinimumCap { get; init; }
    /// <summary>Highest cap.</summary>
    public uint MaximumCap { get; init; }
    /// <summary>Cap granularity (at least 1).</summary>
    public uint CapStep { get; init; } = 1;
    /// <summary>Cap after reset; defaults to the maximum.</summary>
    public uint? InitialCap { get; init; }
    /// <summary>Lowest power averaging interval in microseconds.</summary>
    public uint MinimumPai { get; init; }
    /// <summary>Highest power averaging interval in microseconds.</summary>
    public uint MaximumPai { get; init; }
    /// <summary>Averaging interval granularity (at least 1).</summary>
    public uint PaiStep { get; init; } = 1;
    /// <summary>Averaging interval after reset; defaults to the minimum.</summary>
    public uint? InitialPai { get; init; }
    /// <summary>Sustainable power.</summary>
    public uint SustainablePower { get; init; }
    /// <summary>Accuracy word (DEN0056 §4.10.2.3).</summary>
    public uint Accuracy { get; init; }
    /// <summary>Parent domain id, or <see cref="NoParent"/>.</summary>
    public uint ParentId { get; init; } = NoParent;
    /// <summary>Power the domain reports as its measurement.</summary>
    public uint MeasuredPower { get; init; }
    /// <summary>The cap can be changed by the agent.</summary>
    public bool CapConfigurable { get; init; } = true;
    /// <summary>The averaging interval can be changed by the agent.</summary>
    public bool PaiConfigurable { get; init; } = true;
    /// <summary>POWERCAP_CAP_SET with the async flag is accepted.</summary>
    public bool AsyncSupported { get; init; } = true;
}
