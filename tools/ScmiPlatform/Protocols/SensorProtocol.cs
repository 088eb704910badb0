// SCMI Sensor management protocol 0x15 (Arm DEN0056 v3.2 §4.7).
using ScmiPlatform.Description;
using ScmiPlatform.Scmi;

namespace ScmiPlatform.Protocols;

/// <summary>Sensor message ids (DEN0056 §4.7.2).</summary>
public enum SensorMessage : byte
{
    ProtocolVersion = 0x0,
    ProtocolAttributes = 0x1,
    ProtocolMessageAttributes = 0x2,
    SensorDescriptionGet = 0x3,
    SensorTripPointNotify = 0x4,
    SensorTripPointConfig = 0x5,
    SensorReadingGet = 0x6,
    SensorAxisDescriptionGet = 0x7,
    SensorListUpdateIntervals = 0x8,
    SensorConfigGet = 0x9,
    SensorConfigSet = 0xA,
    SensorContinuousUpdateNotify = 0xB,
    SensorNameGet = 0xC,
    SensorAxisNameGet = 0xD,
}

/// <summary>Sensor notification ids (DEN0056 §4.7.3).</summary>
public enum SensorNotification : byte
{
    SensorTripPointEvent = 0x0,
    SensorUpdate = 0x1,
}

/// <summary>Sensors with readings, axes, trip points and update configuration.</summary>
public sealed class SensorProtocol : ScmiProtocol<SensorMessage, SensorNotification>
{
    /// <summary>DEN0056 §4.7.2.1: sensor protocol version 3.0.</summary>
    public const uint ProtocolVersion = 0x3_0000;
    /// <summary>Asynchronous reads the platform accepts at once (attributes bits 23:16).</summary>
    public const uint MaximumPendingAsync = 8;
    /// <summary>Descriptor of a scalar sensor: id, attributes low/high, name, power, resolution, min and max range.</summary>
    public const int ScalarDescriptorSize = 52;
    /// <summary>Descriptor of a multi-axis sensor: the range fields belong to the axes instead.</summary>
    public const int AxisSensorDescriptorSize = 32;
    /// <summary>Axis descriptor: id, attributes low/high, name, resolution, min and max range.</summary>
    public const int AxisDescriptorSize = 48;
    /// <summary>SENSOR_AXIS_NAME_GET entry: axis id and a 64-byte name.</summary>
    public const int AxisNameEntrySize = 68;
    /// <summary>One reading: value low/high, timestamp low/high.</summary>
    public const int ReadingSize = 16;
    /// <summary>Timestamps count microseconds: power-of-ten exponent -6 (attributes_low bits 14:10).</summary>
    public const int TimestampExponent = -6;
    /// <summary>SENSOR_READING_GET flags bit 0: asynchronous read.</summary>
    public const uint AsyncFlag = 1u << 0;
    /// <summary>SENSOR_CONFIG bits: 31:16 update interval seconds, 15:11 exponent, 10:9 rounding, 1 timestamps, 0 enabled.</summary>
    public const uint ConfigEnabledBit = 1u << 0, ConfigTimestampBit = 1u << 1;
    /// <summary>Trip point event control: 0 disabled, 1 ascending, 2 descending, 3 both crossings.</summary>
    public const uint TripAscending = 1, TripDescending = 2;
    /// <summary>trip_point_desc bit 16: the trip point was crossed in the ascending direction.</summary>
    public const uint TripDirectionAscendingBit = 1u << 16;

    private readonly IReadOnlyList<SensorDescription> _sensors;
    private readonly SensorState[] _state;

    private sealed class SensorState
    {
        public required long[] Values;
        public long RampDirection = 1;
        public uint Config;
        public bool TripNotificationsEnabled;
        public required (uint Mode, long Value)[] TripPoints;
        /// <summary>Bumped each time continuous updates are (re)enabled, so only the newest timer chain runs.</summary>
        public int UpdateGeneration;
    }

