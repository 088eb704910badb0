// Decoder of CLOCK_RATE_CHANGED and CLOCK_RATE_CHANGE_REQUESTED payloads (SCMI DEN0056E §4.6.3.1, §4.6.3.2).
using System;

namespace Scmi.Protocols;

/// <summary>Both clock events carry agent_id, clock_id and a 64-bit rate.</summary>
public readonly ref struct ClockRateEvent
{
    /// <summary>Bytes both events carry.</summary>
    public const int Size = 16;

    private ClockRateEvent(uint agentId, uint clockId, ulong rate)
    {
        AgentId = agentId;
        ClockId = clockId;
        Rate = rate;
    }

    /// <summary>The agent whose request caused the event.</summary>
    public uint AgentId { get; }

    /// <summary>The clock.</summary>
    public uint ClockId { get; }

    /// <summary>The new (or requested) rate in Hz.</summary>
    public ulong Rate { get; }

    /// <summary>Decodes a notification's payload; false when it is shorter than the event defines. Context: any.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> payload, out ClockRateEvent rateEvent)
    {
        var reader = new ScmiPayloadReader(payload);
        bool ok = reader.TryReadUInt32(out uint agentId) & reader.TryReadUInt32(out uint clockId) & reader.TryReadUInt64(out ulong rate);
        rateEvent = new ClockRateEvent(agentId, clockId, rate);
        return ok;
    }
}
