// The range a domain's level may move in (SCMI DEN0056E §4.5.3.6 PERFORMANCE_LIMITS_SET, §4.5.3.7 PERFORMANCE_LIMITS_GET).
namespace Scmi.Protocols;

/// <summary>Lowest and highest level the platform lets the domain run at.</summary>
public struct PerformanceLimits
{
    /// <summary>range_max.</summary>
    public uint Max;
    /// <summary>range_min.</summary>
    public uint Min;
}
