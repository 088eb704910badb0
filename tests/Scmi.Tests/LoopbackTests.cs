// The transport against the real platform in-process: bring-up, both completion modes, the pool, timeouts, eventq, shutdown.
using Scmi.Tests.Doubles;
using Scmi.Virtio;

namespace Scmi.Tests;

public class LoopbackTests
{
    [Theory]
    [InlineData(false, InterruptDelivery.Deferred)]
    [InlineData(false, InterruptDelivery.Immediate)]
    [InlineData(true, InterruptDelivery.Off)]
    [InlineData(true, InterruptDelivery.Deferred)]
    [InlineData(true, InterruptDelivery.Immediate)]
    public void Base_protocol_version_round_trips(bool poll, InterruptDelivery delivery)
    {
        var loop = new Loopback(delivery: delivery);
        Assert.Equal(ScmiVirtioStart.Ok, loop.Start);
        for (int i = 0; i < 100; i++)
        {
            Assert.Equal(ScmiTransportResult.Ok, loop.BaseVersion(poll, out ScmiStatus status, out uint version));
            Assert.Equal(ScmiStatus.Success, status);
            Assert.Equal(0x20000u, version);
        }
        ScmiVirtioCounters c = loop.Channel.Counters;
        Assert.Equal(100ul, c.Sent);
        Assert.Equal(100ul, c.Replied);
        Assert.Equal(poll ? 100ul : 0ul, c.Polled);
        Assert.Equal(0ul, c.Malformed + c.Unexpected + c.Late + c.TimedOut + c.RingResets);
        Assert.Equal(loop.Channel.Capabilities.MaxInFlight, loop.Channel.FreeMessages);
        Assert.Equal(loop.AllocationsAtSeal, loop.Memory.Allocations);
        Assert.Empty(loop.Checker.Violations);
    }

    [Fact]
    public void The_pool_is_half_the_cmdq_and_the_eventq_is_all_posted()
    {
        var loop = new Loopback();
        ScmiTransportCapabilities caps = loop.Channel.Capabilities;
        Assert.Equal(128, caps.MaxInFlight);
        Assert.Equal(256, caps.MaxPlatformMessages);
        Assert.True(caps.HasPlatformChannel);
        Assert.Equal(256, loop.Channel.EventQueue!.InFlight);
        Assert.Equal(128, caps.MaxPayloadBytes);
    }

    [Fact]
    public void Pools_are_capped_by_the_token_space()
    {
        var loop = new Loopback(queueSizeMax: 4096, options: new ScmiVirtioOptions { CommandQueueSize = 4096, EventQueueSize = 4096 });
        Assert.Equal(1024, loop.Channel.Capabilities.MaxInFlight);
        Assert.Equal(1024, loop.Channel.Capabilities.MaxPlatformMessages);
    }

    [Fact]
    public void Without_P2A_there_is_no_eventq_and_the_transport_says_so()
    {
        var loop = new Loopback(offeredFeatures: 1UL << 32);
        Assert.Equal(ScmiVirtioStart.Ok, loop.Start);
        Assert.False(loop.Channel.Capabilities.HasPlatformChannel);
        Assert.Equal(0, loop.Channel.Capabilities.MaxPlatformMessages);
        Assert.Null(loop.Channel.EventQueue);
        Assert.Equal(ScmiTransportResult.NoMessage, loop.Channel.FetchNotification(out _, new byte[16], out _));
        Assert.Equal(ScmiTransportResult.Ok, loop.BaseVersion(false, out _, out _));
    }

    [Fact]
    public void Only_VERSION_1_and_P2A_are_accepted_whatever_is_offered()
    {
        ulong offered = (1UL << 32) | 0b11 | (1UL << 28) | (1UL << 29) | (1UL << 24);
        var loop = new Loopback(offeredFeatures: offered);
        Assert.Equal((1UL << 32) | 1UL, loop.Registers.DriverFeatures);
    }

    [Fact]
    public void A_legacy_device_is_refused_when_VERSION_1_is_required()
    {
        var loop = new Loopback(legacy: true, options: new ScmiVirtioOptions { RequireVersion1 = true });
        Assert.Equal(ScmiVirtioStart.Version1Required, loop.Start);
        Assert.Null(loop.Transport);
    }

    [Fact]
    public void A_modern_device_without_VERSION_1_is_refused_when_it_is_required()
    {
        var loop = new Loopback(offeredFeatures: 1UL, options: new ScmiVirtioOptions { RequireVersion1 = true });
        Assert.Equal(ScmiVirtioStart.Version1Required, loop.Start);
    }

