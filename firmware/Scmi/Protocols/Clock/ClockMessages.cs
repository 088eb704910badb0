// Message and notification ids of the SCMI Clock management protocol (SCMI DEN0056E §4.6.2, §4.6.3).
namespace Scmi.Protocols;

/// <summary>Clock protocol (0x14) message ids and event ids.</summary>
public static class ClockMessages
{
    /// <summary>CLOCK_ATTRIBUTES.</summary>
    public const byte Attributes = 0x3;
    /// <summary>CLOCK_DESCRIBE_RATES.</summary>
    public const byte DescribeRates = 0x4;
    /// <summary>CLOCK_RATE_SET.</summary>
    public const byte RateSet = 0x5;
    /// <summary>CLOCK_RATE_GET.</summary>
    public const byte RateGet = 0x6;
    /// <summary>CLOCK_CONFIG_SET.</summary>
    public const byte ConfigSet = 0x7;
    /// <summary>CLOCK_NAME_GET.</summary>
    public const byte NameGet = 0x8;
    /// <summary>CLOCK_RATE_NOTIFY.</summary>
    public const byte RateNotify = 0x9;
    /// <summary>CLOCK_RATE_CHANGE_REQUESTED_NOTIFY.</summary>
    public const byte RateChangeRequestedNotify = 0xA;

    /// <summary>Event CLOCK_RATE_CHANGED.</summary>
    public const byte RateChangedEvent = 0x0;
    /// <summary>Event CLOCK_RATE_CHANGE_REQUESTED.</summary>
    public const byte RateChangeRequestedEvent = 0x1;
}
