// The Sensor protocol client against the platform model (platforms/default.json): descriptions, axes, readings, trip points, intervals, config, events.
using Scmi.Protocols;
using Scmi.Tests.Doubles;
using static Scmi.Tests.Protocols.ProtocolHarness;

namespace Scmi.Tests.Protocols;

public sealed class SensorProtocolTests
{
    // default.json: 0 soc-temperature (°C e-3, 45000, ramps 500 a read, 4 trip points, async, intervals 1 2 5 10 s),
    // 1 big-cluster-temperature (extended name), 2 vdd-cpu-voltage (V e-6), 3 vdd-cpu-current (A e-3),
    // 4 soc-power (W e-3), 5 accelerometer (3 axes x y z, g e-3).
    private static readonly string[] Names =
    {
        "soc-temperature", "big-cluster-temperature", "vdd-cpu-voltage", "vdd-cpu-current", "soc-power", "accelerometer",
    };

    private static (Loopback Loop, ScmiAgent Agent, SensorProtocol Sensor) Up(int maxPayloadBytes = 128, ulong features = Loopback.DefaultFeatures)
    {
        var (loop, agent) = Real(maxPayloadBytes: maxPayloadBytes, features: features);
        var sensor = new SensorProtocol(agent);
        Assert.True(sensor.Discover().IsSuccess);
        return (loop, agent, sensor);
    }

    [Fact]
    public void Discovery_reports_version_3_and_six_sensors()
    {
        var (_, _, sensor) = Up();
        Assert.Equal(3, sensor.Version.Major);
        Assert.Equal(6, sensor.SensorCount);
        Assert.Equal(8, sensor.MaxPendingAsyncReadings);
        for (byte message = SensorMessages.DescriptionGet; message <= SensorMessages.AxisNameGet; message++)
            Assert.True(sensor.GetMessageAttributes(message, out _).IsSuccess);
        Assert.Equal(ScmiStatus.NotFound, sensor.GetMessageAttributes(0xE, out _).Status);
    }

    [Theory]
    [InlineData(128)] // two descriptors a page
    [InlineData(56)]  // one a page: six pages
    [InlineData(400)] // all in one page
    public void Descriptors_are_walked_across_pages(int pageBytes)
    {
        var (_, _, sensor) = Up();
        byte[] page = new byte[pageBytes];
        Span<byte> name = stackalloc byte[64];
        Assert.True(sensor.DescribeSensors(page, out SensorDescriptorEnumerator sensors).IsSuccess);
        Assert.Equal(6u, sensors.Count);
        var seen = new List<(SensorDescriptor Descriptor, string Name)>();
        while (sensors.TryGetNext(out SensorDescriptor descriptor, name, out int length))
            seen.Add((descriptor, Text(name, length)));
        Assert.True(sensors.Result.IsSuccess);
        Assert.Equal(Names, seen.Select(s => s.Name));
        Assert.Equal(new uint[] { 0, 1, 2, 3, 4, 5 }, seen.Select(s => s.Descriptor.Id));

        SensorDescriptor temperature = seen[0].Descriptor;
        Assert.Equal(SensorUnit.DegreesC, temperature.Unit);
        Assert.Equal(-3, temperature.Scale);
        Assert.Equal(4, temperature.TripPointCount);
        Assert.True(temperature.AsyncReadSupported);
        Assert.True(temperature.ContinuousUpdateNotifySupported);
        Assert.True(temperature.TimestampSupported);
        Assert.Equal(-6, temperature.TimestampExponent);
        Assert.Equal(20u, temperature.PowerMicrowatts);
        Assert.True(temperature.HasRange);
        Assert.Equal(-40000, temperature.Minimum);
        Assert.Equal(125000, temperature.Maximum);
        Assert.True(seen[1].Descriptor.HasExtendedName);
        Assert.Equal(SensorUnit.Volts, seen[2].Descriptor.Unit);
        Assert.Equal(-6, seen[2].Descriptor.Scale);
        Assert.Equal(1000u, seen[2].Descriptor.Resolution);
        Assert.False(seen[2].Descriptor.AsyncReadSupported);
        Assert.Equal(3, seen[5].Descriptor.AxisCount);
        Assert.False(seen[5].Descriptor.HasRange);
        Assert.Equal(SensorUnit.Gravities, seen[5].Descriptor.Unit);
    }