    [Fact]
    public void A_device_of_another_type_is_not_taken()
    {
        var memory = new PinnedGuestMemory();
        var registers = new LoopbackRegisters(new PlatformBackend(memory, new ManualScheduler()), Loopback.DefaultFeatures, deviceId: 4);
        var device = new global::Virtio.VirtioDevice(new global::Virtio.MmioTransport(registers, registers.Identity));
        Assert.Equal(ScmiVirtioStart.NotScmi, ScmiVirtioTransport.Create(device, new ScmiVirtioOptions(), memory, new PlainOrdering(), out _));
    }

    [Fact]
    public void An_empty_pool_answers_busy_at_once_and_recovers()
    {
        var loop = new Loopback(["delay=5ms"]);
        int pool = loop.Channel.Capabilities.MaxInFlight;
        var handles = new ScmiMessageHandle[pool];
        for (int i = 0; i < pool; i++)
            Assert.Equal(ScmiTransportResult.Ok, loop.Channel.Send(ScmiHeader.Command(ScmiProtocolId.Base, 0), default, 4, 4, false, out handles[i]));
        Assert.Equal(ScmiTransportResult.Busy, loop.Channel.Send(ScmiHeader.Command(ScmiProtocolId.Base, 0), default, 4, 4, false, out _));
        Assert.Equal(1ul, loop.Channel.Counters.Busy);
        for (int spin = 0; spin < 1000 && !handles.All(loop.Channel.IsDone); spin++)
            loop.Clock.Spin();
        var values = new byte[4];
        foreach (ScmiMessageHandle handle in handles)
        {
            Assert.Equal(ScmiTransportResult.Ok, loop.Channel.FetchResponse(handle, out ScmiStatus status, values, out _));
            Assert.Equal(ScmiStatus.Success, status);
            loop.Channel.MarkTxDone(handle, timedOut: false);
        }
        Assert.Equal(pool, loop.Channel.FreeMessages);
        Assert.Equal(ScmiTransportResult.Ok, loop.BaseVersion(false, out _, out _));
        Assert.Empty(loop.Checker.Violations);
    }

    [Fact]
    public void Tokens_are_monotonic_and_skip_a_token_the_device_still_holds()
    {
        var loop = new Loopback(["drop=BASE.DISCOVER_VENDOR"]);
        var values = new byte[16];
        Assert.Equal(ScmiTransportResult.TimedOut, loop.Exchange(ScmiHeader.Command(ScmiProtocolId.Base, 3), default, 16, false, values, out _, out _));
        Assert.Equal(1, loop.Channel.TimedOutAwaitingDevice);
        var seen = new List<int>();
        for (int i = 0; i < 1100; i++)
        {
            Assert.Equal(ScmiTransportResult.Ok, loop.Channel.Send(ScmiHeader.Command(ScmiProtocolId.Base, 0), default, 4, 4, true, out ScmiMessageHandle h));
            while (!loop.Channel.PollDone(h)) loop.Clock.Spin();
            seen.Add(h.Token);
            loop.Channel.MarkTxDone(h, false);
        }
        Assert.DoesNotContain(0, seen); // the dropped command's token
        for (int i = 1; i < seen.Count; i++)
            Assert.True(seen[i] == seen[i - 1] + 1 || (seen[i - 1] == 1023 && seen[i] == 1), $"token {seen[i]} after {seen[i - 1]}");
    }

    [Fact]
    public void A_timed_out_message_keeps_its_buffer_until_the_late_reply_then_frees_it()
    {
        var loop = new Loopback(["late=BASE.PROTOCOL_VERSION:50ms"]);
        Assert.Equal(ScmiTransportResult.TimedOut, loop.BaseVersion(false, out _, out _));
        ScmiVirtioTransport t = loop.Channel;
        Assert.Equal(1ul, t.Counters.TimedOut);
        Assert.Equal(1, t.TimedOutAwaitingDevice);
        Assert.Equal(t.Capabilities.MaxInFlight - 1, t.FreeMessages);
        for (int i = 0; i < 1000 && t.TimedOutAwaitingDevice > 0; i++)
            loop.Clock.Spin();
        Assert.Equal(0, t.TimedOutAwaitingDevice);
        Assert.Equal(1ul, t.Counters.Late);
        Assert.Equal(t.Capabilities.MaxInFlight, t.FreeMessages);
        Assert.Empty(loop.Checker.Violations);
    }

