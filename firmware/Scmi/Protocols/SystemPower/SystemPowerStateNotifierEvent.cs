// A view over the SYSTEM_POWER_STATE_NOTIFIER payload (SCMI DEN0056E §4.4.3.1): the platform asks the agent to move the system.
using System;
using System.Buffers.Binary;

namespace Scmi.Protocols;

/// <summary>Decodes SYSTEM_POWER_STATE_NOTIFIER: agent_id, flags (bit 0 graceful), system_state, and (v2) timeout.</summary>
public readonly ref struct SystemPowerStateNotifierEvent
{
    private SystemPowerStateNotifierEvent(uint agentId, uint flags, uint state, uint timeout, bool hasTimeout)
    {
        AgentId = agentId;
        Flags = flags;
        State = (SystemPowerState)state;
        TimeoutMilliseconds = timeout;
        HasTimeout = hasTimeout;
    }

    /// <summary>The agent that caused it (0: the platform, e.g. a button).</summary>
    public uint AgentId { get; }

    /// <summary>The raw flags word.</summary>
    public uint Flags { get; }

    /// <summary>Flags bit 0: a graceful request (the agent should shut down in order), else forceful.</summary>
    public bool Graceful => (Flags & 1) != 0;

    /// <summary>The state the platform asks for.</summary>
    public SystemPowerState State { get; }

    /// <summary>How long the platform waits before acting itself (ms); 0 when absent.</summary>
    public uint TimeoutMilliseconds { get; }

    /// <summary>SCMI (DEN0056E) §4.4.3.1: protocol 2.0 adds the timeout word; 1.x payloads lack it.</summary>
    public bool HasTimeout { get; }

    /// <summary>Decodes <paramref name="payload"/>; false when it is shorter than 12 bytes. Context: any.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> payload, out SystemPowerStateNotifierEvent decoded)
    {
        decoded = default;
        if (payload.Length < 12)
            return false;
        bool hasTimeout = payload.Length >= 16;
        decoded = new SystemPowerStateNotifierEvent(BinaryPrimitives.ReadUInt32LittleEndian(payload), BinaryPrimitives.ReadUInt32LittleEndian(payload.Slice(4)),
            BinaryPrimitives.ReadUInt32LittleEndian(payload.Slice(8)), hasTimeout ? BinaryPrimitives.ReadUInt32LittleEndian(payload.Slice(12)) : 0, hasTimeout);
        return true;
    }
}