    /// <summary>Creates the protocol with every sensor at its initial reading.</summary>
    public SensorProtocol(PlatformServices services, IReadOnlyList<SensorDescription> sensors) : base(services)
    {
        _sensors = sensors;
        _state = sensors.Select(s => new SensorState
        {
            Values = s.Axes.Count == 0 ? new[] { s.Value } : s.Axes.Select(a => a.Value).ToArray(),
            Config = s.UpdateIntervalsSeconds[0] << 16 | (s.Enabled ? ConfigEnabledBit : 0),
            TripPoints = new (uint, long)[s.TripPoints],
        }).ToArray();
    }

    /// <inheritdoc/>
    public override ScmiProtocolId Id => ScmiProtocolId.Sensor;

    /// <inheritdoc/>
    public override uint Version => ProtocolVersion;

    /// <summary>Current reading of one axis (axis 0 for a scalar sensor).</summary>
    public long ValueOf(int sensor, int axis = 0) => _state[sensor].Values[axis];

    /// <inheritdoc/>
    protected override void WriteProtocolAttributes(CommandContext context, ref ReplyWriter reply)
    {
        // DEN0056 §4.7.2.2: bits 23:16 max pending async reads, 15:0 sensor count; then the (absent) shared register region.
        reply.U32("attributes", MaximumPendingAsync << 16 | (uint)_sensors.Count, hex: true);
        reply.U32("sensor_reg_address_low", 0);
        reply.U32("sensor_reg_address_high", 0);
        reply.U32("sensor_reg_len", 0);
    }

    /// <inheritdoc/>
    protected override ScmiStatus HandleMessage(CommandContext context, ref ParameterReader parameters, ref ReplyWriter reply)
    {
        switch (MessageOf(context))
        {
            case SensorMessage.SensorDescriptionGet:
                return DescriptionGet(context, ref parameters, ref reply);
            case SensorMessage.SensorTripPointNotify:
            {
                if (!parameters.IsExactly(8)) return ScmiStatus.ProtocolError;
                uint sensorId = parameters.U32("sensor_id");
                uint control = parameters.U32("event_control", hex: true);
                if (!TrySensor(sensorId, out int sensor)) return ScmiStatus.NotFound;
                if ((control & ~1u) != 0) return ScmiStatus.InvalidParameters;
                if (_sensors[sensor].TripPoints == 0) return ScmiStatus.NotSupported;
                var status = ChangeSubscription(context, (byte)SensorNotification.SensorTripPointEvent, (uint)sensor, control);
                if (status == ScmiStatus.Success) _state[sensor].TripNotificationsEnabled = (control & 1) != 0;
                return status;
            }
            case SensorMessage.SensorTripPointConfig:
                return TripPointConfig(ref parameters);
            case SensorMessage.SensorReadingGet:
                return ReadingGet(context, ref parameters, ref reply);
            case SensorMessage.SensorAxisDescriptionGet:
                return AxisDescriptionGet(ref parameters, ref reply);
            case SensorMessage.SensorListUpdateIntervals:
                return ListUpdateIntervals(ref parameters, ref reply);
            case SensorMessage.SensorConfigGet:
            {
                if (ReadIndex(ref parameters, 4, "sensor_id", _sensors.Count, out int sensor) is { } error) return error;
                reply.U32("sensor_config", _state[sensor].Config, hex: true);
                return ScmiStatus.Success;
            }
            case SensorMessage.SensorConfigSet:
                return ConfigSet(ref parameters);
            case SensorMessage.SensorContinuousUpdateNotify:
            {
                if (ReadIndex(ref parameters, 8, "sensor_id", _sensors.Count, out int sensor) is { } error) return error;
                uint enable = parameters.U32("notify_enable", hex: true);
                var status = ChangeSubscription(context, (byte)SensorNotification.SensorUpdate, (uint)sensor, enable);
                if (status == ScmiStatus.Success && (enable & 1) != 0) StartContinuousUpdates(sensor);
                return status;
            }
            case SensorMessage.SensorNameGet:
                return ExtendedNameGet(ref parameters, ref reply, "sensor_id", _sensors, s => s.Name);
            case SensorMessage.SensorAxisNameGet:
                return AxisNameGet(ref parameters, ref reply);
            default:
                return ScmiStatus.NotFound;
        }
    }

    private int DescriptorSize(int sensor) => _sensors[sensor].Axes.Count == 0 ? ScalarDescriptorSize : AxisSensorDescriptorSize;