    [Fact]
    public void Small_transport_messages_page_the_descriptors()
    {
        var (loop, _, sensor) = Up(maxPayloadBytes: 72); // one descriptor a message, and room for SENSOR_NAME_GET
        byte[] page = new byte[128];
        Span<byte> name = stackalloc byte[64];
        Assert.True(sensor.DescribeSensors(page, out SensorDescriptorEnumerator sensors).IsSuccess);
        int count = 0;
        while (sensors.TryGetNext(out _, name, out _))
            count++;
        Assert.True(sensors.Result.IsSuccess);
        Assert.Equal(6, count);
        Assert.Equal(loop.AllocationsAtSeal, loop.Memory.Allocations);
    }

    [Fact]
    public void A_descriptor_page_too_small_is_refused_before_sending()
    {
        var (_, agent, sensor) = Up();
        Span<byte> page = stackalloc byte[40];
        ulong sent = agent.Counters.Sent;
        Assert.Equal(ScmiAgentError.InvalidArgument, sensor.DescribeSensors(page, out SensorDescriptorEnumerator sensors).Agent);
        Assert.False(sensors.TryGetNext(out _, page, out _));
        Assert.Equal(sent, agent.Counters.Sent);
    }

    [Theory]
    [InlineData(52)]
    [InlineData(128)]
    public void Axes_are_walked_across_pages(int pageBytes)
    {
        var (_, _, sensor) = Up();
        byte[] page = new byte[pageBytes];
        Span<byte> name = stackalloc byte[64];
        Assert.True(sensor.DescribeAxes(5, page, out SensorAxisEnumerator axes).IsSuccess);
        Assert.Equal(3u, axes.Count);
        var seen = new List<(SensorAxisDescriptor Axis, string Name)>();
        while (axes.TryGetNext(out SensorAxisDescriptor axis, name, out int length))
            seen.Add((axis, Text(name, length)));
        Assert.True(axes.Result.IsSuccess);
        Assert.Equal(new[] { "x", "y", "z" }, seen.Select(a => a.Name));
        Assert.Equal(new uint[] { 0, 1, 2 }, seen.Select(a => a.Axis.Id));
        Assert.All(seen, a => Assert.Equal(SensorUnit.Gravities, a.Axis.Unit));
        Assert.All(seen, a => Assert.Equal(-3, a.Axis.Scale));
        Assert.Equal(-16000, seen[0].Axis.Minimum);
        Assert.Equal(16000, seen[2].Axis.Maximum);
    }

    [Fact]
    public void Axes_of_a_scalar_sensor_are_not_supported_and_of_a_bad_id_not_found()
    {
        var (_, _, sensor) = Up();
        byte[] page = new byte[128];
        Assert.Equal(ScmiStatus.NotSupported, sensor.DescribeAxes(0, page, out _).Status);
        Assert.Equal(ScmiStatus.NotFound, sensor.DescribeAxes(6, page, out _).Status);
        Span<byte> name = stackalloc byte[64];
        Assert.Equal(ScmiStatus.NotSupported, sensor.GetAxisExtendedName(0, 0, name, out _).Status);
        Assert.Equal(ScmiStatus.InvalidParameters, sensor.GetAxisExtendedName(5, 3, name, out _).Status);
    }

    [Fact]
    public void Axis_name_get_returns_the_named_axis()
    {
        var (_, _, sensor) = Up();
        Span<byte> name = stackalloc byte[64];
        Assert.True(sensor.GetAxisExtendedName(5, 2, name, out int length).IsSuccess);
        Assert.Equal("z", Text(name, length));
    }

    [Fact]
    public void Name_get_returns_the_long_name_and_refuses_a_short_one()
    {
        var (_, _, sensor) = Up();
        Span<byte> name = stackalloc byte[64];
        Assert.True(sensor.GetExtendedName(1, name, out int length).IsSuccess);
        Assert.Equal("big-cluster-temperature", Text(name, length));
        Assert.Equal(ScmiStatus.NotSupported, sensor.GetExtendedName(0, name, out _).Status);
        Assert.Equal(ScmiStatus.NotFound, sensor.GetExtendedName(6, name, out _).Status);
    }

