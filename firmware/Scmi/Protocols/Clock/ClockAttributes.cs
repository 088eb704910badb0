// What CLOCK_ATTRIBUTES says about one clock (SCMI DEN0056E §4.6.2.4), the name aside.
namespace Scmi.Protocols;

/// <summary>One clock's attributes; its name goes to the caller's span.</summary>
public struct ClockAttributes
{
    /// <summary>Bit 0: the clock runs.</summary>
    public bool Enabled;
    /// <summary>Bit 31: CLOCK_RATE_NOTIFY is supported for this clock.</summary>
    public bool RateChangedNotifySupported;
    /// <summary>Bit 30: CLOCK_RATE_CHANGE_REQUESTED_NOTIFY is supported for this clock.</summary>
    public bool RateChangeRequestedNotifySupported;
    /// <summary>Bit 29: the name is longer than the short field and was read with CLOCK_NAME_GET.</summary>
    public bool HasExtendedName;
    /// <summary>Microseconds the clock takes to start (0 when the platform does not say).</summary>
    public uint EnableLatencyMicroseconds;
}
