// Sensor protocol 0x15 against DEN0056 §4.7: descriptors with paging, axes, readings (sync and async),
// trip points, update intervals, configuration, names and notifications.
using Platform.Tests.Protocols.Support;
using ScmiPlatform.Protocols;
using ScmiPlatform.Scmi;
using Xunit;

namespace Platform.Tests.Protocols;

public sealed class SensorProtocolTests
{
    private const uint SocTemperature = 0, BigTemperature = 1, CpuVoltage = 2, CpuCurrent = 3, SocPower = 4, Accelerometer = 5;
    private readonly ModelHarness _platform = new();

    private ScmiReply Send(SensorMessage message, params uint[] parameters) => _platform.Send(ScmiProtocolId.Sensor, (byte)message, parameters);

    [Fact]
    public void ProtocolAttributes_count_sensors_and_async_capacity_without_a_register_region()
    {
        var reply = Send(SensorMessage.ProtocolAttributes);
        Assert.Equal(8 + 16, reply.Length);
        Assert.Equal(6u | SensorProtocol.MaximumPendingAsync << 16, reply.Value(0));
    }

    [Fact]
    public void DescriptionGet_pages_variable_size_descriptors_to_the_reply_area()
    {
        var first = Send(SensorMessage.SensorDescriptionGet, 0);
        Assert.Equal(8 + 4 + 2 * SensorProtocol.ScalarDescriptorSize, first.Length);
        Assert.Equal(2u | 4u << 16, first.Value(0));
        var second = Send(SensorMessage.SensorDescriptionGet, 4);
        Assert.Equal(8 + 4 + SensorProtocol.ScalarDescriptorSize + SensorProtocol.AxisSensorDescriptorSize, second.Length);
        Assert.Equal(2u, second.Value(0));
        Assert.Equal(ScmiStatus.InvalidParameters, Send(SensorMessage.SensorDescriptionGet, 6).Status);
        Assert.Equal(ScmiStatus.CommsError, _platform.SendWithCapacity(60, ScmiProtocolId.Sensor, (byte)SensorMessage.SensorDescriptionGet, 0).Status);
    }

    [Fact]
    public void A_scalar_descriptor_carries_attributes_power_resolution_and_range()
    {
        var reply = Send(SensorMessage.SensorDescriptionGet, 0);
        // descriptor 0 starts at value word 1
        Assert.Equal(SocTemperature, reply.Value(1));
        uint low = reply.Value(2);
        Assert.Equal(4u, low & 0xFF);                 // trip points
        Assert.Equal(1u, (low >> 8) & 1);             // extended attributes
        Assert.Equal(1u, (low >> 9) & 1);             // timestamps
        Assert.Equal(0x1Au, (low >> 10) & 0x1F);      // timestamp exponent -6
        Assert.Equal(1u, low >> 31);                  // async read
        Assert.Equal(1u, (low >> 30) & 1);            // continuous update notifications
        uint high = reply.Value(3);
        Assert.Equal(2u, high & 0xFF);                // degrees C
        Assert.Equal(0x1Du, (high >> 11) & 0x1F);     // scale -3
        Assert.Equal(0u, (high >> 8) & 1);            // no axes
        Assert.Equal("soc-temperature", reply.Name(16, 16));
        Assert.Equal(20u, reply.Value(8));            // sensor power
        Assert.Equal(1u, reply.Value(9));             // resolution
        Assert.Equal(-40_000L, reply.Signed64(10));
        Assert.Equal(125_000L, reply.Signed64(12));
        // descriptor 1 has an extended name
        Assert.Equal(1u, (reply.Value(1 + 13 + 1) >> 29) & 1);
    }

