// A view over the RESET_ISSUED payload (SCMI DEN0056E §4.8.3.1): agent, domain, reset state.
using System;
using System.Buffers.Binary;

namespace Scmi.Protocols;

/// <summary>Decodes RESET_ISSUED: agent_id, domain_id, reset_state.</summary>
public readonly ref struct ResetIssuedEvent
{
    private ResetIssuedEvent(uint agentId, uint domainId, uint resetState)
    {
        AgentId = agentId;
        DomainId = domainId;
        ResetState = resetState;
    }

    /// <summary>The agent that caused the reset.</summary>
    public uint AgentId { get; }

    /// <summary>The domain.</summary>
    public uint DomainId { get; }

    /// <summary>The reset state (type) requested.</summary>
    public uint ResetState { get; }

    /// <summary>Decodes <paramref name="payload"/>; false when it is shorter than 12 bytes. Context: any.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> payload, out ResetIssuedEvent decoded)
    {
        decoded = default;
        if (payload.Length < 12)
            return false;
        decoded = new ResetIssuedEvent(BinaryPrimitives.ReadUInt32LittleEndian(payload), BinaryPrimitives.ReadUInt32LittleEndian(payload.Slice(4)),
            BinaryPrimitives.ReadUInt32LittleEndian(payload.Slice(8)));
        return true;
    }
}