    [Fact]
    public void Sync_readings_follow_the_ramp_and_carry_timestamps()
    {
        var (_, _, sensor) = Up();
        Span<SensorReading> readings = stackalloc SensorReading[4];
        Assert.True(sensor.Read(0, readings, out int count).IsSuccess);
        Assert.Equal(1, count);
        Assert.Equal(45000, readings[0].Value);
        Assert.True(sensor.Read(0, readings, out count, ScmiCompletion.Poll).IsSuccess);
        Assert.Equal(45500, readings[0].Value);
        Assert.True(sensor.Read(5, readings, out count).IsSuccess);
        Assert.Equal(3, count);
        Assert.Equal(new long[] { 12, -5, 1000 }, readings[..3].ToArray().Select(r => r.Value));
    }

    [Fact]
    public void Reading_errors()
    {
        var (_, _, sensor) = Up();
        Span<SensorReading> readings = stackalloc SensorReading[2];
        Assert.Equal(ScmiStatus.NotFound, sensor.Read(6, readings, out _).Status);
        Assert.Equal(ScmiAgentError.InvalidArgument, sensor.Read(5, readings, out int count).Agent); // three axes, room for two
        Assert.Equal(0, count);
        Assert.Equal(ScmiStatus.NotSupported, sensor.ReadAsync(2, readings, out _).Status);       // no async reads
        Assert.Equal(ScmiStatus.NotFound, sensor.ReadAsync(6, readings, out _).Status);
    }

    [Fact]
    public void Async_readings_come_in_the_delayed_response()
    {
        var (_, agent, sensor) = Up();
        Span<SensorReading> readings = stackalloc SensorReading[1];
        Assert.True(sensor.ReadAsync(4, readings, out int count).IsSuccess);
        Assert.Equal(1, count);
        Assert.Equal(4100, readings[0].Value);
        Assert.True(sensor.ReadAsync(0, readings, out count, ScmiCompletion.Poll).IsSuccess);
        Assert.Equal(45000, readings[0].Value);
        Assert.Equal(0, agent.TransfersInUse);
    }

    [Fact]
    public void Without_the_platform_channel_async_reads_are_refused()
    {
        var (_, _, sensor) = Up(features: 1UL << 32);
        Span<SensorReading> readings = stackalloc SensorReading[1];
        Assert.Equal(ScmiAgentError.NoPlatformChannel, sensor.ReadAsync(0, readings, out _).Agent);
        Assert.True(sensor.Read(0, readings, out _).IsSuccess);
    }

    [Theory]
    [InlineData(16)] // three a page: two pages
    [InlineData(128)]
    public void Update_intervals_are_walked(int pageBytes)
    {
        var (_, _, sensor) = Up();
        byte[] page = new byte[pageBytes];
        Assert.True(sensor.ListUpdateIntervals(0, page, out SensorIntervalEnumerator intervals).IsSuccess);
        Assert.False(intervals.IsRange);
        Assert.Equal(4u, intervals.Count);
        var seen = new List<uint>();
        while (intervals.TryGetNext(out SensorUpdateInterval interval))
        {
            Assert.Equal(0, interval.Exponent);
            seen.Add(interval.Seconds);
        }
        Assert.True(intervals.Result.IsSuccess);
        Assert.Equal(new uint[] { 1, 2, 5, 10 }, seen);
    }

    [Fact]
    public void Small_transport_messages_page_the_intervals()
    {
        var (_, _, sensor) = Up(maxPayloadBytes: 16); // three intervals a message
        byte[] page = new byte[128];
        Assert.True(sensor.ListUpdateIntervals(0, page, out SensorIntervalEnumerator intervals).IsSuccess);
        int count = 0;
        while (intervals.TryGetNext(out _))
            count++;
        Assert.True(intervals.Result.IsSuccess);
        Assert.Equal(4, count);
    }

    [Fact]
    public void Intervals_of_an_unknown_sensor_are_not_found()
    {
        var (_, _, sensor) = Up();
        byte[] page = new byte[128];
        Assert.Equal(ScmiStatus.NotFound, sensor.ListUpdateIntervals(6, page, out _).Status);
    }