    private ScmiStatus DescriptionGet(CommandContext context, ref ParameterReader parameters, ref ReplyWriter reply)
    {
        if (!parameters.IsExactly(4)) return ScmiStatus.ProtocolError;
        uint index = parameters.U32("desc_index");
        // DEN0056 §4.7.2.3: INVALID_PARAMETERS when desc_index is beyond the last sensor.
        if (index >= _sensors.Count) return ScmiStatus.InvalidParameters;
        // Descriptors differ in size, so count how many fit the agent's reply area one by one.
        int space = reply.Remaining - 4, returned = 0;
        while ((int)index + returned < _sensors.Count && returned < 0xFFF && space >= DescriptorSize((int)index + returned))
        {
            space -= DescriptorSize((int)index + returned);
            returned++;
        }
        if (returned == 0) { reply.MarkTooSmall(); return ScmiStatus.Success; }
        int remaining = _sensors.Count - (int)index - returned;
        // num_sensor_flags: bits 11:0 returned, 31:16 remaining.
        reply.U32("num_sensor_flags", (uint)returned | (uint)remaining << 16, hex: true);
        for (int i = 0; i < returned; i++) WriteDescriptor(context, (int)index + i, ref reply);
        return ScmiStatus.Success;
    }

    private void WriteDescriptor(CommandContext context, int sensor, ref ReplyWriter reply)
    {
        var s = _sensors[sensor];
        // attributes_low: 31 async read, 30 continuous update notify, 29 extended name, 14:10 timestamp exponent,
        // 9 timestamp support, 8 extended attributes, 7:0 number of trip points.
        uint low = (uint)s.TripPoints | 1u << 8 | 1u << 9 | (unchecked((uint)TimestampExponent) & 0x1F) << 10;
        if (s.AsyncRead && context.EventsAvailable) low |= 1u << 31;
        if (context.EventsAvailable) low |= 1u << 30;
        if (s.Name.Length >= ReplyWriter.ShortNameSize) low |= 1u << 29;
        // attributes_high: 21:16 number of axes, 15:11 scale (signed), 8 axis support, 7:0 unit type.
        uint high = (uint)s.Unit | ((uint)s.Scale & 0x1F) << 11;
        if (s.Axes.Count > 0) high |= 1u << 8 | (uint)s.Axes.Count << 16;
        reply.U32("sensor_id", (uint)sensor);
        reply.U32("attributes_low", low, hex: true);
        reply.U32("attributes_high", high, hex: true);
        reply.Name("name", s.Name, ReplyWriter.ShortNameSize);
        reply.U32("sensor_power", s.PowerMicrowatts);
        if (s.Axes.Count > 0) return; // DEN0056 §4.7.2.3: resolution and ranges are per axis for multi-axis sensors.
        reply.U32("sensor_resolution", s.Resolution & 0x7FF_FFFF, hex: true);
        reply.I64("sensor_min_range", s.Minimum);
        reply.I64("sensor_max_range", s.Maximum);
    }

    private ScmiStatus TripPointConfig(ref ParameterReader parameters)
    {
        if (!parameters.IsExactly(16)) return ScmiStatus.ProtocolError;
        uint sensorId = parameters.U32("sensor_id");
        uint control = parameters.U32("trip_point_ev_ctrl", hex: true);
        long value = (long)parameters.U64("trip_point_val");
        if (!TrySensor(sensorId, out int sensor)) return ScmiStatus.NotFound;
        // DEN0056 §4.7.2.5: bits 11:4 trip point id, bits 1:0 event control; the rest is reserved.
        if ((control & ~0xFF3u) != 0) return ScmiStatus.InvalidParameters;
        uint trip = (control >> 4) & 0xFF;
        if (trip >= _sensors[sensor].TripPoints) return ScmiStatus.InvalidParameters;
        _state[sensor].TripPoints[trip] = (control & 0x3, value);
        return ScmiStatus.Success;
    }