    [Fact]
    public void An_axis_sensor_descriptor_reports_its_axes_and_their_descriptions()
    {
        var reply = Send(SensorMessage.SensorDescriptionGet, 5);
        uint high = reply.Value(3);
        Assert.Equal(1u, (high >> 8) & 1);
        Assert.Equal(3u, (high >> 16) & 0x3F);
        Assert.Equal(8 + 4 + SensorProtocol.AxisSensorDescriptorSize, reply.Length);

        var axes = Send(SensorMessage.SensorAxisDescriptionGet, Accelerometer, 0);
        Assert.Equal(8 + 4 + 2 * SensorProtocol.AxisDescriptorSize, axes.Length);
        Assert.Equal(2u | 1u << 26, axes.Value(0));
        Assert.Equal(0u, axes.Value(1));
        Assert.Equal(40u, axes.Value(3) & 0xFF);
        Assert.Equal("x", axes.Name(16, 16));
        Assert.Equal(-16_000L, axes.Signed64(9));
        var last = Send(SensorMessage.SensorAxisDescriptionGet, Accelerometer, 2);
        Assert.Equal(1u, last.Value(0));
        Assert.Equal(2u, last.Value(1));
        Assert.Equal(ScmiStatus.NotSupported, Send(SensorMessage.SensorAxisDescriptionGet, SocTemperature, 0).Status);
        Assert.Equal(ScmiStatus.InvalidParameters, Send(SensorMessage.SensorAxisDescriptionGet, Accelerometer, 3).Status);
        var names = Send(SensorMessage.SensorAxisNameGet, Accelerometer, 1);
        Assert.Equal(1u | 1u << 26, names.Value(0)); // one 68-byte entry fits 128 bytes
        Assert.Equal("y", names.Name(8, 64));
    }

    [Fact]
    public void ReadingGet_returns_value_and_timestamp_per_axis()
    {
        _platform.Scheduler.Advance(2);
        var scalar = Send(SensorMessage.SensorReadingGet, CpuVoltage, 0);
        Assert.Equal(8 + 16, scalar.Length);
        Assert.Equal(850_000L, scalar.Signed64(0));
        Assert.Equal(2000ul, scalar.Value64(2)); // microseconds
        var vector = Send(SensorMessage.SensorReadingGet, Accelerometer, 0);
        Assert.Equal(8 + 3 * 16, vector.Length);
        Assert.Equal(new long[] { 12, -5, 1000 }, new[] { vector.Signed64(0), vector.Signed64(4), vector.Signed64(8) });
    }

    [Fact]
    public void A_ramping_sensor_moves_at_each_reading()
    {
        Assert.Equal(45_000L, Send(SensorMessage.SensorReadingGet, SocTemperature, 0).Signed64(0));
        Assert.Equal(45_500L, Send(SensorMessage.SensorReadingGet, SocTemperature, 0).Signed64(0));
    }

    [Fact]
    public void Async_ReadingGet_replies_with_status_then_SENSOR_READING_COMPLETE()
    {
        var slot = _platform.Post(ScmiMessages.Request(ScmiProtocolId.Sensor, (byte)SensorMessage.SensorReadingGet, 300, SocPower, SensorProtocol.AsyncFlag));
        Assert.Equal(8, slot.ReplyLength);
        var complete = Assert.Single(_platform.Delivered);
        Assert.Equal(new ScmiHeader((byte)SensorMessage.SensorReadingGet, ScmiMessageType.DelayedResponse, (byte)ScmiProtocolId.Sensor, 300), complete.Header);
        Assert.Equal(8 + 4 + 16, complete.Length);
        Assert.Equal(ScmiStatus.Success, complete.Status);
        Assert.Equal(SocPower, complete.Value(0));
        Assert.Equal(4100ul, complete.Value64(1));
    }

