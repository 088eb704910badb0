// The Clock protocol client on target against the platform daemon: discovery, names, paged rates, rate set sync and async, enable, events.
using System;
using Nano.TestFramework;
using Scmi;

namespace Scmi.Protocols.Tests;

[TestClass]
public class ClockClientTests
{
    private const uint LockedClock = 0;    // uart0
    private const uint OffClock = 3;       // gpu-core, 4 rates, starts disabled
    private const uint DdrClock = 4;       // ddr-controller-reference: 16 rates, an extended name
    private const uint I2cClock = 5;       // i2c-bus: 100 kHz, 400 kHz, 1 MHz

    private static ClockProtocol? s_clock;
    private static RateEventHandler? s_events;

    [Setup]
    public static void BringUp() => AgentUnderTest.Up();

    /// <summary>The client and handler; called by <see cref="AgentUnderTest.Up"/> before the seal.</summary>
    public static void Create(ScmiAgent agent)
    {
        s_clock = new ClockProtocol(agent);
        s_events = new RateEventHandler();
    }

    private static ClockProtocol Discovered()
    {
        ClockProtocol clock = s_clock!;
        if (!clock.IsDiscovered)
            AgentUnderTest.AssertOk(clock.Discover(), "discover");
        return clock;
    }

    [TestMethod]
    public static void Discovery_and_attributes_with_the_extended_name()
    {
        ClockProtocol clock = Discovered();
        Assert.AreEqual(2, (int)clock.Version.Major, "major");
        Assert.AreEqual(6, clock.ClockCount, "clocks");
        Span<byte> name = stackalloc byte[64];
        AgentUnderTest.AssertOk(clock.GetAttributes(DdrClock, out ClockAttributes attributes, name, out int length), "attributes");
        Assert.IsTrue(attributes.HasExtendedName, "extended name flag");
        Assert.IsTrue(name.Slice(0, length).SequenceEqual("ddr-controller-reference"u8), "extended name");
        AgentUnderTest.AssertOk(clock.GetAttributes(1, out attributes, name, out length), "attributes 1");
        Assert.IsTrue(name.Slice(0, length).SequenceEqual("cpu-little-pll"u8), "short name");
        Assert.AreEqual(50U, attributes.EnableLatencyMicroseconds, "latency");
        Assert.AreEqual((int)ScmiStatus.NotFound, (int)clock.GetAttributes(6, out _, name, out _).Status, "bad id");
        AgentUnderTest.AssertNothingAllocated();
    }

    [TestMethod]
    public static void Sixteen_rates_come_one_page_at_a_time_and_a_range_whole()
    {
        ClockProtocol clock = Discovered();
        Span<byte> page = stackalloc byte[12]; // one rate a reply: sixteen replies
        AgentUnderTest.AssertOk(clock.DescribeRates(DdrClock, page, out ClockRateEnumerator rates), "first page");
        Assert.AreEqual(16U, rates.Count, "count");
        int seen = 0;
        ulong previous = 0, last = 0;
        while (rates.TryGetNext(out ulong rate))
        {
            Assert.IsTrue(rate > previous, "ascending");
            previous = rate;
            last = rate;
            seen++;
        }
        AgentUnderTest.AssertOk(rates.Result, "walk");
        Assert.AreEqual(16, seen, "rates");
        Assert.AreEqual(1_600_000_000UL, last, "last rate");

        Span<byte> rangePage = stackalloc byte[28];
        AgentUnderTest.AssertOk(clock.DescribeRates(2, rangePage, out ClockRateEnumerator range), "range");
        Assert.IsTrue(range.IsRange, "is range");
        Assert.AreEqual(300_000_000UL, range.Range.Lowest, "lowest");
        Assert.AreEqual(2_800_000_000UL, range.Range.Highest, "highest");
        Assert.AreEqual(50_000_000UL, range.Range.Step, "step");
        Assert.AreEqual((int)ScmiStatus.NotFound, (int)clock.DescribeRates(6, rangePage, out _).Status, "bad id");
        AgentUnderTest.AssertNothingAllocated();
    }

