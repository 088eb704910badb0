// The unit of performance power costs in a description.
namespace ScmiPlatform.Description;

/// <summary>Unit of performance power costs (DEN0056 §4.5.2.3 PROTOCOL_ATTRIBUTES bit 16).</summary>
public enum PerformancePowerUnit
{
    /// <summary>Abstract linear scale.</summary>
    Abstract,
    /// <summary>Milliwatts.</summary>
    Milliwatts,
}