    private ScmiStatus ReadingGet(CommandContext context, ref ParameterReader parameters, ref ReplyWriter reply)
    {
        if (!parameters.IsExactly(8)) return ScmiStatus.ProtocolError;
        uint sensorId = parameters.U32("sensor_id");
        uint flags = parameters.U32("flags", hex: true);
        if (!TrySensor(sensorId, out int sensor)) return ScmiStatus.NotFound;
        if ((flags & ~AsyncFlag) != 0) return ScmiStatus.InvalidParameters;
        var s = _state[sensor];
        bool async = (flags & AsyncFlag) != 0;
        if (async)
        {
            // virtio 1.3 §5.17.6.1 and DEN0056 §4.7.2.6: async reads need P2A and a sensor that supports them.
            if (!_sensors[sensor].AsyncRead) return ScmiStatus.NotSupported;
            if (!context.MayQueueDelayedResponse(out ScmiStatus refusal)) return refusal;
            var complete = context.DelayedResponse("SENSOR_READING_COMPLETE").U32("sensor_id", (uint)sensor);
            foreach (long value in s.Values) complete.I64("sensor_value", value).U64("timestamp", Timestamp(context.Now));
            context.SendAfterReply(complete.Build());
        }
        else
        {
            if (reply.Remaining < s.Values.Length * ReadingSize) { reply.MarkTooSmall(); return ScmiStatus.Success; }
            foreach (long value in s.Values)
            {
                reply.I64("sensor_value", value);
                reply.U64("timestamp", Timestamp(context.Now));
            }
        }
        Advance(context, sensor);
        return ScmiStatus.Success;
    }

    private static ulong Timestamp(TimeSpan now) => (ulong)(now.Ticks / 10);

    /// <summary>Moves a ramping sensor one step and raises trip point and update notifications.</summary>
    private void Advance(CommandContext? cause, int sensor, bool notifyUpdate = true)
    {
        var d = _sensors[sensor];
        if (d.RampStep == 0 || d.Axes.Count != 0) return;
        var s = _state[sensor];
        long next = s.Values[0] + s.RampDirection * d.RampStep;
        if (next > d.Maximum || next < d.Minimum)
        {
            s.RampDirection = -s.RampDirection;
            next = Math.Clamp(s.Values[0] + s.RampDirection * d.RampStep, d.Minimum, d.Maximum);
        }
        SetValue(cause, sensor, 0, next, notifyUpdate);
    }

    /// <summary>The configured update interval (sensor_config bits 31:16, in seconds).</summary>
    public TimeSpan UpdateInterval(int sensor) => TimeSpan.FromSeconds(Math.Max(1u, _state[sensor].Config >> 16));

    /// <summary>
    /// DEN0056 §4.7.3.2 SENSOR_UPDATE: while the agent subscribes, the platform reports the readings at every
    /// update interval of an enabled sensor; a ramping sensor takes its next step at each report.
    /// </summary>
    private void StartContinuousUpdates(int sensor)
    {
        int generation = ++_state[sensor].UpdateGeneration;
        ScheduleUpdate(sensor, generation);
    }

    private void ScheduleUpdate(int sensor, int generation) =>
        Services.Scheduler.Schedule(UpdateInterval(sensor), () => Services.RunExclusive(() =>
        {
            var s = _state[sensor];
            if (s.UpdateGeneration != generation || !Subscriptions.IsEnabled((byte)SensorNotification.SensorUpdate, (uint)sensor)) return;
            if ((s.Config & ConfigEnabledBit) != 0)
            {
                Advance(null, sensor, notifyUpdate: false);
                Notify(null, (byte)SensorNotification.SensorUpdate, (uint)sensor, m => UpdatePayload(m, sensor, Services.Scheduler.Now));
            }
            ScheduleUpdate(sensor, generation);
        }));

    /// <summary>Sets a reading as the platform measured it; trip points crossed and update subscriptions notify the agent.</summary>
    public void SetValue(CommandContext? cause, int sensor, int axis, long value) => SetValue(cause, sensor, axis, value, notifyUpdate: true);

    // Every SENSOR_READING_GET of a ramping sensor comes through here: the notifications' lambdas live in the
    // methods below, so their closures and delegates are only made when a notification may be sent.
    private void SetValue(CommandContext? cause, int sensor, int axis, long value, bool notifyUpdate)
    {
        var s = _state[sensor];
        long previous = s.Values[axis];
        s.Values[axis] = value;
        if (axis == 0 && s.TripNotificationsEnabled)
            NotifyTripPoints(cause, sensor, s, previous, value);
        if (notifyUpdate && previous != value && Subscriptions.IsEnabled((byte)SensorNotification.SensorUpdate, (uint)sensor))
            NotifyUpdate(cause, sensor);
    }

