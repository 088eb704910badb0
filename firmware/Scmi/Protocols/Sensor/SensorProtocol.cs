// The SCMI Sensor management protocol client (SCMI DEN0056E §4.7): descriptions, axes, readings, trip points, intervals, config, events.
using System;

namespace Scmi.Protocols;

/// <summary>
/// Sensor protocol 0x15, version 3.x. Lists are walked with enumerators holding one page in the caller's
/// span; readings land in the caller's <see cref="SensorReading"/> span. Nothing allocates after construction.
/// </summary>
public sealed class SensorProtocol : ScmiProtocolClient
{
    /// <summary>The newest version this client speaks.</summary>
    public static readonly ScmiProtocolVersion HighestSupported = new ScmiProtocolVersion(3, 0);

    private const uint AsyncFlag = 1u << 0;
    private const int NameGetReplyBytes = 4 + ScmiNames.ExtendedNameBytes;
    private const int AxisNameEntryBytes = 4 + ScmiNames.ExtendedNameBytes;

    /// <summary>A client of the sensor protocol on <paramref name="agent"/>. Context: thread, before the heap is sealed.</summary>
    public SensorProtocol(ScmiAgent agent)
        : base(agent, ScmiProtocolId.Sensor, HighestSupported)
    {
    }

    /// <summary>Number of sensors (PROTOCOL_ATTRIBUTES bits 15:0).</summary>
    public int SensorCount { get; private set; }

    /// <summary>Asynchronous readings the platform takes at once (bits 23:16).</summary>
    public int MaxPendingAsyncReadings { get; private set; }

    /// <inheritdoc />
    protected override ScmiResult OnAttributes(ReadOnlySpan<byte> attributes)
    {
        var reader = new ScmiPayloadReader(attributes);
        if (!reader.TryReadUInt32(out uint word))
            return ScmiResult.FromAgent(ScmiAgentError.ReplyTooShort);
        // SCMI DEN0056E §4.7.2.2: bits 23:16 max pending async reads, 15:0 sensors; the shared register region follows (unused here).
        SensorCount = (int)(word & 0xFFFF);
        MaxPendingAsyncReadings = (int)((word >> 16) & 0xFF);
        return default;
    }

    /// <summary>
    /// Starts walking every sensor's descriptor with <paramref name="page"/> as the buffer of one
    /// SENSOR_DESCRIPTION_GET reply (its length sizes the reply: 56 bytes hold any one descriptor). Context: thread.
    /// </summary>
    public ScmiResult DescribeSensors(Span<byte> page, out SensorDescriptorEnumerator sensors)
    {
        sensors = new SensorDescriptorEnumerator(this, page);
        if (page.Length < 4 + 52)
            return ScmiResult.FromAgent(ScmiAgentError.InvalidArgument);
        return sensors.Start();
    }

    /// <summary>
    /// Starts walking the axes of <paramref name="sensorId"/> with <paramref name="page"/> as the buffer of
    /// one SENSOR_AXIS_DESCRIPTION_GET reply (52 bytes hold one axis). Context: thread.
    /// </summary>
    public ScmiResult DescribeAxes(uint sensorId, Span<byte> page, out SensorAxisEnumerator axes)
    {
        axes = new SensorAxisEnumerator(this, sensorId, page);
        if (page.Length < 4 + 48)
            return ScmiResult.FromAgent(ScmiAgentError.InvalidArgument);
        return axes.Start();
    }

    /// <summary>
    /// Starts walking the update intervals of <paramref name="sensorId"/> with <paramref name="page"/> as the
    /// buffer of one SENSOR_LIST_UPDATE_INTERVALS reply (16 bytes hold a triplet). Context: thread.
    /// </summary>
    public ScmiResult ListUpdateIntervals(uint sensorId, Span<byte> page, out SensorIntervalEnumerator intervals)
    {
        intervals = new SensorIntervalEnumerator(this, sensorId, page);
        if (page.Length < 16)
            return ScmiResult.FromAgent(ScmiAgentError.InvalidArgument);
        return intervals.Start();
    }

    /// <summary>SENSOR_NAME_GET: the sensor's full name (up to 63 bytes) into <paramref name="name"/>. Context: thread.</summary>
    public ScmiResult GetExtendedName(uint sensorId, Span<byte> name, out int nameLength)
    {
        nameLength = 0;
        Span<byte> parameters = stackalloc byte[4];
        Write(parameters, sensorId);
        Span<byte> reply = stackalloc byte[NameGetReplyBytes];
        ScmiResult result = Invoke(SensorMessages.NameGet, parameters, reply, out _, NameGetReplyBytes);
        if (!result.IsSuccess)
            return result;
        // SCMI DEN0056E §4.7.2.12: flags (reserved), then the 64-byte NUL-terminated name.
        return ScmiNames.Copy(reply.Slice(4, ScmiNames.ExtendedNameBytes), name, out nameLength);
    }

