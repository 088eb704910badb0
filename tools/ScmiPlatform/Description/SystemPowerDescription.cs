// The system power management protocol's capabilities (DEN0056 §4.4).
namespace ScmiPlatform.Description;

/// <summary>System power capabilities.</summary>
public sealed class SystemPowerDescription
{
    /// <summary>System warm reset is offered.</summary>
    public bool WarmResetSupported { get; init; } = true;
    /// <summary>System suspend is offered.</summary>
    public bool SuspendSupported { get; init; } = true;
    /// <summary>The calling agent may request system state changes (DENIED otherwise).</summary>
    public bool AgentMaySetState { get; init; } = true;
}
