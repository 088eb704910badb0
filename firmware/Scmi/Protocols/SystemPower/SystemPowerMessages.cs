// System power protocol message and event ids (SCMI DEN0056E §4.4.2, §4.4.3); the agent's own copy of the spec's values.
namespace Scmi.Protocols;

/// <summary>Message ids of the System power management protocol (0x12).</summary>
public static class SystemPowerMessages
{
    /// <summary>SYSTEM_POWER_STATE_SET.</summary>
    public const byte StateSet = 0x3;
    /// <summary>SYSTEM_POWER_STATE_GET.</summary>
    public const byte StateGet = 0x4;
    /// <summary>SYSTEM_POWER_STATE_NOTIFY.</summary>
    public const byte StateNotify = 0x5;

    /// <summary>Event SYSTEM_POWER_STATE_NOTIFIER.</summary>
    public const byte StateNotifier = 0x0;
}