    [Fact]
    public void A_timed_out_buffer_is_not_reused_even_when_the_pool_is_otherwise_empty()
    {
        var loop = new Loopback(["drop=BASE.DISCOVER_VENDOR"]);
        ScmiVirtioTransport t = loop.Channel;
        Assert.Equal(ScmiTransportResult.TimedOut, loop.Exchange(ScmiHeader.Command(ScmiProtocolId.Base, 3), default, 16, false, new byte[16], out _, out _));
        var held = new List<ScmiMessageHandle>();
        while (t.Send(ScmiHeader.Command(ScmiProtocolId.Base, 0), default, 4, 4, true, out ScmiMessageHandle h) == ScmiTransportResult.Ok)
            held.Add(h);
        Assert.Equal(t.Capabilities.MaxInFlight - 1, held.Count);
        Assert.Empty(loop.Checker.Violations);
    }

    [Fact]
    public void A_short_successful_reply_is_malformed_not_zero_filled()
    {
        var loop = new Loopback(["short"]);
        Assert.Equal(ScmiTransportResult.Malformed, loop.BaseVersion(false, out _, out uint version));
        Assert.Equal(0u, version);
        Assert.Equal(1ul, loop.Channel.Counters.Malformed);
        Assert.Equal(loop.Channel.Capabilities.MaxInFlight, loop.Channel.FreeMessages);
    }

    [Fact]
    public void An_error_reply_carries_only_header_and_status_and_is_accepted()
    {
        var loop = new Loopback(["error=BASE.PROTOCOL_VERSION:BUSY"]);
        Assert.Equal(ScmiTransportResult.Ok, loop.BaseVersion(false, out ScmiStatus status, out _));
        Assert.Equal(ScmiStatus.Busy, status);
    }

    [Fact]
    public void Notifications_arrive_on_the_eventq_and_their_buffers_are_reposted()
    {
        var loop = new Loopback();
        ScmiVirtioTransport t = loop.Channel;
        // BASE_NOTIFY_ERRORS(enable): the platform reports rejected chains as BASE_ERROR_EVENT.
        Span<byte> enable = stackalloc byte[4];
        enable[0] = 1;
        Assert.Equal(ScmiTransportResult.Ok, loop.Exchange(ScmiHeader.Command(ScmiProtocolId.Base, 8), enable, 0, false, new byte[0], out ScmiStatus status, out _));
        Assert.Equal(ScmiStatus.Success, status);
        Assert.Equal(256, t.EventQueue!.InFlight);
    }

    [Fact]
    public void Shutdown_resets_the_device_fails_what_is_in_flight_and_refuses_sends()
    {
        var loop = new Loopback(["drop=BASE.PROTOCOL_VERSION"]);
        ScmiVirtioTransport t = loop.Channel;
        Assert.Equal(ScmiTransportResult.Ok, t.Send(ScmiHeader.Command(ScmiProtocolId.Base, 0), default, 4, 4, false, out ScmiMessageHandle inFlight));
        Assert.True(t.Shutdown());
        Assert.False(t.IsReady);
        Assert.True(t.IsDone(inFlight));
        Assert.Equal(ScmiTransportResult.NotReady, t.FetchResponse(inFlight, out _, new byte[4], out _));
        t.MarkTxDone(inFlight, false);
        Assert.Equal(t.Capabilities.MaxInFlight, t.FreeMessages);
        Assert.Equal(0, t.CommandQueue.InFlight);
        Assert.Equal(ScmiTransportResult.NotReady, t.Send(ScmiHeader.Command(ScmiProtocolId.Base, 0), default, 4, 4, false, out _));
        Assert.True(loop.Registers.Resets >= 2);
    }

    [Fact]
    public void A_request_larger_than_the_maximum_message_is_refused_before_taking_a_message()
    {
        var loop = new Loopback();
        Assert.Equal(ScmiTransportResult.TooLarge, loop.Channel.Send(ScmiHeader.Command(ScmiProtocolId.Base, 0), new byte[129], 0, 0, false, out _));
        Assert.Equal(ScmiTransportResult.TooLarge, loop.Channel.Send(ScmiHeader.Command(ScmiProtocolId.Base, 0), default, 8, 4, false, out _));
        Assert.Equal(loop.Channel.Capabilities.MaxInFlight, loop.Channel.FreeMessages);
    }

    [Fact]
    public void A_stale_handle_cannot_reach_the_next_message_in_its_slot()
    {
        var loop = new Loopback();
        ScmiVirtioTransport t = loop.Channel;
        Assert.Equal(ScmiTransportResult.Ok, t.Send(ScmiHeader.Command(ScmiProtocolId.Base, 0), default, 4, 4, true, out ScmiMessageHandle first));
        while (!t.PollDone(first)) loop.Clock.Spin();
        t.MarkTxDone(first, false);
        Assert.Equal(ScmiTransportResult.InvalidHandle, t.FetchResponse(first, out _, new byte[4], out _));
        t.MarkTxDone(first, true);
        Assert.Equal(0ul, t.Counters.TimedOut);
    }
}
