// How CLOCK_RATE_SET picks a rate the clock cannot run at exactly (SCMI DEN0056E §4.6.2.7, flags bits 3:2).
namespace Scmi.Protocols;

/// <summary>Rounding of a requested clock rate.</summary>
public enum ClockRounding : uint
{
    /// <summary>The highest rate not above the request.</summary>
    Down = 0,
    /// <summary>The lowest rate not below the request.</summary>
    Up = 1u << 2,
    /// <summary>The closest rate.</summary>
    Auto = 1u << 3,
}
