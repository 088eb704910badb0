// The Sensor protocol client on target against the platform daemon: paged descriptors, axes, readings sync and async, config, trip events.
using System;
using Nano.TestFramework;
using Scmi;

namespace Scmi.Protocols.Tests;

[TestClass]
public class SensorClientTests
{
    private const uint Temperature = 0;   // soc-temperature: °C e-3, ramps 500 a reading, 4 trip points, intervals 1 2 5 10 s
    private const uint Voltage = 2;       // vdd-cpu-voltage: V e-6, 850000, no async reads, no trip points
    private const uint Power = 4;         // soc-power: W e-3, 4100, async reads
    private const uint Accelerometer = 5; // three axes

    private static SensorProtocol? s_sensor;
    private static TripHandler? s_trips;

    [Setup]
    public static void BringUp() => AgentUnderTest.Up();

    /// <summary>The client and handler; called by <see cref="AgentUnderTest.Up"/> before the seal.</summary>
    public static void Create(ScmiAgent agent)
    {
        s_sensor = new SensorProtocol(agent);
        s_trips = new TripHandler();
    }

    private static SensorProtocol Discovered()
    {
        SensorProtocol sensor = s_sensor!;
        if (!sensor.IsDiscovered)
            AgentUnderTest.AssertOk(sensor.Discover(), "discover");
        return sensor;
    }

    [TestMethod]
    public static void Descriptors_come_one_page_at_a_time()
    {
        SensorProtocol sensor = Discovered();
        Assert.AreEqual(6, sensor.SensorCount, "sensors");
        Span<byte> page = stackalloc byte[56]; // one descriptor a reply
        Span<byte> name = stackalloc byte[64];
        AgentUnderTest.AssertOk(sensor.DescribeSensors(page, out SensorDescriptorEnumerator sensors), "first page");
        int seen = 0;
        while (sensors.TryGetNext(out SensorDescriptor descriptor, name, out int length))
        {
            Assert.AreEqual((uint)seen, descriptor.Id, "id");
            if (descriptor.Id == 1)
                Assert.IsTrue(name.Slice(0, length).SequenceEqual("big-cluster-temperature"u8), "extended name");
            if (descriptor.Id == Voltage)
            {
                Assert.AreEqual((int)SensorUnit.Volts, (int)descriptor.Unit, "unit");
                Assert.AreEqual(-6, descriptor.Scale, "scale");
            }
            if (descriptor.Id == Accelerometer)
                Assert.AreEqual(3, descriptor.AxisCount, "axes");
            seen++;
        }
        AgentUnderTest.AssertOk(sensors.Result, "walk");
        Assert.AreEqual(6, seen, "descriptors");

        Span<byte> axisPage = stackalloc byte[52]; // one axis a reply
        AgentUnderTest.AssertOk(sensor.DescribeAxes(Accelerometer, axisPage, out SensorAxisEnumerator axes), "axes");
        int axisCount = 0;
        while (axes.TryGetNext(out SensorAxisDescriptor axis, name, out int length))
        {
            Assert.AreEqual(1, length, "axis name length");
            Assert.AreEqual((byte)('x' + axisCount), name[0], "axis name");
            axisCount++;
        }
        AgentUnderTest.AssertOk(axes.Result, "axis walk");
        Assert.AreEqual(3, axisCount, "axes");
        Assert.AreEqual((int)ScmiStatus.NotSupported, (int)sensor.DescribeAxes(Temperature, axisPage, out _).Status, "scalar");
        AgentUnderTest.AssertNothingAllocated();
    }

    [TestMethod]
    public static void Readings_sync_and_async_print_in_their_units()
    {
        SensorProtocol sensor = Discovered();
        Span<SensorReading> readings = stackalloc SensorReading[3];
        AgentUnderTest.AssertOk(sensor.Read(Voltage, readings, out int count, ScmiCompletion.Interrupt), "sync");
        Assert.AreEqual(1, count, "count");
        Span<byte> text = stackalloc byte[24];
        Assert.IsTrue(SensorValue.FromScaled(readings[0].Value, -6).TryFormat(text, out int written), "format");
        Assert.IsTrue(text.Slice(0, written).SequenceEqual("0.85"u8), "0.85 V");
        AgentUnderTest.AssertOk(sensor.Read(Accelerometer, readings, out count, ScmiCompletion.Poll), "axes");
        Assert.AreEqual(3, count, "three axes");
        Assert.AreEqual(-5L, readings[1].Value, "y");
        AgentUnderTest.AssertOk(sensor.ReadAsync(Power, readings, out count, ScmiCompletion.Interrupt), "async irq");
        Assert.AreEqual(4100L, readings[0].Value, "power");
        AgentUnderTest.AssertOk(sensor.ReadAsync(Power, readings, out count, ScmiCompletion.Poll), "async poll");
        Assert.AreEqual(1, count, "count");
        Assert.AreEqual((int)ScmiStatus.NotSupported, (int)sensor.ReadAsync(Voltage, readings, out _).Status, "no async");
        Assert.AreEqual((int)ScmiStatus.NotFound, (int)sensor.Read(6, readings, out _).Status, "bad id");
        Assert.AreEqual(0, AgentUnderTest.Agent!.TransfersInUse, "transfers");
        AgentUnderTest.AssertNothingAllocated();
    }

