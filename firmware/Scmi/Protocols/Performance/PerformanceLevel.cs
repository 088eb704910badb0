// One operating point of a performance domain (SCMI DEN0056E §4.5.3.5: level, power cost, transition latency).
namespace Scmi.Protocols;

/// <summary>A performance level as PERFORMANCE_DESCRIBE_LEVELS lists it.</summary>
public struct PerformanceLevel
{
    /// <summary>Bytes of one entry on the wire.</summary>
    public const int Size = 12;

    /// <summary>The level value.</summary>
    public uint Level;
    /// <summary>Power cost in the protocol's power unit (mW when the protocol says so, otherwise abstract).</summary>
    public uint PowerCost;
    /// <summary>attributes bits 15:0: worst-case transition latency in microseconds.</summary>
    public uint TransitionLatencyMicroseconds;
}
