// A deliberately misbehaving device: broken rings are repaired, bad replies refused and counted, floods and storms survived.
using System.Buffers.Binary;
using Scmi.Tests.Doubles;
using Scmi.Virtio;

namespace Scmi.Tests;

public class HostileDeviceTests
{
    private static Loopback Hostile(InterruptDelivery delivery = InterruptDelivery.Deferred, PlainOrdering? ordering = null) =>
        new(delivery: delivery, backendFactory: m => new HostileDevice(m), ordering: ordering);

    private static ScmiMessageHandle SendVersion(Loopback loop, bool poll = false, int expected = 4)
    {
        Assert.Equal(ScmiTransportResult.Ok, loop.Channel.Send(ScmiHeader.Command(ScmiProtocolId.Base, 0), default, expected, 4, poll, out ScmiMessageHandle h));
        return h;
    }

    private static ScmiTransportResult Finish(Loopback loop, ScmiMessageHandle h, out ScmiStatus status)
    {
        for (int i = 0; i < 100 && !loop.Channel.PollDone(h); i++)
            loop.Clock.Spin();
        ScmiTransportResult result = loop.Channel.FetchResponse(h, out status, new byte[8], out _);
        loop.Channel.MarkTxDone(h, false);
        return result;
    }

    private static void AssertServesAgain(Loopback loop)
    {
        loop.Hostile.AutoReply = true;
        Assert.True(loop.Channel.IsReady);
        Assert.Equal(ScmiTransportResult.Ok, loop.BaseVersion(false, out ScmiStatus status, out _));
        Assert.Equal(ScmiStatus.Success, status);
        Assert.Equal(loop.AllocationsAtSeal, loop.Memory.Allocations);
    }

    [Fact]
    public void An_honest_hostile_device_serves()
    {
        Loopback loop = Hostile();
        Assert.Equal(ScmiTransportResult.Ok, loop.BaseVersion(false, out ScmiStatus status, out _));
        Assert.Equal(ScmiStatus.Success, status);
    }

    [Theory]
    [InlineData(200u)]   // in range, never issued
    [InlineData(9999u)]  // beyond the ring
    public void A_used_id_never_issued_fails_the_transfer_resets_the_device_and_the_next_command_is_served(uint id)
    {
        Loopback loop = Hostile();
        loop.Hostile.AutoReply = false;
        ScmiMessageHandle h = SendVersion(loop);
        loop.Hostile.WriteUsed(0, id, 12);
        loop.Clock.Spin();
        Assert.True(loop.Channel.IsDone(h));
        Assert.Equal(ScmiTransportResult.ChannelReset, Finish(loop, h, out _));
        Assert.Equal(1ul, loop.Channel.Counters.RingResets);
        Assert.Equal(2, loop.Hostile.Starts);
        AssertServesAgain(loop);
    }

    [Fact]
    public void A_head_completed_twice_is_a_broken_ring_and_is_repaired()
    {
        Loopback loop = Hostile();
        loop.Hostile.AutoReply = false;
        ScmiMessageHandle first = SendVersion(loop);
        ScmiMessageHandle second = SendVersion(loop);
        TakenChain chain = loop.Hostile.Pending[0];
        loop.Hostile.ReplySuccess(chain);
        loop.Hostile.WriteUsed(0, chain.Head, 12);
        loop.Clock.Spin();
        Assert.Equal(ScmiTransportResult.Ok, Finish(loop, first, out _));
        Assert.Equal(ScmiTransportResult.ChannelReset, Finish(loop, second, out _));
        Assert.Equal(1ul, loop.Channel.Counters.RingResets);
        AssertServesAgain(loop);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(-1)]
    public void A_used_index_jumping_ahead_or_back_is_repaired(int move)
    {
        Loopback loop = Hostile();
        Assert.Equal(ScmiTransportResult.Ok, loop.BaseVersion(false, out _, out _));
        loop.Hostile.AutoReply = false;
        ScmiMessageHandle h = SendVersion(loop);
        loop.Hostile.SetUsedIndex(0, (ushort)(loop.Hostile.UsedIndex(0) + move));
        loop.Clock.Spin();
        Assert.Equal(ScmiTransportResult.ChannelReset, Finish(loop, h, out _));
        Assert.Equal(1ul, loop.Channel.Counters.RingResets);
        AssertServesAgain(loop);
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(4u)]
    [InlineData(7u)]
    [InlineData(13u)]   // beyond the 12-byte reply area: the queue returns it with length 0
    [InlineData(100000u)]
    public void A_reply_length_that_cannot_hold_header_and_status_or_exceeds_the_area_is_malformed(uint length)
    {
        Loopback loop = Hostile();
        loop.Hostile.AutoReply = false;
        // No return values expected: only the length rule stands between the device's few bytes and a "success".
        ScmiMessageHandle h = SendVersion(loop, expected: 0);
        TakenChain chain = loop.Hostile.Pending[0];
        var reply = new byte[12];
        chain.Request.AsSpan(0, 4).CopyTo(reply);
        // A status sits in the buffer, but beyond what the device says it wrote: it must not be believed.
        BinaryPrimitives.WriteInt32LittleEndian(reply.AsSpan(4), (int)ScmiStatus.NotFound);
        loop.Hostile.Reply(chain, reply, length);
        Assert.Equal(ScmiTransportResult.Malformed, Finish(loop, h, out _));
        Assert.Equal(1ul, loop.Channel.Counters.Malformed);
        // A bad length is a lie about one buffer, not the ring: no reset.
        Assert.Equal(0ul, loop.Channel.Counters.RingResets);
        AssertServesAgain(loop);
    }

