// What PERFORMANCE_DOMAIN_ATTRIBUTES says about one domain (SCMI DEN0056E §4.5.3.4), the name aside.
namespace Scmi.Protocols;

/// <summary>One performance domain's attributes; its name goes to the caller's span.</summary>
public struct PerformanceDomainAttributes
{
    /// <summary>Bit 31: this agent may set the limits.</summary>
    public bool CanSetLimits;
    /// <summary>Bit 30: this agent may set the level.</summary>
    public bool CanSetLevel;
    /// <summary>Bit 29: PERFORMANCE_NOTIFY_LIMITS is supported.</summary>
    public bool LimitsNotifySupported;
    /// <summary>Bit 28: PERFORMANCE_NOTIFY_LEVEL is supported.</summary>
    public bool LevelNotifySupported;
    /// <summary>Bit 27: fast channels exist.</summary>
    public bool FastChannelsSupported;
    /// <summary>Bit 26: the name was read with PERFORMANCE_DOMAIN_NAME_GET.</summary>
    public bool HasExtendedName;
    /// <summary>rate_limit bits 19:0: microseconds between level changes the platform accepts.</summary>
    public uint RateLimitMicroseconds;
    /// <summary>sustained_freq in kHz.</summary>
    public uint SustainedFrequencyKhz;
    /// <summary>sustained_perf_level: the level that runs at <see cref="SustainedFrequencyKhz"/>.</summary>
    public uint SustainedLevel;
}
