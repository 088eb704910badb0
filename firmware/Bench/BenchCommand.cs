// The three commands every figure is taken for: BASE PROTOCOL_VERSION, SENSOR READING_GET, CLOCK RATE_GET.
using System;
using System.Buffers.Binary;
using Scmi;

namespace Bench;

internal readonly struct BenchCommand
{
    // SCMI (DEN0056E) §4.2.2.1: BASE PROTOCOL_VERSION (0x0) takes nothing and returns a 32-bit version.
    public static readonly BenchCommand BaseVersion = new BenchCommand("base_version", ScmiProtocolId.Base, 0x0, 0, 0, 4, 4);
    // SCMI (DEN0056E) §4.7.2.8: SENSOR_READING_GET (0x6) takes sensor_id and flags (0: synchronous), returns per axis a
    // 64-bit value and a 64-bit timestamp (sensor 0 has one axis); a platform without timestamps sends the value alone.
    public static readonly BenchCommand SensorReading = new BenchCommand("sensor_reading_get", ScmiProtocolId.Sensor, 0x6, 0, 8, 16, 8);
    // SCMI (DEN0056E) §4.6.2.8: CLOCK_RATE_GET (0x6) takes clock_id, returns a 64-bit rate (clock 1 of the default platform: a PLL).
    public static readonly BenchCommand ClockRate = new BenchCommand("clock_rate_get", ScmiProtocolId.Clock, 0x6, 1, 4, 8, 8);

    public BenchCommand(string name, ScmiProtocolId protocol, byte messageId, uint firstParameter, int parameterBytes, int returnBytes,
        int minimumReturnBytes)
    {
        Name = name;
        Protocol = protocol;
        MessageId = messageId;
        FirstParameter = firstParameter;
        ParameterBytes = parameterBytes;
        ReturnBytes = returnBytes;
        MinimumReturnBytes = minimumReturnBytes;
    }

    public string Name { get; }
    public ScmiProtocolId Protocol { get; }
    public byte MessageId { get; }
    public uint FirstParameter { get; }
    public int ParameterBytes { get; }
    /// <summary>The reply area for return values.</summary>
    public int ReturnBytes { get; }
    /// <summary>Fewer return values than this is a malformed reply.</summary>
    public int MinimumReturnBytes { get; }

    /// <summary>Writes the parameters (the first word, then zeros) into <paramref name="parameters"/>; returns the slice to send.</summary>
    public ReadOnlySpan<byte> Parameters(Span<byte> parameters)
    {
        parameters.Clear();
        if (ParameterBytes >= 4)
            BinaryPrimitives.WriteUInt32LittleEndian(parameters, FirstParameter);
        return parameters.Slice(0, ParameterBytes);
    }
}