    [Fact]
    public void A_reply_with_another_token_is_unexpected_and_never_delivered()
    {
        Loopback loop = Hostile();
        loop.Hostile.AutoReply = false;
        ScmiMessageHandle h = SendVersion(loop);
        TakenChain chain = loop.Hostile.Pending[0];
        var reply = new byte[12];
        uint header = BinaryPrimitives.ReadUInt32LittleEndian(chain.Request);
        BinaryPrimitives.WriteUInt32LittleEndian(reply, new ScmiHeader(header).WithToken(h.Token + 1).Value);
        loop.Hostile.Reply(chain, reply, 12);
        Assert.Equal(ScmiTransportResult.Malformed, Finish(loop, h, out _));
        Assert.Equal(1ul, loop.Channel.Counters.Unexpected);
    }

    [Theory]
    [InlineData(1u << 8)]     // type
    [InlineData(1u)]          // message id
    [InlineData(1u << 10)]    // protocol
    [InlineData(1u << 28)]    // reserved bits
    public void A_reply_whose_header_echo_differs_is_malformed(uint flip)
    {
        Loopback loop = Hostile();
        loop.Hostile.AutoReply = false;
        ScmiMessageHandle h = SendVersion(loop);
        TakenChain chain = loop.Hostile.Pending[0];
        var reply = new byte[12];
        BinaryPrimitives.WriteUInt32LittleEndian(reply, BinaryPrimitives.ReadUInt32LittleEndian(chain.Request) ^ flip);
        loop.Hostile.Reply(chain, reply, 12);
        Assert.Equal(ScmiTransportResult.Malformed, Finish(loop, h, out _));
        Assert.Equal(1ul, loop.Channel.Counters.Malformed);
    }

    [Fact]
    public void A_success_shorter_than_the_expected_return_values_is_malformed_but_an_error_status_alone_is_accepted()
    {
        Loopback loop = Hostile();
        loop.Hostile.ReturnBytes = 2;
        Assert.Equal(ScmiTransportResult.Malformed, loop.BaseVersion(false, out _, out _));
        loop.Hostile.AutoReply = false;
        ScmiMessageHandle h = SendVersion(loop);
        TakenChain chain = loop.Hostile.Pending[0];
        var reply = new byte[8];
        chain.Request.AsSpan(0, 4).CopyTo(reply);
        BinaryPrimitives.WriteInt32LittleEndian(reply.AsSpan(4), (int)ScmiStatus.NotFound);
        loop.Hostile.Reply(chain, reply, 8);
        Assert.Equal(ScmiTransportResult.Ok, Finish(loop, h, out ScmiStatus status));
        Assert.Equal(ScmiStatus.NotFound, status);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(-12)]
    [InlineData(int.MinValue)]
    public void A_status_the_spec_does_not_define_is_malformed(int wire)
    {
        Loopback loop = Hostile();
        loop.Hostile.AutoReply = false;
        ScmiMessageHandle h = SendVersion(loop);
        TakenChain chain = loop.Hostile.Pending[0];
        var reply = new byte[12];
        chain.Request.AsSpan(0, 4).CopyTo(reply);
        BinaryPrimitives.WriteInt32LittleEndian(reply.AsSpan(4), wire);
        loop.Hostile.Reply(chain, reply, 12);
        Assert.Equal(ScmiTransportResult.Malformed, Finish(loop, h, out _));
    }

    [Fact]
    public void Eventq_garbage_is_counted_and_its_buffer_reposted_while_a_good_notification_is_delivered()
    {
        Loopback loop = Hostile();
        List<TakenChain> buffers = loop.Hostile.Take(1);
        Assert.Equal(256, buffers.Count);
        // Too short, a command type, reserved bits: all refused.
        loop.Hostile.Reply(buffers[0], new byte[4], 2, queue: 1);
        loop.Hostile.Reply(buffers[1], BitConverter.GetBytes(0x0000_4000u), 4, queue: 1);
        loop.Hostile.Reply(buffers[2], BitConverter.GetBytes(0xF000_0300u), 4, queue: 1);
        Assert.True(ScmiHeader.Create(0x14, 0, ScmiMessageType.Notification, 0, out ScmiHeader good));
        byte[] message = [.. BitConverter.GetBytes(good.Value), 7, 0, 0, 0];
        loop.Hostile.Reply(buffers[3], message, 8, queue: 1);
        loop.Clock.Spin();
        Assert.Equal(3ul, loop.Channel.Counters.Malformed);
        Assert.Equal(1ul, loop.Channel.Counters.Notifications);
        Assert.Equal(255, loop.Channel.EventQueue!.InFlight);
        var payload = new byte[16];
        Assert.Equal(ScmiTransportResult.Ok, loop.Channel.FetchNotification(out ScmiHeader header, payload, out int length));
        Assert.Equal(good.Value, header.Value);
        Assert.Equal(4, length);
        Assert.Equal(7, payload[0]);
        Assert.Equal(256, loop.Channel.EventQueue.InFlight);
        Assert.Equal(ScmiTransportResult.NoMessage, loop.Channel.FetchNotification(out _, payload, out _));
    }

