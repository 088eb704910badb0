// Interrupt, polling and mixed completion against the platform daemon, with the counters that prove which path completed.
using System;
using Nano.Runtime.Native;
using Nano.TestFramework;
using Scmi;
using Scmi.Virtio;

namespace Scmi.Transport.Tests;

[TestClass]
public class CompletionTests
{
    [Setup]
    public static void BringUp() => Channel.Up();

    [TestMethod]
    public static void Bring_up_negotiated_P2A_and_posted_every_eventq_buffer()
    {
        ScmiVirtioTransport t = Channel.Transport!;
        Assert.IsTrue(t.Capabilities.HasPlatformChannel, "P2A negotiated");
        Assert.AreEqual(128, t.Capabilities.MaxInFlight, "pool = cmdq size / 2");
        Assert.AreEqual(256, t.Capabilities.MaxPlatformMessages, "one buffer per eventq entry");
        Assert.AreEqual(256, t.EventQueue!.InFlight, "eventq buffers posted");
        Assert.AreEqual(0, Channel.RefusedDevices, "one SCMI device on this board");
    }

    [TestMethod]
    public static void VERSION_1_required_refuses_legacy_and_accepts_modern()
    {
        bool legacy = Channel.Identity.Layout == global::Virtio.MmioLayout.Legacy;
        Assert.AreEqual(legacy ? (int)ScmiVirtioStart.Version1Required : (int)ScmiVirtioStart.Ok, (int)Channel.StrictStart, "strict start");
    }

    [TestMethod]
    public static void Base_protocol_version_completes_by_interrupt()
    {
        ScmiVirtioCounters c = Channel.Transport!.Counters;
        ulong interrupts = c.Interrupts, polled = c.Polled, replied = c.Replied;
        for (int i = 0; i < 100; i++)
            Channel.AssertOk(Channel.BaseVersion(poll: false), "round trip");
        Assert.IsTrue(c.Interrupts - interrupts >= 1, "interrupts handled");
        Assert.AreEqual(polled, c.Polled, "nothing polled");
        Assert.AreEqual(replied + 100, c.Replied, "replies");
        Channel.AssertNothingAllocated();
    }

    [TestMethod]
    public static void Base_protocol_version_completes_by_polling_with_the_interrupt_off()
    {
        ScmiVirtioCounters c = Channel.Transport!.Counters;
        Interrupts.Disable(Channel.Location.InterruptId);
        ulong interrupts = c.Interrupts, polled = c.Polled;
        for (int i = 0; i < 100; i++)
            Channel.AssertOk(Channel.BaseVersion(poll: true), "round trip");
        Assert.AreEqual(interrupts, c.Interrupts, "no interrupt taken");
        Assert.AreEqual(polled + 100, c.Polled, "all polled");
        Interrupts.Enable(Channel.Location.InterruptId);
        Channel.AssertNothingAllocated();
    }

    [TestMethod]
    public static void Polling_and_interrupt_completion_mixed_with_several_in_flight()
    {
        ScmiVirtioTransport t = Channel.Transport!;
        Span<ScmiMessageHandle> handles = stackalloc ScmiMessageHandle[16];
        Span<byte> values = stackalloc byte[4];   // outside the loop: a stackalloc in a loop grows the stack each round
        for (int round = 0; round < 200; round++)
        {
            for (int i = 0; i < handles.Length; i++)
                Channel.AssertOk(t.Send(ScmiHeader.Command(ScmiProtocolId.Base, 0), default, 4, 4, poll: (i & 1) == 1, out handles[i]), "send");
            ulong deadline = Clock.Microseconds + 5_000_000;
            bool all = false;
            while (!all)
            {
                all = true;
                for (int i = 0; i < handles.Length; i++)
                    all &= (i & 1) == 1 ? t.PollDone(handles[i]) : t.IsDone(handles[i]);
                if (Clock.Microseconds > deadline)
                    Assert.Fail("replies did not all come");
            }
            for (int i = 0; i < handles.Length; i++)
            {
                Channel.AssertOk(t.FetchResponse(handles[i], out ScmiStatus status, values, out _), "fetch");
                Assert.AreEqual((int)ScmiStatus.Success, (int)status, "status");
                t.MarkTxDone(handles[i], false);
            }
            t.ProcessDeferred();
        }
        Assert.AreEqual(t.Capabilities.MaxInFlight, t.FreeMessages, "pool whole again");
        Assert.AreEqual(0UL, t.Counters.Malformed + t.Counters.Unexpected + t.Counters.RingResets, "rejections");
        Channel.AssertNothingAllocated();
    }

    [TestMethod]
    public static void An_exhausted_pool_answers_busy_and_recovers()
    {
        ScmiVirtioTransport t = Channel.Transport!;
        int pool = t.Capabilities.MaxInFlight;
        ulong busy = t.Counters.Busy;
        // Replies land (Done) but messages stay taken until MarkTxDone: the pool empties.
        Span<ScmiMessageHandle> handles = stackalloc ScmiMessageHandle[pool];
        for (int i = 0; i < pool; i++)
            Channel.AssertOk(t.Send(ScmiHeader.Command(ScmiProtocolId.Base, 0), default, 4, 4, false, out handles[i]), "send");
        Assert.AreEqual((int)ScmiTransportResult.Busy, (int)t.Send(ScmiHeader.Command(ScmiProtocolId.Base, 0), default, 4, 4, false, out _), "empty pool");
        Assert.AreEqual(busy + 1, t.Counters.Busy, "busy counted");
        ulong deadline = Clock.Microseconds + 5_000_000;
        for (int i = 0; i < pool; i++)
        {
            while (!t.IsDone(handles[i]))
            {
                if (Clock.Microseconds > deadline)
                    Assert.Fail("replies did not come");
            }
            t.MarkTxDone(handles[i], false);
        }
        Assert.AreEqual(pool, t.FreeMessages, "pool whole again");
        Channel.AssertOk(Channel.BaseVersion(poll: false), "served again");
        Channel.AssertNothingAllocated();
    }
}