    [Fact]
    public void Config_get_and_set()
    {
        var (_, _, sensor) = Up();
        Assert.True(sensor.GetConfig(0, out SensorConfig config).IsSuccess);
        Assert.True(config.Enabled);
        Assert.Equal(1u, config.UpdateIntervalSeconds);
        config.UpdateIntervalSeconds = 5;
        config.Enabled = false;
        Assert.True(sensor.SetConfig(0, config).IsSuccess);
        Assert.True(sensor.GetConfig(0, out config).IsSuccess);
        Assert.False(config.Enabled);
        Assert.Equal(5u, config.UpdateIntervalSeconds);
        config.UpdateIntervalSeconds = 0; // keeps 5
        config.Enabled = true;
        Assert.True(sensor.SetConfig(0, config).IsSuccess);
        Assert.True(sensor.GetConfig(0, out config).IsSuccess);
        Assert.Equal(5u, config.UpdateIntervalSeconds);
        Assert.True(config.Enabled);

        config.UpdateIntervalSeconds = 3; // not offered
        Assert.Equal(ScmiStatus.OutOfRange, sensor.SetConfig(0, config).Status);
        config.UpdateIntervalSeconds = 0;
        config.Rounding = 3; // reserved
        Assert.Equal(ScmiStatus.InvalidParameters, sensor.SetConfig(0, config).Status);
        Assert.Equal(ScmiStatus.NotFound, sensor.GetConfig(6, out _).Status);
        Assert.Equal(ScmiStatus.NotFound, sensor.SetConfig(6, default).Status);
    }

    [Fact]
    public void Config_word_round_trips_with_a_negative_exponent()
    {
        var config = new SensorConfig { UpdateIntervalSeconds = 250, UpdateIntervalExponent = -3, Rounding = 2, TimestampEnabled = true, Enabled = true };
        uint word = config.ToWord();
        Assert.Equal((250u << 16) | (0x1Du << 11) | (2u << 9) | 3u, word);
        SensorConfig back = SensorConfig.FromWord(word);
        Assert.Equal(-3, back.UpdateIntervalExponent);
        Assert.Equal(250u, back.UpdateIntervalSeconds);
        Assert.Equal(2u, back.Rounding);
        Assert.True(back.TimestampEnabled && back.Enabled);
    }

    [Fact]
    public void A_trip_point_crossed_ascending_raises_its_event()
    {
        var (_, agent, sensor) = Up();
        var trips = new NotificationRecorder();
        Assert.True(agent.Subscribe(ScmiProtocolId.Sensor, SensorMessages.TripPointEvent, trips).IsSuccess);
        Assert.True(sensor.ConfigureTripPoint(0, 2, SensorTripDirection.Ascending, 46000).IsSuccess);
        Assert.True(sensor.NotifyTripPoints(0, true).IsSuccess);
        Span<SensorReading> readings = stackalloc SensorReading[1];
        Assert.True(sensor.Read(0, readings, out _).IsSuccess); // 45000, then 45500
        agent.ProcessPlatformMessages();
        Assert.Empty(trips.Seen);
        Assert.True(sensor.Read(0, readings, out _).IsSuccess); // 45500, then 46000: crossed
        agent.ProcessPlatformMessages();
        var seen = Assert.Single(trips.Seen);
        Assert.True(SensorTripPointEvent.TryDecode(seen.Payload, out SensorTripPointEvent tripEvent));
        Assert.Equal(0u, tripEvent.SensorId);
        Assert.Equal(2, tripEvent.TripPoint);
        Assert.True(tripEvent.Ascending);
    }

    [Fact]
    public void Trip_point_errors()
    {
        var (_, _, sensor) = Up();
        Assert.Equal(ScmiStatus.InvalidParameters, sensor.ConfigureTripPoint(0, 4, SensorTripDirection.Both, 0).Status); // four trip points: 0..3
        Assert.Equal(ScmiStatus.NotFound, sensor.ConfigureTripPoint(6, 0, SensorTripDirection.Both, 0).Status);
        Assert.Equal(ScmiAgentError.InvalidArgument, sensor.ConfigureTripPoint(0, 256, SensorTripDirection.Both, 0).Agent);
        Assert.Equal(ScmiStatus.NotSupported, sensor.NotifyTripPoints(2, true).Status); // no trip points
        Assert.Equal(ScmiStatus.NotFound, sensor.NotifyTripPoints(6, true).Status);
    }

