// A clock's rates given as a linear range (SCMI DEN0056E §4.6.2.5, rate format bit 12 set).
namespace Scmi.Protocols;

/// <summary>Rates from <see cref="Lowest"/> to <see cref="Highest"/> in steps of <see cref="Step"/> Hz.</summary>
public struct ClockRateRange
{
    /// <summary>Lowest rate in Hz.</summary>
    public ulong Lowest;
    /// <summary>Highest rate in Hz.</summary>
    public ulong Highest;
    /// <summary>Step between rates in Hz.</summary>
    public ulong Step;
}