    /// <summary>SENSOR_AXIS_NAME_GET from <paramref name="axisId"/>: that axis' full name into <paramref name="name"/>. Context: thread.</summary>
    public ScmiResult GetAxisExtendedName(uint sensorId, uint axisId, Span<byte> name, out int nameLength)
    {
        nameLength = 0;
        Span<byte> reply = stackalloc byte[4 + AxisNameEntryBytes];
        ScmiResult result = AxisPage(SensorMessages.AxisNameGet, sensorId, axisId, reply, out int length);
        if (!result.IsSuccess)
            return result;
        var reader = new ScmiPayloadReader(reply.Slice(0, length));
        reader.TryReadUInt32(out uint flags);
        // SCMI DEN0056E §4.7.2.13: num_axis_flags bits 5:0 returned; each entry is axis_id then a 64-byte name.
        if ((flags & 0x3F) == 0 || !reader.TryReadUInt32(out uint returnedAxis) || returnedAxis != axisId
            || !reader.TryReadBytes(ScmiNames.ExtendedNameBytes, out ReadOnlySpan<byte> field))
        {
            return ScmiResult.FromAgent(ScmiAgentError.ReplyInvalid);
        }
        return ScmiNames.Copy(field, name, out nameLength);
    }

    /// <summary>
    /// SENSOR_READING_GET, synchronous: one reading per axis (one for a scalar sensor) into
    /// <paramref name="readings"/>; <paramref name="count"/> were written. Context: thread.
    /// </summary>
    public ScmiResult Read(uint sensorId, Span<SensorReading> readings, out int count, ScmiCompletion completion = ScmiCompletion.Default)
    {
        count = 0;
        Span<byte> parameters = stackalloc byte[8];
        Write(parameters, sensorId, 0);
        Span<byte> reply = stackalloc byte[Agent.MaxPayloadBytes];
        ScmiResult result = Agent.Invoke(Protocol, SensorMessages.ReadingGet, parameters, reply, out int length, SensorReading.Size, completion);
        if (!result.IsSuccess)
            return result;
        return CopyReadings(reply.Slice(0, length), readings, out count);
    }

    /// <summary>
    /// SENSOR_READING_GET, asynchronous: waits for SENSOR_READING_COMPLETE and copies its readings into
    /// <paramref name="readings"/>. NOT_SUPPORTED for a sensor without asynchronous reads. Context: thread.
    /// </summary>
    public ScmiResult ReadAsync(uint sensorId, Span<SensorReading> readings, out int count, ScmiCompletion completion = ScmiCompletion.Default)
    {
        count = 0;
        Span<byte> parameters = stackalloc byte[8];
        Write(parameters, sensorId, AsyncFlag);
        Span<byte> delayed = stackalloc byte[Agent.MaxPayloadBytes];
        ScmiResult result = Agent.InvokeWithDelayedResponse(Protocol, SensorMessages.ReadingGet, parameters, default, out _,
            delayed, out int length, 4 + SensorReading.Size, completion);
        if (!result.IsSuccess)
            return result;
        // SCMI DEN0056E §4.7.2.6: SENSOR_READING_COMPLETE carries the sensor id, then the readings.
        var reader = new ScmiPayloadReader(delayed.Slice(0, length));
        reader.TryReadUInt32(out uint completedSensor);
        if (completedSensor != sensorId)
            return ScmiResult.FromAgent(ScmiAgentError.ReplyInvalid);
        return CopyReadings(delayed.Slice(4, length - 4), readings, out count);
    }

    private static ScmiResult CopyReadings(ReadOnlySpan<byte> values, Span<SensorReading> readings, out int count)
    {
        count = 0;
        if (values.Length % SensorReading.Size != 0)
            return ScmiResult.FromAgent(ScmiAgentError.ReplyInvalid);
        int available = values.Length / SensorReading.Size;
        if (available > readings.Length)
            return ScmiResult.FromAgent(ScmiAgentError.InvalidArgument);
        var reader = new ScmiPayloadReader(values);
        for (int i = 0; i < available; i++)
        {
            reader.TryReadUInt64(out ulong value);
            reader.TryReadUInt64(out readings[i].Timestamp);
            readings[i].Value = (long)value;
        }
        count = available;
        return default;
    }