    [Fact]
    public void A_reply_arriving_between_snapshot_and_kick_is_completed_and_the_poll_still_finds_its_own()
    {
        var ordering = new PlainOrdering();
        Loopback loop = Hostile(InterruptDelivery.Off, ordering);
        var receiver = new CountingReceiver();
        loop.Channel.SetReceiver(receiver);
        loop.Hostile.AutoReply = false;
        ScmiMessageHandle other = SendVersion(loop, poll: false);
        TakenChain otherChain = loop.Hostile.Pending[0];
        // The other message's reply lands at the barrier inside the polled send's kick: after its snapshot, before the kick.
        ordering.AtNextStoreStore = () => loop.Hostile.ReplySuccess(otherChain);
        ScmiMessageHandle polled = SendVersion(loop, poll: true);
        Assert.True(loop.Channel.IsDone(other) || !loop.Channel.PollDone(polled));
        Assert.True(loop.Channel.IsDone(other));
        Assert.False(loop.Channel.IsDone(polled));
        Assert.Equal(0, receiver.Responses);
        loop.Channel.ProcessDeferred();
        Assert.Equal(1, receiver.Responses);
        Assert.Equal(1ul, loop.Channel.Counters.Deferred);
        loop.Hostile.ReplySuccess(loop.Hostile.Pending[0]);
        Assert.True(loop.Channel.PollDone(polled));
        Assert.Equal(ScmiTransportResult.Ok, Finish(loop, polled, out _));
        Assert.Equal(ScmiTransportResult.Ok, Finish(loop, other, out _));
    }

    [Fact]
    public void An_interrupt_storm_does_not_stop_the_thread()
    {
        Loopback loop = Hostile(InterruptDelivery.Immediate);
        loop.Hostile.OnCommandKick = d =>
        {
            for (int i = 0; i < 10_000; i++)
                d.Registers.RaiseUsedBuffer();
        };
        for (int i = 0; i < 5; i++)
            Assert.Equal(ScmiTransportResult.Ok, loop.BaseVersion(i % 2 == 0, out _, out _));
        Assert.True(loop.Channel.Counters.Interrupts >= 50_000);
        Assert.Equal(0ul, loop.Channel.Counters.RingResets);
    }

    [Fact]
    public void An_eventq_flood_fills_the_buffers_but_commands_still_complete_and_fetching_reposts()
    {
        Loopback loop = Hostile(InterruptDelivery.Immediate);
        Assert.True(ScmiHeader.Create(0x14, 0, ScmiMessageType.Notification, 0, out ScmiHeader note));
        byte[] message = BitConverter.GetBytes(note.Value);
        loop.Hostile.OnCommandKick = d =>
        {
            foreach (TakenChain buffer in d.Take(1))
                d.Reply(buffer, message, 4, queue: 1);
        };
        for (int i = 0; i < 20; i++)
        {
            Assert.Equal(ScmiTransportResult.Ok, loop.BaseVersion(false, out _, out _));
            Assert.Equal(ScmiTransportResult.Ok, loop.Channel.FetchNotification(out _, new byte[8], out _));
        }
        Assert.Equal(256ul + 19, loop.Channel.Counters.Notifications);
        Assert.Equal(255, loop.Channel.PlatformMessagesWaiting); // the core fetched one per round; the rest wait, never lost
    }

    [Fact]
    public void A_device_that_changes_its_queue_size_across_the_repair_is_refused_without_allocating()
    {
        Loopback loop = Hostile();
        loop.Hostile.AutoReply = false;
        ScmiMessageHandle h = SendVersion(loop);
        loop.Registers.QueueSizeMaxOverride = 64;
        loop.Hostile.WriteUsed(0, 300, 12);
        loop.Clock.Spin();
        Assert.Equal(ScmiTransportResult.ChannelReset, Finish(loop, h, out _));
        Assert.False(loop.Channel.IsReady);
        Assert.Equal(ScmiTransportResult.NotReady, loop.Channel.Send(ScmiHeader.Command(ScmiProtocolId.Base, 0), default, 4, 4, false, out _));
        Assert.Equal(loop.AllocationsAtSeal, loop.Memory.Allocations);
    }

    private sealed class CountingReceiver : ScmiReceiver
    {
        public int Responses;
        public int PlatformMessages;
        public override void OnResponse(ScmiMessageHandle message) => Responses++;
        public override void OnPlatformMessage() => PlatformMessages++;
    }
}