    [Fact]
    public void Async_ReadingGet_is_refused_without_P2A_or_sensor_support_and_reserved_flags_are_invalid()
    {
        Assert.Equal(ScmiStatus.NotSupported, Send(SensorMessage.SensorReadingGet, CpuVoltage, SensorProtocol.AsyncFlag).Status);
        Assert.Equal(ScmiStatus.InvalidParameters, Send(SensorMessage.SensorReadingGet, CpuVoltage, 2).Status);
        Assert.Equal(ScmiStatus.NotFound, Send(SensorMessage.SensorReadingGet, 6, 0).Status);
        var quiet = new ModelHarness(p2a: false);
        Assert.Equal(ScmiStatus.NotSupported, quiet.Status(ScmiProtocolId.Sensor, (byte)SensorMessage.SensorReadingGet, SocPower, SensorProtocol.AsyncFlag));
        Assert.Equal(0u, quiet.Send(ScmiProtocolId.Sensor, (byte)SensorMessage.SensorDescriptionGet, 4).Value(2) >> 30); // no async, no update notify advertised
    }

    [Fact]
    public void A_configured_trip_point_fires_on_the_crossing_it_watches_once_enabled()
    {
        uint ascendingTripOne = 1u << 4 | SensorProtocol.TripAscending;
        Assert.Equal(ScmiStatus.Success, Send(SensorMessage.SensorTripPointConfig, SocTemperature, ascendingTripOne, 45_200, 0).Status);
        Send(SensorMessage.SensorReadingGet, SocTemperature, 0); // 45000 -> 45500 crosses, but not enabled yet
        Assert.Empty(_platform.Delivered);
        Assert.Equal(ScmiStatus.Success, Send(SensorMessage.SensorTripPointNotify, SocTemperature, 1).Status);
        _platform.Model.SetSensorValue((int)SocTemperature, 0, 45_000);
        Assert.Empty(_platform.Delivered); // descending crossing is not watched
        _platform.Model.SetSensorValue((int)SocTemperature, 0, 46_000);
        var trip = Assert.Single(_platform.Delivered);
        Assert.Equal(ScmiHeader.Notification(ScmiProtocolId.Sensor, (byte)SensorNotification.SensorTripPointEvent), trip.Header);
        Assert.Equal(new uint[] { 0, SocTemperature, 1 | SensorProtocol.TripDirectionAscendingBit }, Enumerable.Range(0, 3).Select(trip.Payload).ToArray());
    }

    [Fact]
    public void TripPoint_messages_refuse_unknown_trip_points_reserved_bits_and_sensors_without_trip_points()
    {
        Assert.Equal(ScmiStatus.InvalidParameters, Send(SensorMessage.SensorTripPointConfig, SocTemperature, 4u << 4 | 1, 0, 0).Status);
        Assert.Equal(ScmiStatus.InvalidParameters, Send(SensorMessage.SensorTripPointConfig, SocTemperature, 1u << 2, 0, 0).Status);
        Assert.Equal(ScmiStatus.NotSupported, Send(SensorMessage.SensorTripPointNotify, CpuVoltage, 1).Status);
        Assert.Equal(ScmiStatus.InvalidParameters, Send(SensorMessage.SensorTripPointNotify, SocTemperature, 2).Status);
    }

    [Fact]
    public void Continuous_updates_are_sent_on_change_when_enabled()
    {
        Assert.Equal(ScmiStatus.Success, Send(SensorMessage.SensorContinuousUpdateNotify, CpuCurrent, 1).Status);
        _platform.Model.SetSensorValue((int)CpuCurrent, 0, 2500);
        var update = Assert.Single(_platform.Delivered);
        Assert.Equal(ScmiHeader.Notification(ScmiProtocolId.Sensor, (byte)SensorNotification.SensorUpdate), update.Header);
        Assert.Equal(CpuCurrent, update.Payload(1));
        Assert.Equal(2500ul, update.Payload64(2));
        Send(SensorMessage.SensorContinuousUpdateNotify, CpuCurrent, 0);
        _platform.Model.SetSensorValue((int)CpuCurrent, 0, 2600);
        Assert.Single(_platform.Delivered);
    }