    [Fact]
    public void Continuous_updates_arrive_on_the_update_interval()
    {
        var (loop, agent, sensor) = Up();
        var updates = new NotificationRecorder();
        Assert.True(agent.Subscribe(ScmiProtocolId.Sensor, SensorMessages.UpdateEvent, updates).IsSuccess);
        Assert.True(sensor.NotifyUpdates(5, true).IsSuccess);
        loop.Scheduler.Advance(TimeSpan.FromSeconds(1));
        agent.ProcessPlatformMessages();
        var seen = Assert.Single(updates.Seen);
        Assert.True(SensorUpdateEvent.TryDecode(seen.Payload, out SensorUpdateEvent update));
        Assert.Equal(5u, update.SensorId);
        Assert.Equal(3, update.ReadingCount);
        Assert.True(update.TryGetReading(2, out SensorReading z));
        Assert.Equal(1000, z.Value);
        Assert.False(update.TryGetReading(3, out _));

        Assert.True(sensor.NotifyUpdates(5, false).IsSuccess);
        loop.Scheduler.Advance(TimeSpan.FromSeconds(3));
        agent.ProcessPlatformMessages();
        Assert.Single(updates.Seen);
        Assert.Equal(ScmiStatus.NotFound, sensor.NotifyUpdates(6, true).Status);
    }

    [Fact]
    public void Event_decoders_refuse_short_payloads()
    {
        Assert.False(SensorTripPointEvent.TryDecode(new byte[11], out _));
        Assert.False(SensorUpdateEvent.TryDecode(new byte[8 + 15], out _));
        Assert.False(SensorUpdateEvent.TryDecode(new byte[8], out _));
        Assert.True(SensorUpdateEvent.TryDecode(new byte[8 + 32], out SensorUpdateEvent update));
        Assert.Equal(2, update.ReadingCount);
    }

    [Theory]
    [InlineData(41500, -3, "41.5")]
    [InlineData(45000, -3, "45.0")]
    [InlineData(-5, -3, "-0.005")]
    [InlineData(-40000, -3, "-40.0")]
    [InlineData(850000, -6, "0.85")]
    [InlineData(2300, -3, "2.3")]
    [InlineData(12, 2, "1200")]
    [InlineData(0, 0, "0")]
    [InlineData(-7, 0, "-7")]
    [InlineData(123, -16, "0.0000000000000123")]
    [InlineData(long.MinValue, -3, "-9223372036854775.808")]
    [InlineData(long.MaxValue, 0, "9223372036854775807")]
    public void Scaled_values_print_without_floating_point(long value, int scale, string expected)
    {
        SensorValue scaled = SensorValue.FromScaled(value, scale);
        Span<byte> text = stackalloc byte[40];
        Assert.True(scaled.TryFormat(text, out int written));
        Assert.Equal(expected, Text(text, written));
        Assert.False(scaled.Overflowed);
    }

    [Fact]
    public void Scaled_value_parts_and_overflow()
    {
        SensorValue scaled = SensorValue.FromScaled(41500, -3);
        Assert.False(scaled.Negative);
        Assert.Equal(41ul, scaled.Integer);
        Assert.Equal(500ul, scaled.Fraction);
        Assert.Equal(3, scaled.FractionDigits);
        Assert.True(SensorValue.FromScaled(long.MaxValue, 2).Overflowed);
        Span<byte> small = stackalloc byte[3];
        Assert.False(scaled.TryFormat(small, out _));
    }

    [Fact]
    public void Unit_symbols()
    {
        Assert.Equal("°C", System.Text.Encoding.UTF8.GetString(SensorUnitSymbols.Of(SensorUnit.DegreesC)));
        Assert.Equal("V", System.Text.Encoding.UTF8.GetString(SensorUnitSymbols.Of(SensorUnit.Volts)));
        Assert.Equal("g", System.Text.Encoding.UTF8.GetString(SensorUnitSymbols.Of(SensorUnit.Gravities)));
        Assert.True(SensorUnitSymbols.Of((SensorUnit)200).IsEmpty);
    }
}
