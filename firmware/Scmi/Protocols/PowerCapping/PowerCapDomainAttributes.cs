// What POWERCAP_DOMAIN_ATTRIBUTES says about one power capping domain (SCMI DEN0056E §4.10.2.4).
namespace Scmi.Protocols;

/// <summary>Flags, averaging-interval and cap bounds, sustainable power, accuracy and parent of one domain.</summary>
public struct PowerCapDomainAttributes
{
    /// <summary>SCMI (DEN0056E) §4.10.2.4: parent_id 0xFFFFFFFF means "no parent".</summary>
    public const uint NoParent = 0xFFFF_FFFF;

    /// <summary>The raw attributes word.</summary>
    public uint Raw;
    /// <summary>Smallest power averaging interval (µs).</summary>
    public uint MinimumPai;
    /// <summary>Largest power averaging interval (µs).</summary>
    public uint MaximumPai;
    /// <summary>Averaging interval step (µs).</summary>
    public uint PaiStep;
    /// <summary>Smallest cap (in the domain's unit).</summary>
    public uint MinimumCap;
    /// <summary>Largest cap.</summary>
    public uint MaximumCap;
    /// <summary>Cap step.</summary>
    public uint CapStep;
    /// <summary>Power the domain can sustain.</summary>
    public uint SustainablePower;
    /// <summary>Measurement accuracy (0.001 %).</summary>
    public uint Accuracy;
    /// <summary>The parent domain, or <see cref="NoParent"/>.</summary>
    public uint ParentId;

    /// <summary>Bit 31: POWERCAP_CAP_CHANGED notifications supported.</summary>
    public readonly bool CapChangeNotifications => (Raw & (1u << 31)) != 0;
    /// <summary>Bit 30: POWERCAP_MEASUREMENTS_CHANGED notifications supported.</summary>
    public readonly bool MeasurementNotifications => (Raw & (1u << 30)) != 0;
    /// <summary>Bit 29: asynchronous POWERCAP_CAP_SET supported.</summary>
    public readonly bool AsynchronousCapSet => (Raw & (1u << 29)) != 0;
    /// <summary>Bit 28: the full name comes from POWERCAP_DOMAIN_NAME_GET.</summary>
    public readonly bool ExtendedName => (Raw & (1u << 28)) != 0;
    /// <summary>Bit 27: the cap can be set.</summary>
    public readonly bool CapConfigurable => (Raw & (1u << 27)) != 0;
    /// <summary>Bit 26: power can be measured.</summary>
    public readonly bool Monitoring => (Raw & (1u << 26)) != 0;
    /// <summary>Bit 25: the averaging interval can be set.</summary>
    public readonly bool PaiConfigurable => (Raw & (1u << 25)) != 0;
    /// <summary>Bit 24: power is in milliwatts.</summary>
    public readonly bool Milliwatts => (Raw & (1u << 24)) != 0;
    /// <summary>Bit 23: power is in microwatts (neither bit: an abstract unit).</summary>
    public readonly bool Microwatts => (Raw & (1u << 23)) != 0;
    /// <summary>Bit 22: fast channels exist (not used by this client).</summary>
    public readonly bool FastChannels => (Raw & (1u << 22)) != 0;
}
