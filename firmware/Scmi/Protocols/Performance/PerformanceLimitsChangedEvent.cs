// Decoder of PERFORMANCE_LIMITS_CHANGED payloads (SCMI DEN0056E §4.5.4.1).
using System;

namespace Scmi.Protocols;

/// <summary>agent_id, domain_id, range_max, range_min.</summary>
public readonly ref struct PerformanceLimitsChangedEvent
{
    private PerformanceLimitsChangedEvent(uint agentId, uint domainId, uint max, uint min)
    {
        AgentId = agentId;
        DomainId = domainId;
        Max = max;
        Min = min;
    }

    /// <summary>The agent whose request caused the change.</summary>
    public uint AgentId { get; }

    /// <summary>The domain.</summary>
    public uint DomainId { get; }

    /// <summary>The new range_max.</summary>
    public uint Max { get; }

    /// <summary>The new range_min.</summary>
    public uint Min { get; }

    /// <summary>Decodes a notification's payload; false when it is too short. Context: any.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> payload, out PerformanceLimitsChangedEvent limitsEvent)
    {
        var reader = new ScmiPayloadReader(payload);
        bool ok = reader.TryReadUInt32(out uint agentId) & reader.TryReadUInt32(out uint domainId)
            & reader.TryReadUInt32(out uint max) & reader.TryReadUInt32(out uint min);
        limitsEvent = new PerformanceLimitsChangedEvent(agentId, domainId, max, min);
        return ok;
    }
}