    private void NotifyTripPoints(CommandContext? cause, int sensor, SensorState s, long previous, long value)
    {
        for (uint trip = 0; trip < s.TripPoints.Length; trip++)
        {
            var (mode, threshold) = s.TripPoints[trip];
            bool ascending = previous < threshold && value >= threshold;
            bool descending = previous >= threshold && value < threshold;
            if ((ascending && (mode & TripAscending) != 0) || (descending && (mode & TripDescending) != 0))
                NotifyTripPoint(cause, sensor, trip, ascending);
        }
    }

    private void NotifyTripPoint(CommandContext? cause, int sensor, uint trip, bool ascending) =>
        Notify(cause, (byte)SensorNotification.SensorTripPointEvent, (uint)sensor, m => m
            .U32("agent_id", cause?.AgentId ?? PlatformServices.PlatformAgentId).U32("sensor_id", (uint)sensor)
            .U32("trip_point_desc", trip | (ascending ? TripDirectionAscendingBit : 0), hex: true));

    private void NotifyUpdate(CommandContext? cause, int sensor) =>
        Notify(cause, (byte)SensorNotification.SensorUpdate, (uint)sensor, m => UpdatePayload(m, sensor, cause?.Now ?? Services.Scheduler.Now));

    private PlatformMessageBuilder UpdatePayload(PlatformMessageBuilder message, int sensor, TimeSpan now)
    {
        message.U32("agent_id", PlatformServices.PlatformAgentId).U32("sensor_id", (uint)sensor);
        foreach (long value in _state[sensor].Values) message.I64("sensor_value", value).U64("timestamp", Timestamp(now));
        return message;
    }

    /// <summary>
    /// The start SENSOR_AXIS_DESCRIPTION_GET and SENSOR_AXIS_NAME_GET share: reads sensor_id and
    /// axis_desc_index, works out how many entries of <paramref name="entrySize"/> bytes fit and writes
    /// num_axis_flags. Returns null when the caller goes on to write <paramref name="returned"/> entries
    /// from <paramref name="index"/>, otherwise the status to answer.
    /// </summary>
    private ScmiStatus? AxisPage(ref ParameterReader parameters, ref ReplyWriter reply, int entrySize,
        out IReadOnlyList<SensorAxisDescription> axes, out uint index, out int returned)
    {
        axes = Array.Empty<SensorAxisDescription>();
        returned = 0;
        index = 0;
        if (!parameters.IsExactly(8)) return ScmiStatus.ProtocolError;
        uint sensorId = parameters.U32("sensor_id");
        index = parameters.U32("axis_desc_index");
        if (!TrySensor(sensorId, out int sensor)) return ScmiStatus.NotFound;
        axes = _sensors[sensor].Axes;
        if (axes.Count == 0) return ScmiStatus.NotSupported;
        if (index >= axes.Count) return ScmiStatus.InvalidParameters;
        int left = axes.Count - (int)index;
        returned = Math.Min(left, reply.EntriesThatFit(4, entrySize));
        if (returned == 0) { reply.MarkTooSmall(); return ScmiStatus.Success; }
        // DEN0056 §4.7.2.7: num_axis_flags bits 5:0 returned, 31:26 remaining.
        reply.U32("num_axis_flags", (uint)returned | (uint)(left - returned) << 26, hex: true);
        return null;
    }