    /// <summary>SENSOR_TRIP_POINT_CONFIG: arms trip point <paramref name="tripPoint"/> at <paramref name="value"/> for the given crossings. Context: thread.</summary>
    public ScmiResult ConfigureTripPoint(uint sensorId, int tripPoint, SensorTripDirection direction, long value)
    {
        if ((uint)tripPoint > 0xFF)
            return ScmiResult.FromAgent(ScmiAgentError.InvalidArgument);
        // SCMI DEN0056E §4.7.2.5: trip_point_ev_ctrl bits 11:4 trip point id, bits 1:0 event control; the value is signed 64-bit.
        Span<byte> parameters = stackalloc byte[16];
        var writer = new ScmiPayloadWriter(parameters);
        writer.TryWriteUInt32(sensorId);
        writer.TryWriteUInt32(((uint)tripPoint << 4) | ((uint)direction & 0x3));
        writer.TryWriteUInt64((ulong)value);
        return Invoke(SensorMessages.TripPointConfig, parameters, default, out _);
    }

    /// <summary>SENSOR_TRIP_POINT_NOTIFY: turns SENSOR_TRIP_POINT_EVENT of one sensor on or off. Context: thread.</summary>
    public ScmiResult NotifyTripPoints(uint sensorId, bool enable) => SendNotify(SensorMessages.TripPointNotify, sensorId, enable);

    /// <summary>SENSOR_CONTINUOUS_UPDATE_NOTIFY: turns SENSOR_UPDATE of one sensor on or off. Context: thread.</summary>
    public ScmiResult NotifyUpdates(uint sensorId, bool enable) => SendNotify(SensorMessages.ContinuousUpdateNotify, sensorId, enable);

    /// <summary>SENSOR_CONFIG_GET. Context: thread.</summary>
    public ScmiResult GetConfig(uint sensorId, out SensorConfig config)
    {
        config = default;
        Span<byte> parameters = stackalloc byte[4];
        Write(parameters, sensorId);
        Span<byte> reply = stackalloc byte[4];
        ScmiResult result = Invoke(SensorMessages.ConfigGet, parameters, reply, out _, 4);
        if (result.IsSuccess)
        {
            new ScmiPayloadReader(reply).TryReadUInt32(out uint word);
            config = SensorConfig.FromWord(word);
        }
        return result;
    }

    /// <summary>SENSOR_CONFIG_SET (an interval of 0 keeps the current one). Context: thread.</summary>
    public ScmiResult SetConfig(uint sensorId, SensorConfig config)
    {
        Span<byte> parameters = stackalloc byte[8];
        Write(parameters, sensorId, config.ToWord());
        return Invoke(SensorMessages.ConfigSet, parameters, default, out _);
    }

    /// <summary>One page of SENSOR_DESCRIPTION_GET from <paramref name="index"/>. Context: thread.</summary>
    internal ScmiResult DescriptionPage(uint index, Span<byte> page, out int length)
    {
        Span<byte> parameters = stackalloc byte[4];
        Write(parameters, index);
        return Invoke(SensorMessages.DescriptionGet, parameters, page, out length, 4);
    }

    /// <summary>One page of SENSOR_AXIS_DESCRIPTION_GET or SENSOR_AXIS_NAME_GET from <paramref name="index"/>. Context: thread.</summary>
    internal ScmiResult AxisPage(byte messageId, uint sensorId, uint index, Span<byte> page, out int length)
    {
        Span<byte> parameters = stackalloc byte[8];
        Write(parameters, sensorId, index);
        return Invoke(messageId, parameters, page, out length, 4);
    }

    /// <summary>One page of SENSOR_LIST_UPDATE_INTERVALS from <paramref name="index"/>. Context: thread.</summary>
    internal ScmiResult IntervalPage(uint sensorId, uint index, Span<byte> page, out int length)
    {
        Span<byte> parameters = stackalloc byte[8];
        Write(parameters, sensorId, index);
        return Invoke(SensorMessages.ListUpdateIntervals, parameters, page, out length, 4);
    }

    private ScmiResult SendNotify(byte messageId, uint sensorId, bool enable)
    {
        // SCMI DEN0056E §4.7.2.4, §4.7.2.11: sensor_id then the enable bit 0.
        Span<byte> parameters = stackalloc byte[8];
        Write(parameters, sensorId, enable ? 1u : 0u);
        return Invoke(messageId, parameters, default, out _);
    }

    private static void Write(Span<byte> parameters, uint first)
    {
        var writer = new ScmiPayloadWriter(parameters);
        writer.TryWriteUInt32(first);
    }

    private static void Write(Span<byte> parameters, uint first, uint second)
    {
        var writer = new ScmiPayloadWriter(parameters);
        writer.TryWriteUInt32(first);
        writer.TryWriteUInt32(second);
    }
}
