// Message and notification ids of the SCMI Performance domain management protocol (SCMI DEN0056E §4.5.3, §4.5.4).
namespace Scmi.Protocols;

/// <summary>Performance protocol (0x13) message ids and event ids.</summary>
public static class PerformanceMessages
{
    /// <summary>PERFORMANCE_DOMAIN_ATTRIBUTES.</summary>
    public const byte DomainAttributes = 0x3;
    /// <summary>PERFORMANCE_DESCRIBE_LEVELS.</summary>
    public const byte DescribeLevels = 0x4;
    /// <summary>PERFORMANCE_LIMITS_SET.</summary>
    public const byte LimitsSet = 0x5;
    /// <summary>PERFORMANCE_LIMITS_GET.</summary>
    public const byte LimitsGet = 0x6;
    /// <summary>PERFORMANCE_LEVEL_SET.</summary>
    public const byte LevelSet = 0x7;
    /// <summary>PERFORMANCE_LEVEL_GET.</summary>
    public const byte LevelGet = 0x8;
    /// <summary>PERFORMANCE_NOTIFY_LIMITS.</summary>
    public const byte NotifyLimits = 0x9;
    /// <summary>PERFORMANCE_NOTIFY_LEVEL.</summary>
    public const byte NotifyLevel = 0xA;
    /// <summary>PERFORMANCE_DESCRIBE_FASTCHANNEL (the platform does not offer it).</summary>
    public const byte DescribeFastChannel = 0xB;
    /// <summary>PERFORMANCE_DOMAIN_NAME_GET.</summary>
    public const byte DomainNameGet = 0xC;

    /// <summary>Event PERFORMANCE_LIMITS_CHANGED.</summary>
    public const byte LimitsChangedEvent = 0x0;
    /// <summary>Event PERFORMANCE_LEVEL_CHANGED.</summary>
    public const byte LevelChangedEvent = 0x1;
}
