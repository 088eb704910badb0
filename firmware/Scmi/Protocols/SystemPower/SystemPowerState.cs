// The system states of SYSTEM_POWER_STATE_SET/GET and the notifier (SCMI DEN0056E §4.4.2.4).
namespace Scmi.Protocols;

/// <summary>system_state values; bit 31 set marks an implementation-defined state.</summary>
public enum SystemPowerState : uint
{
    /// <summary>Shutdown.</summary>
    Shutdown = 0,
    /// <summary>Cold reset.</summary>
    ColdReset = 1,
    /// <summary>Warm reset.</summary>
    WarmReset = 2,
    /// <summary>Power up (only the platform requests it).</summary>
    PowerUp = 3,
    /// <summary>Suspend.</summary>
    Suspend = 4,
}
