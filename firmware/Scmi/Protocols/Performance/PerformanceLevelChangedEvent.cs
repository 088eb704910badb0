// Decoder of PERFORMANCE_LEVEL_CHANGED payloads (SCMI DEN0056E §4.5.4.2).
using System;

namespace Scmi.Protocols;

/// <summary>agent_id, domain_id, performance_level.</summary>
public readonly ref struct PerformanceLevelChangedEvent
{
    private PerformanceLevelChangedEvent(uint agentId, uint domainId, uint level)
    {
        AgentId = agentId;
        DomainId = domainId;
        Level = level;
    }

    /// <summary>The agent whose request caused the change.</summary>
    public uint AgentId { get; }

    /// <summary>The domain.</summary>
    public uint DomainId { get; }

    /// <summary>The new level.</summary>
    public uint Level { get; }

    /// <summary>Decodes a notification's payload; false when it is too short. Context: any.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> payload, out PerformanceLevelChangedEvent levelEvent)
    {
        var reader = new ScmiPayloadReader(payload);
        bool ok = reader.TryReadUInt32(out uint agentId) & reader.TryReadUInt32(out uint domainId) & reader.TryReadUInt32(out uint level);
        levelEvent = new PerformanceLevelChangedEvent(agentId, domainId, level);
        return ok;
    }
}
