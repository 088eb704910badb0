// Client of the SCMI System power management protocol (SCMI DEN0056E §4.4): state set/get and the state notifier.
using System;
using System.Buffers.Binary;

namespace Scmi.Protocols;

/// <summary>The system's power state as an agent sees it.</summary>
public sealed class SystemPowerProtocol : ScmiProtocolClient
{
    /// <summary>The version this client implements (2.0).</summary>
    public static readonly ScmiProtocolVersion Implemented = new ScmiProtocolVersion(2, 0);

    private const uint GracefulFlag = 1;

    /// <summary>Builds the client. Context: thread, before the heap is sealed.</summary>
    public SystemPowerProtocol(ScmiAgent agent) : base(agent, ScmiProtocolId.SystemPower, Implemented)
    {
    }

    /// <summary>PROTOCOL_ATTRIBUTES bit 31: warm reset is supported.</summary>
    public bool WarmResetSupported { get; private set; }

    /// <summary>PROTOCOL_ATTRIBUTES bit 30: system suspend is supported.</summary>
    public bool SuspendSupported { get; private set; }

    /// <inheritdoc />
    protected override ScmiResult OnAttributes(ReadOnlySpan<byte> attributes)
    {
        // SCMI (DEN0056E) §4.4.2.2: bit 31 warm reset, bit 30 system suspend.
        uint word = BinaryPrimitives.ReadUInt32LittleEndian(attributes);
        WarmResetSupported = (word & (1u << 31)) != 0;
        SuspendSupported = (word & (1u << 30)) != 0;
        return default;
    }

    /// <summary>
    /// SYSTEM_POWER_STATE_SET: asks the platform to move the system to <paramref name="state"/>,
    /// gracefully or forcefully. Context: thread.
    /// </summary>
    public ScmiResult SetState(SystemPowerState state, bool graceful)
    {
        Span<byte> parameters = stackalloc byte[8];
        return Invoke(SystemPowerMessages.StateSet, ScmiNames.Words(parameters, graceful ? GracefulFlag : 0, (uint)state), default, out _);
    }

    /// <summary>SYSTEM_POWER_STATE_GET: the system state. Context: thread.</summary>
    public ScmiResult GetState(out SystemPowerState state)
    {
        state = default;
        Span<byte> reply = stackalloc byte[4];
        ScmiResult result = Invoke(SystemPowerMessages.StateGet, default, reply, out _, 4);
        if (result.IsSuccess)
            state = (SystemPowerState)BinaryPrimitives.ReadUInt32LittleEndian(reply);
        return result;
    }

    /// <summary>SYSTEM_POWER_STATE_NOTIFY: SYSTEM_POWER_STATE_NOTIFIER on or off (decode with <see cref="SystemPowerStateNotifierEvent"/>). Context: thread.</summary>
    public ScmiResult Notify(bool enable)
    {
        Span<byte> parameters = stackalloc byte[4];
        return Invoke(SystemPowerMessages.StateNotify, ScmiNames.Word(parameters, enable ? 1u : 0u), default, out _);
    }
}