    [TestMethod]
    public static void Intervals_and_config()
    {
        SensorProtocol sensor = Discovered();
        Span<byte> page = stackalloc byte[16]; // three intervals a reply
        AgentUnderTest.AssertOk(sensor.ListUpdateIntervals(Temperature, page, out SensorIntervalEnumerator intervals), "intervals");
        uint sum = 0;
        int count = 0;
        while (intervals.TryGetNext(out SensorUpdateInterval interval))
        {
            sum += interval.Seconds;
            count++;
        }
        AgentUnderTest.AssertOk(intervals.Result, "walk");
        Assert.AreEqual(4, count, "count");
        Assert.AreEqual(18U, sum, "1+2+5+10");

        AgentUnderTest.AssertOk(sensor.GetConfig(Temperature, out SensorConfig config), "get");
        Assert.IsTrue(config.Enabled, "enabled");
        config.UpdateIntervalSeconds = 10;
        AgentUnderTest.AssertOk(sensor.SetConfig(Temperature, config), "set");
        AgentUnderTest.AssertOk(sensor.GetConfig(Temperature, out config), "get");
        Assert.AreEqual(10U, config.UpdateIntervalSeconds, "interval");
        config.UpdateIntervalSeconds = 7;
        Assert.AreEqual((int)ScmiStatus.OutOfRange, (int)sensor.SetConfig(Temperature, config).Status, "not offered");
        config.UpdateIntervalSeconds = 1;
        AgentUnderTest.AssertOk(sensor.SetConfig(Temperature, config), "restore");
        AgentUnderTest.AssertNothingAllocated();
    }

    [TestMethod]
    public static void A_trip_point_crossing_reaches_the_handler()
    {
        SensorProtocol sensor = Discovered();
        ScmiAgent agent = AgentUnderTest.Agent!;
        TripHandler handler = s_trips!;
        Span<SensorReading> readings = stackalloc SensorReading[1];
        AgentUnderTest.AssertOk(sensor.Read(Temperature, readings, out _), "read");
        // The value ramps by 500 at each reading: a trip point 500 above the next value is crossed within two readings.
        long threshold = readings[0].Value + 1000;
        AgentUnderTest.AssertOk(agent.Subscribe(ScmiProtocolId.Sensor, SensorMessages.TripPointEvent, handler), "subscribe");
        AgentUnderTest.AssertOk(sensor.ConfigureTripPoint(Temperature, 1, SensorTripDirection.Both, threshold), "trip point");
        AgentUnderTest.AssertOk(sensor.NotifyTripPoints(Temperature, true), "notify on");
        int before = handler.Seen;
        ulong deadline = agent.Clock.Microseconds + 5_000_000;
        for (int i = 0; i < 4 && handler.Seen == before; i++)
        {
            AgentUnderTest.AssertOk(sensor.Read(Temperature, readings, out _), "read");
            while (handler.Seen == before && agent.Clock.Microseconds < deadline && i >= 1)
            {
                agent.ProcessPlatformMessages();
                agent.Clock.Spin();
            }
        }
        Assert.IsTrue(handler.Seen > before, "trip event");
        Assert.AreEqual(Temperature, handler.LastSensor, "sensor");
        Assert.AreEqual(1, handler.LastTripPoint, "trip point");
        AgentUnderTest.AssertOk(sensor.NotifyTripPoints(Temperature, false), "notify off");
        AgentUnderTest.AssertOk(sensor.ConfigureTripPoint(Temperature, 1, SensorTripDirection.Disabled, 0), "disarm");
        agent.Unsubscribe(ScmiProtocolId.Sensor, SensorMessages.TripPointEvent);
        Assert.AreEqual((int)ScmiStatus.InvalidParameters, (int)sensor.ConfigureTripPoint(Temperature, 4, SensorTripDirection.Both, 0).Status, "trip id");
        Assert.AreEqual((int)ScmiStatus.NotSupported, (int)sensor.NotifyTripPoints(Voltage, true).Status, "no trip points");
        AgentUnderTest.AssertNothingAllocated();
    }

    /// <summary>Keeps the last SENSOR_TRIP_POINT_EVENT, decoded by <see cref="SensorTripPointEvent"/>.</summary>
    private sealed class TripHandler : ScmiNotificationHandler
    {
        public int Seen;
        public uint LastSensor;
        public int LastTripPoint;

        public override void OnNotification(in ScmiNotification notification)
        {
            if (SensorTripPointEvent.TryDecode(notification.Payload, out SensorTripPointEvent tripEvent))
            {
                LastSensor = tripEvent.SensorId;
                LastTripPoint = tripEvent.TripPoint;
                Seen++;
            }
        }
    }
}
