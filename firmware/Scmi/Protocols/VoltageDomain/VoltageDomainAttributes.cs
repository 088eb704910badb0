// What VOLTAGE_DOMAIN_ATTRIBUTES says about one voltage domain (SCMI DEN0056E §4.9.2.4).
namespace Scmi.Protocols;

/// <summary>The attribute bits of one voltage domain.</summary>
public readonly struct VoltageDomainAttributes
{
    /// <summary>Wraps the raw attributes word.</summary>
    public VoltageDomainAttributes(uint raw) => Raw = raw;

    /// <summary>The raw word.</summary>
    public uint Raw { get; }

    /// <summary>Bit 31: asynchronous VOLTAGE_LEVEL_SET is supported.</summary>
    public bool AsynchronousLevelSet => (Raw & (1u << 31)) != 0;

    /// <summary>Bit 30: the full name comes from VOLTAGE_DOMAIN_NAME_GET.</summary>
    public bool ExtendedName => (Raw & (1u << 30)) != 0;
}