    [TestMethod]
    public static void Rates_set_sync_and_async_by_interrupt_and_by_polling()
    {
        ClockProtocol clock = Discovered();
        AgentUnderTest.AssertOk(clock.SetRate(I2cClock, 900_000), "sync set");
        AgentUnderTest.AssertOk(clock.GetRate(I2cClock, out ulong rate), "get");
        Assert.AreEqual(400_000UL, rate, "rounded down");
        AgentUnderTest.AssertOk(clock.SetRateAsync(I2cClock, 900_000, out ulong set, ClockRounding.Up, ScmiCompletion.Interrupt), "async irq");
        Assert.AreEqual(1_000_000UL, set, "rounded up");
        AgentUnderTest.AssertOk(clock.SetRateAsync(I2cClock, 150_000, out set, ClockRounding.Auto, ScmiCompletion.Poll), "async poll");
        Assert.AreEqual(100_000UL, set, "closest");
        AgentUnderTest.AssertOk(clock.GetRate(I2cClock, out rate), "get");
        Assert.AreEqual(100_000UL, rate, "rate after async");
        Assert.AreEqual((int)ScmiStatus.InvalidParameters, (int)clock.SetRate(I2cClock, 5_000_000).Status, "too fast");
        Assert.AreEqual((int)ScmiStatus.Denied, (int)clock.SetRate(LockedClock, 24_000_000).Status, "locked");
        Assert.AreEqual((int)ScmiStatus.NotFound, (int)clock.SetRateAsync(6, 1, out _).Status, "bad id");
        Assert.AreEqual(0, AgentUnderTest.Agent!.TransfersInUse, "transfers");
        AgentUnderTest.AssertOk(clock.SetRate(I2cClock, 400_000), "restore");
        AgentUnderTest.AssertNothingAllocated();
    }

    [TestMethod]
    public static void Enable_and_disable()
    {
        ClockProtocol clock = Discovered();
        Span<byte> name = stackalloc byte[16];
        AgentUnderTest.AssertOk(clock.Enable(OffClock), "enable");
        AgentUnderTest.AssertOk(clock.GetAttributes(OffClock, out ClockAttributes attributes, name, out _), "attributes");
        Assert.IsTrue(attributes.Enabled, "on");
        AgentUnderTest.AssertOk(clock.Disable(OffClock), "disable");
        AgentUnderTest.AssertOk(clock.GetAttributes(OffClock, out attributes, name, out _), "attributes");
        Assert.IsFalse(attributes.Enabled, "off");
        Assert.AreEqual((int)ScmiStatus.Denied, (int)clock.Disable(LockedClock).Status, "locked");
        AgentUnderTest.AssertNothingAllocated();
    }

    [TestMethod]
    public static void Rate_changed_events_reach_the_handler_decoded()
    {
        ClockProtocol clock = Discovered();
        ScmiAgent agent = AgentUnderTest.Agent!;
        RateEventHandler handler = s_events!;
        AgentUnderTest.AssertOk(agent.Subscribe(ScmiProtocolId.Clock, ClockMessages.RateChangedEvent, handler), "subscribe");
        AgentUnderTest.AssertOk(clock.NotifyRateChanged(DdrClock, true), "notify on");
        int before = handler.Seen;
        AgentUnderTest.AssertOk(clock.SetRate(DdrClock, 533_000_000), "set");
        ulong deadline = agent.Clock.Microseconds + 5_000_000;
        while (handler.Seen == before && agent.Clock.Microseconds < deadline)
        {
            agent.ProcessPlatformMessages();
            agent.Clock.Spin();
        }
        Assert.AreEqual(before + 1, handler.Seen, "event");
        Assert.AreEqual(DdrClock, handler.LastClock, "clock id");
        Assert.AreEqual(533_000_000UL, handler.LastRate, "rate");
        AgentUnderTest.AssertOk(clock.NotifyRateChanged(DdrClock, false), "notify off");
        agent.Unsubscribe(ScmiProtocolId.Clock, ClockMessages.RateChangedEvent);
        AgentUnderTest.AssertOk(clock.SetRate(DdrClock, 800_000_000), "restore");
        AgentUnderTest.AssertNothingAllocated();
    }

    /// <summary>Keeps the last CLOCK_RATE_CHANGED, decoded by <see cref="ClockRateEvent"/>.</summary>
    private sealed class RateEventHandler : ScmiNotificationHandler
    {
        public int Seen;
        public uint LastClock;
        public ulong LastRate;

        public override void OnNotification(in ScmiNotification notification)
        {
            if (ClockRateEvent.TryDecode(notification.Payload, out ClockRateEvent rateEvent))
            {
                LastClock = rateEvent.ClockId;
                LastRate = rateEvent.Rate;
                Seen++;
            }
        }
    }
}
