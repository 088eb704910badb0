// Decoder of SENSOR_TRIP_POINT_EVENT payloads (SCMI DEN0056E §4.7.3.1).
using System;

namespace Scmi.Protocols;

/// <summary>agent_id, sensor_id, trip_point_desc (bits 7:0 trip point, bit 16 set when crossed ascending).</summary>
public readonly ref struct SensorTripPointEvent
{
    /// <summary>Bytes of the event.</summary>
    public const int Size = 12;

    private SensorTripPointEvent(uint agentId, uint sensorId, uint description)
    {
        AgentId = agentId;
        SensorId = sensorId;
        TripPoint = (int)(description & 0xFF);
        Ascending = (description & (1u << 16)) != 0;
    }

    /// <summary>The agent the event concerns.</summary>
    public uint AgentId { get; }

    /// <summary>The sensor.</summary>
    public uint SensorId { get; }

    /// <summary>The trip point crossed.</summary>
    public int TripPoint { get; }

    /// <summary>True when the value rose across it, false when it fell.</summary>
    public bool Ascending { get; }

    /// <summary>Decodes a notification's payload; false when it is too short. Context: any.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> payload, out SensorTripPointEvent tripEvent)
    {
        var reader = new ScmiPayloadReader(payload);
        bool ok = reader.TryReadUInt32(out uint agentId) & reader.TryReadUInt32(out uint sensorId) & reader.TryReadUInt32(out uint description);
        tripEvent = new SensorTripPointEvent(agentId, sensorId, description);
        return ok;
    }
}