    [Fact]
    public void Update_intervals_are_listed_and_the_configuration_persists_and_validates()
    {
        var intervals = Send(SensorMessage.SensorListUpdateIntervals, SocTemperature, 0);
        Assert.Equal(4u, intervals.Value(0));
        Assert.Equal(new uint[] { 1 << 5, 2 << 5, 5 << 5, 10 << 5 }, Enumerable.Range(1, 4).Select(intervals.Value).ToArray());
        Assert.Equal(ScmiStatus.InvalidParameters, Send(SensorMessage.SensorListUpdateIntervals, SocTemperature, 4).Status);

        Assert.Equal(1u << 16 | SensorProtocol.ConfigEnabledBit, Send(SensorMessage.SensorConfigGet, SocTemperature).Value(0));
        uint config = 5u << 16 | SensorProtocol.ConfigTimestampBit | SensorProtocol.ConfigEnabledBit;
        Assert.Equal(ScmiStatus.Success, Send(SensorMessage.SensorConfigSet, SocTemperature, config).Status);
        Assert.Equal(config, Send(SensorMessage.SensorConfigGet, SocTemperature).Value(0));
        Assert.Equal(ScmiStatus.OutOfRange, Send(SensorMessage.SensorConfigSet, SocTemperature, 3u << 16 | 1).Status);
        Assert.Equal(ScmiStatus.InvalidParameters, Send(SensorMessage.SensorConfigSet, SocTemperature, 1u << 4).Status);
        Assert.Equal(ScmiStatus.InvalidParameters, Send(SensorMessage.SensorConfigSet, SocTemperature, 3u << 9).Status);
        Assert.Equal(config, Send(SensorMessage.SensorConfigGet, SocTemperature).Value(0));
    }

    [Fact]
    public void NameGet_returns_extended_names_only()
    {
        Assert.Equal("big-cluster-temperature", Send(SensorMessage.SensorNameGet, BigTemperature).Name(4, 64));
        Assert.Equal(ScmiStatus.NotSupported, Send(SensorMessage.SensorNameGet, CpuVoltage).Status);
    }

    [Fact]
    public void Continuous_updates_arrive_at_every_update_interval_while_subscribed()
    {
        Send(SensorMessage.SensorConfigSet, SocTemperature, 2u << 16 | SensorProtocol.ConfigEnabledBit);
        Send(SensorMessage.SensorContinuousUpdateNotify, SocTemperature, 1);
        _platform.Scheduler.Advance(1999);
        Assert.Empty(_platform.Delivered);
        _platform.Scheduler.Advance(1);
        _platform.Scheduler.Advance(2000);
        var updates = _platform.Delivered;
        Assert.Equal(2, updates.Count);
        Assert.Equal(new ulong[] { 45_500, 46_000 }, updates.Select(u => u.Payload64(2))); // the ramp steps at each report
        Assert.Equal(new ulong[] { 2_000_000, 4_000_000 }, updates.Select(u => u.Payload64(4))); // timestamps in microseconds

        Send(SensorMessage.SensorContinuousUpdateNotify, SocTemperature, 1); // enabling again does not double the rate
        _platform.Scheduler.Advance(2000);
        Assert.Equal(3, _platform.Delivered.Count);
        Send(SensorMessage.SensorContinuousUpdateNotify, SocTemperature, 0);
        _platform.Scheduler.Advance(10_000);
        Assert.Equal(3, _platform.Delivered.Count);
    }

    [Fact]
    public void A_disabled_sensor_sends_no_periodic_updates()
    {
        Send(SensorMessage.SensorConfigSet, CpuVoltage, 0);
        Send(SensorMessage.SensorContinuousUpdateNotify, CpuVoltage, 1);
        _platform.Scheduler.Advance(5000);
        Assert.Empty(_platform.Delivered);
        Send(SensorMessage.SensorConfigSet, CpuVoltage, SensorProtocol.ConfigEnabledBit);
        _platform.Scheduler.Advance(1000);
        Assert.Single(_platform.Delivered);
    }
}
