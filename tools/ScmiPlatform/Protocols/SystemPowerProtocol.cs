// SCMI System power management protocol 0x12 (Arm DEN0056 v3.2 §4.4).
using ScmiPlatform.Description;
using ScmiPlatform.Scmi;

namespace ScmiPlatform.Protocols;

/// <summary>System power message ids (DEN0056 §4.4.2).</summary>
public enum SystemPowerMessage : byte
{
    ProtocolVersion = 0x0,
    ProtocolAttributes = 0x1,
    ProtocolMessageAttributes = 0x2,
    SystemPowerStateSet = 0x3,
    SystemPowerStateGet = 0x4,
    SystemPowerStateNotify = 0x5,
}

/// <summary>System power notification ids (DEN0056 §4.4.3).</summary>
public enum SystemPowerNotification : byte
{
    SystemPowerStateNotifier = 0x0,
}

/// <summary>System power states (DEN0056 §4.4.2.4 system_state).</summary>
public enum SystemPowerState : uint
{
    Shutdown = 0,
    ColdReset = 1,
    WarmReset = 2,
    PowerUp = 3,
    Suspend = 4,
}

/// <summary>The system power state machine as an agent sees it.</summary>
public sealed class SystemPowerProtocol : ScmiProtocol<SystemPowerMessage, SystemPowerNotification>
{
    /// <summary>DEN0056 §4.4.2.1: system power protocol version 2.0.</summary>
    public const uint ProtocolVersion = 0x2_0000;
    /// <summary>SYSTEM_POWER_STATE_SET flags bit 0: graceful request.</summary>
    public const uint GracefulFlag = 1u << 0;
    /// <summary>Resource id of the single notification subscription.</summary>
    private const uint System = 0;

    private readonly SystemPowerDescription _description;

    /// <summary>Creates the protocol with the system powered up.</summary>
    public SystemPowerProtocol(PlatformServices services, SystemPowerDescription description) : base(services)
    {
        _description = description;
    }

    /// <inheritdoc/>
    public override ScmiProtocolId Id => ScmiProtocolId.SystemPower;

    /// <inheritdoc/>
    public override uint Version => ProtocolVersion;

    /// <summary>The last state the agent requested.</summary>
    public SystemPowerState State { get; private set; } = SystemPowerState.PowerUp;

    /// <summary>Number of SYSTEM_POWER_STATE_SET requests that took effect.</summary>
    public int AcceptedRequests { get; private set; }

    /// <inheritdoc/>
    protected override void WriteProtocolAttributes(CommandContext context, ref ReplyWriter reply)
    {
        // DEN0056 §4.4.2.2: bit 31 warm reset supported, bit 30 system suspend supported.
        uint attributes = (_description.WarmResetSupported ? 1u << 31 : 0) | (_description.SuspendSupported ? 1u << 30 : 0);
        reply.U32("attributes", attributes, hex: true);
    }

    /// <inheritdoc/>
    protected override ScmiStatus HandleMessage(CommandContext context, ref ParameterReader parameters, ref ReplyWriter reply)
    {
        switch (MessageOf(context))
        {
            case SystemPowerMessage.SystemPowerStateSet:
            {
                if (!parameters.IsExactly(8)) return ScmiStatus.ProtocolError;
                uint flags = parameters.U32("flags", hex: true);
                uint state = parameters.U32("system_state");
                if ((flags & ~GracefulFlag) != 0) return ScmiStatus.InvalidParameters;
                if (!IsOffered(state)) return ScmiStatus.InvalidParameters;
                // DEN0056 §4.4.2.4: DENIED when the agent is not allowed to change the system state.
                if (!_description.AgentMaySetState) return ScmiStatus.Denied;
                State = (SystemPowerState)state;
                AcceptedRequests++;
                return ScmiStatus.Success;
            }
            case SystemPowerMessage.SystemPowerStateGet:
                if (!parameters.IsExactly(0)) return ScmiStatus.ProtocolError;
                reply.U32("system_state", (uint)State);
                return ScmiStatus.Success;
            case SystemPowerMessage.SystemPowerStateNotify:
                if (!parameters.IsExactly(4)) return ScmiStatus.ProtocolError;
                return ChangeSubscription(context, (byte)SystemPowerNotification.SystemPowerStateNotifier, System, parameters.U32("notify_enable", hex: true));
            default:
                return ScmiStatus.NotFound;
        }
    }

    private bool IsOffered(uint state) => (SystemPowerState)state switch
    {
        SystemPowerState.Shutdown or SystemPowerState.ColdReset => true,
        SystemPowerState.WarmReset => _description.WarmResetSupported,
        SystemPowerState.Suspend => _description.SuspendSupported,
        _ => false, // POWER_UP is only ever requested of the platform by itself; other values are reserved.
    };

    /// <summary>
    /// The platform asks the agent to move the system to <paramref name="state"/> (DEN0056 §4.4.3.1
    /// SYSTEM_POWER_STATE_NOTIFIER), e.g. a power button press; sent only if the agent subscribed.
    /// </summary>
    public void RequestStateChange(SystemPowerState state, bool graceful, uint timeoutMilliseconds)
    {
        Notify(null, (byte)SystemPowerNotification.SystemPowerStateNotifier, System, m => m
            .U32("agent_id", PlatformServices.PlatformAgentId)
            .U32("flags", graceful ? GracefulFlag : 0, hex: true)
            .U32("system_state", (uint)state)
            .U32("timeout", timeoutMilliseconds));
    }
}
