// A view over POWER_STATE_CHANGED and POWER_STATE_CHANGE_REQUESTED payloads (SCMI DEN0056E §4.3.3): agent, domain, state.
using System;
using System.Buffers.Binary;

namespace Scmi.Protocols;

/// <summary>Decodes either power-state event; both carry agent_id, domain_id, power_state.</summary>
public readonly ref struct PowerStateEvent
{
    private PowerStateEvent(uint agentId, uint domainId, uint state)
    {
        AgentId = agentId;
        DomainId = domainId;
        State = state;
    }

    /// <summary>The agent that caused the change (0: the platform).</summary>
    public uint AgentId { get; }

    /// <summary>The domain.</summary>
    public uint DomainId { get; }

    /// <summary>The power state (new, or requested).</summary>
    public uint State { get; }

    /// <summary>Decodes <paramref name="payload"/>; false when it is shorter than 12 bytes. Context: any.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> payload, out PowerStateEvent decoded)
    {
        decoded = default;
        if (payload.Length < 12)
            return false;
        decoded = new PowerStateEvent(BinaryPrimitives.ReadUInt32LittleEndian(payload), BinaryPrimitives.ReadUInt32LittleEndian(payload.Slice(4)),
            BinaryPrimitives.ReadUInt32LittleEndian(payload.Slice(8)));
        return true;
    }
}