    private ScmiStatus AxisDescriptionGet(ref ParameterReader parameters, ref ReplyWriter reply)
    {
        if (AxisPage(ref parameters, ref reply, AxisDescriptorSize, out var axes, out uint index, out int returned) is { } status) return status;
        for (int i = 0; i < returned; i++)
        {
            int axisIndex = (int)index + i;
            var axis = axes[axisIndex];
            // attributes_low: 9 extended name, 8 extended attributes; attributes_high: 15:11 scale, 7:0 unit.
            uint low = 1u << 8 | (axis.Name.Length >= ReplyWriter.ShortNameSize ? 1u << 9 : 0);
            reply.U32("axis_id", (uint)axisIndex);
            reply.U32("axis_attributes_low", low, hex: true);
            reply.U32("axis_attributes_high", (uint)axis.Unit | ((uint)axis.Scale & 0x1F) << 11, hex: true);
            reply.Name("name", axis.Name, ReplyWriter.ShortNameSize);
            reply.U32("axis_resolution", axis.Resolution & 0x7FF_FFFF, hex: true);
            reply.I64("axis_min_range", axis.Minimum);
            reply.I64("axis_max_range", axis.Maximum);
        }
        return ScmiStatus.Success;
    }

    private ScmiStatus AxisNameGet(ref ParameterReader parameters, ref ReplyWriter reply)
    {
        if (AxisPage(ref parameters, ref reply, AxisNameEntrySize, out var axes, out uint index, out int returned) is { } status) return status;
        for (int i = 0; i < returned; i++)
        {
            reply.U32("axis_id", index + (uint)i);
            reply.Name("name", axes[(int)index + i].Name, ReplyWriter.ExtendedNameSize);
        }
        return ScmiStatus.Success;
    }

    private ScmiStatus ListUpdateIntervals(ref ParameterReader parameters, ref ReplyWriter reply)
    {
        if (!parameters.IsExactly(8)) return ScmiStatus.ProtocolError;
        uint sensorId = parameters.U32("sensor_id");
        uint index = parameters.U32("index");
        if (!TrySensor(sensorId, out int sensor)) return ScmiStatus.NotFound;
        var intervals = _sensors[sensor].UpdateIntervalsSeconds;
        if (index >= intervals.Count) return ScmiStatus.InvalidParameters;
        int left = intervals.Count - (int)index;
        int returned = Math.Min(left, reply.EntriesThatFit(4, 4));
        if (returned == 0) { reply.MarkTooSmall(); return ScmiStatus.Success; }
        // DEN0056 §4.7.2.8: bits 11:0 returned, bit 12 clear (a list, not a triplet), 31:16 remaining.
        reply.U32("num_intervals_flags", (uint)returned | (uint)(left - returned) << 16, hex: true);
        // Each interval: bits 20:5 seconds, 4:0 power-of-ten multiplier (0 here).
        for (int i = 0; i < returned; i++) reply.U32("interval", intervals[(int)index + i] << 5, hex: true);
        return ScmiStatus.Success;
    }

    private ScmiStatus ConfigSet(ref ParameterReader parameters)
    {
        if (!parameters.IsExactly(8)) return ScmiStatus.ProtocolError;
        uint sensorId = parameters.U32("sensor_id");
        uint config = parameters.U32("sensor_config", hex: true);
        if (!TrySensor(sensorId, out int sensor)) return ScmiStatus.NotFound;
        // DEN0056 §4.7.2.10: bits 8:2 reserved; rounding (10:9) value 3 is reserved.
        if ((config & 0x1FCu) != 0 || ((config >> 9) & 0x3) == 3) return ScmiStatus.InvalidParameters;
        uint seconds = config >> 16;
        uint exponent = (config >> 11) & 0x1F;
        // Interval 0 keeps the current one; otherwise it must be one the sensor offers (no multiplier).
        if (seconds != 0 && (exponent != 0 || !_sensors[sensor].UpdateIntervalsSeconds.Contains(seconds))) return ScmiStatus.OutOfRange;
        if (seconds == 0) config = (config & 0xFFFF) | (_state[sensor].Config & 0xFFFF_0000);
        _state[sensor].Config = config;
        return ScmiStatus.Success;
    }

    /// <inheritdoc/>
    public override IEnumerable<PlatformMessage> CurrentStateNotifications()
    {
        for (int sensor = 0; sensor < _sensors.Count; sensor++)
        {
            if (Subscriptions.IsEnabled((byte)SensorNotification.SensorUpdate, (uint)sensor))
                yield return UpdatePayload(NotificationBuilder((byte)SensorNotification.SensorUpdate), sensor, Services.Scheduler.Now).Build();
        }
    }

    private bool TrySensor(uint id, out int sensor) => TryIndex(id, _sensors.Count, out sensor);
}
