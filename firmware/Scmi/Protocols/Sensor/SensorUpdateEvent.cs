// Decoder of SENSOR_UPDATE payloads: the readings of a sensor sent on its update interval (SCMI DEN0056E §4.7.3.2).
using System;

namespace Scmi.Protocols;

/// <summary>agent_id, sensor_id, then one 16-byte reading per axis (one for a scalar sensor).</summary>
public readonly ref struct SensorUpdateEvent
{
    private readonly ReadOnlySpan<byte> _readings;

    private SensorUpdateEvent(uint agentId, uint sensorId, ReadOnlySpan<byte> readings)
    {
        AgentId = agentId;
        SensorId = sensorId;
        _readings = readings;
    }

    /// <summary>The agent the event concerns.</summary>
    public uint AgentId { get; }

    /// <summary>The sensor.</summary>
    public uint SensorId { get; }

    /// <summary>Readings carried (axes of the sensor).</summary>
    public int ReadingCount => _readings.Length / SensorReading.Size;

    /// <summary>Reading <paramref name="index"/>; false past the last. Context: any.</summary>
    public bool TryGetReading(int index, out SensorReading reading)
    {
        reading = default;
        if ((uint)index >= (uint)ReadingCount)
            return false;
        var reader = new ScmiPayloadReader(_readings.Slice(index * SensorReading.Size, SensorReading.Size));
        reader.TryReadUInt64(out ulong value);
        reader.TryReadUInt64(out reading.Timestamp);
        reading.Value = (long)value;
        return true;
    }

    /// <summary>Decodes a notification's payload; false when it has no whole reading. Context: any.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> payload, out SensorUpdateEvent updateEvent)
    {
        var reader = new ScmiPayloadReader(payload);
        bool ok = reader.TryReadUInt32(out uint agentId) & reader.TryReadUInt32(out uint sensorId);
        ReadOnlySpan<byte> readings = ok ? payload.Slice(8) : default;
        ok &= readings.Length >= SensorReading.Size && readings.Length % SensorReading.Size == 0;
        updateEvent = new SensorUpdateEvent(agentId, sensorId, ok ? readings : default);
        return ok;
    }
}
