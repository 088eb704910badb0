// The agent core against the real transport and platform model in-process, and against a hostile device: every edge of the transfer state machine.
using System.Buffers.Binary;
using Scmi.Tests.Doubles;
using Scmi.Virtio;
using static Scmi.Tests.Agent.AgentHarness;

namespace Scmi.Tests.Agent;

public class AgentCoreTests
{
    [Fact]
    public void Synchronous_commands_are_counted_by_completion_mode()
    {
        (Loopback loop, ScmiAgent agent) = Real();
        Span<byte> reply = stackalloc byte[4];
        for (int i = 0; i < 60; i++)
        {
            ScmiCompletion mode = (i % 3) switch { 0 => ScmiCompletion.Interrupt, 1 => ScmiCompletion.Poll, _ => ScmiCompletion.Default };
            agent.Polling = i % 2 == 0;
            ScmiResult result = agent.Invoke(ScmiProtocolId.Base, 0, default, reply, out int length, 4, mode);
            Assert.True(result.IsSuccess, ScmiStatusNames.Describe(result));
            Assert.Equal(4, length);
            Assert.Equal(0x20000u, BinaryPrimitives.ReadUInt32LittleEndian(reply));
        }
        ScmiAgentCounters c = agent.Counters;
        Assert.Equal(60ul, c.Sent);
        Assert.Equal(60ul, c.Completed);
        // Interrupt 20, Poll 20, Default 20 of which i even (Polling on) = 10.
        Assert.Equal(30ul, c.SentPolled);
        Assert.Equal(30ul, c.SentInterrupt);
        Assert.Equal(30ul, loop.Channel.Counters.Polled);
        Assert.Equal(0, agent.TransfersInUse);
        Assert.Equal(0, loop.Channel.Tokens.HeldCount);
    }

    [Fact]
    public void A_platform_error_status_is_a_value_with_its_name()
    {
        (_, ScmiAgent agent) = Real();
        Span<byte> reply = stackalloc byte[64];
        ScmiResult result = agent.Invoke(ScmiProtocolId.Clock, ClockAttributes, Words(99), reply, out int length, 4);
        Assert.Equal(ScmiStatus.NotFound, result.Status);
        Assert.False(result.IsSuccess);
        Assert.Equal(0, length);
        Assert.Equal("platform", ScmiStatusNames.Source(result));
        Assert.Equal("NOT_FOUND", ScmiStatusNames.Describe(result));
        Assert.Equal(1ul, agent.Counters.Completed);
    }

    [Theory]
    [InlineData(ScmiCompletion.Interrupt)]
    [InlineData(ScmiCompletion.Poll)]
    public void An_asynchronous_rate_set_returns_its_delayed_response_and_frees_its_token(ScmiCompletion completion)
    {
        (Loopback loop, ScmiAgent agent) = Real();
        Span<byte> delayed = stackalloc byte[16];
        for (int i = 0; i < 10; i++)
        {
            ulong rate = 1_000_000_000UL + (ulong)(i % 5) * 100_000_000UL;
            ScmiResult result = agent.InvokeWithDelayedResponse(ScmiProtocolId.Clock, ClockRateSet, RateSet(AsyncFlag, 1, rate), default, out _,
                delayed, out int delayedLength, 12, completion);
            Assert.True(result.IsSuccess, ScmiStatusNames.Describe(result));
            Assert.Equal(12, delayedLength);
            Assert.Equal(1u, BinaryPrimitives.ReadUInt32LittleEndian(delayed));
            Assert.Equal(rate, BinaryPrimitives.ReadUInt64LittleEndian(delayed.Slice(4)));
        }
        ScmiAgentCounters c = agent.Counters;
        Assert.Equal(10ul, c.AsyncSent);
        Assert.Equal(10ul, c.DelayedPaired);
        Assert.Equal(0ul, c.DelayedUnexpected + c.DelayedDuplicate + c.DelayedTimedOut + c.AsyncRefused);
        Assert.Equal(0, agent.TransfersInUse);
        Assert.Equal(0, loop.Channel.Tokens.HeldCount);
    }

    [Fact]
    public void A_delayed_response_before_its_reply_is_kept()
    {
        (_, ScmiAgent agent) = Real(faults: ["early"]);
        Span<byte> delayed = stackalloc byte[16];
        for (int i = 0; i < 20; i++)
        {
            ulong rate = i % 2 == 0 ? 1_500_000_000UL : 1_600_000_000UL;
            ScmiResult result = agent.InvokeWithDelayedResponse(ScmiProtocolId.Clock, ClockRateSet, RateSet(AsyncFlag, 1, rate), default, out _,
                delayed, out int delayedLength, 12, i < 10 ? ScmiCompletion.Interrupt : ScmiCompletion.Poll);
            Assert.True(result.IsSuccess, ScmiStatusNames.Describe(result));
            Assert.Equal(rate, BinaryPrimitives.ReadUInt64LittleEndian(delayed.Slice(4)));
        }
        Assert.Equal(20ul, agent.Counters.DelayedPaired);
        Assert.Equal(20ul, agent.Counters.DelayedBeforeReply);
        Assert.Equal(0ul, agent.Counters.DelayedUnexpected);
    }

    [Fact]
    public void A_second_delayed_response_is_rejected_and_counted()
    {
        (_, ScmiAgent agent) = Real(faults: ["duplicate@CLOCK.*"]);
        Span<byte> delayed = stackalloc byte[16];
        ScmiResult result = agent.InvokeWithDelayedResponse(ScmiProtocolId.Clock, ClockRateSet, RateSet(AsyncFlag, 1, 1_500_000_000), default, out _,
            delayed, out _, 12);
        Assert.True(result.IsSuccess, ScmiStatusNames.Describe(result));
        agent.ProcessPlatformMessages();
        Assert.Equal(1ul, agent.Counters.DelayedPaired);
        Assert.Equal(1ul, agent.Counters.DelayedDuplicate);
        Assert.Equal(0ul, agent.Counters.DelayedUnexpected);
    }

    [Fact]
    public void A_second_delayed_response_after_the_first_was_collected_is_a_duplicate()
    {
        (Loopback loop, ScmiAgent agent) = Hostile();
        Assert.True(agent.BeginDelayed(ScmiProtocolId.Clock, ClockRateSet, RateSet(AsyncFlag, 1, 5), new byte[4], out _, out ScmiDelayedTransfer transfer).IsSuccess);
        uint header = DelayedHeader(ScmiProtocolId.Clock, ClockRateSet, transfer.Token);
        PostPlatformMessage(loop, header, Words(0, 1, 5, 0));
        loop.Clock.Spin();
        Assert.True(agent.TryCompleteDelayed(transfer, new byte[12], out _).IsSuccess);
        PostPlatformMessage(loop, header, Words(0, 1, 5, 0));
        loop.Clock.Spin();
        Assert.Equal(1, agent.ProcessPlatformMessages());
        Assert.Equal(1ul, agent.Counters.DelayedDuplicate);
        Assert.Equal(0ul, agent.Counters.DelayedUnexpected);
        // The same token under another message id is not a copy of it.
        PostPlatformMessage(loop, DelayedHeader(ScmiProtocolId.Clock, ClockRateGet, transfer.Token), Words(0, 1, 5, 0));
        loop.Clock.Spin();
        agent.ProcessPlatformMessages();
        Assert.Equal(1ul, agent.Counters.DelayedUnexpected);
    }

    [Fact]
    public void A_second_delayed_response_before_the_first_was_collected_is_a_duplicate()
    {
        (Loopback loop, ScmiAgent agent) = Hostile();
        Assert.True(agent.BeginDelayed(ScmiProtocolId.Clock, ClockRateSet, RateSet(AsyncFlag, 1, 5), new byte[4], out _, out ScmiDelayedTransfer transfer).IsSuccess);
        uint header = DelayedHeader(ScmiProtocolId.Clock, ClockRateSet, transfer.Token);
        PostPlatformMessage(loop, header, Words(0, 1, 5, 0));
        PostPlatformMessage(loop, header, Words(0, 1, 6, 0));
        loop.Clock.Spin();
        Assert.Equal(2, agent.ProcessPlatformMessages());
        Assert.Equal(1ul, agent.Counters.DelayedPaired);
        Assert.Equal(1ul, agent.Counters.DelayedDuplicate);
        var values = new byte[12];
        Assert.True(agent.TryCompleteDelayed(transfer, values, out _).IsSuccess);
        Assert.Equal(5ul, BinaryPrimitives.ReadUInt64LittleEndian(values.AsSpan(4))); // the first one counts
    }

    [Fact]
    public void A_delayed_response_with_the_token_but_another_message_does_not_complete_the_transfer()
    {
        (Loopback loop, ScmiAgent agent) = Hostile();
        Assert.True(agent.BeginDelayed(ScmiProtocolId.Clock, ClockRateSet, RateSet(AsyncFlag, 1, 5), new byte[4], out _, out ScmiDelayedTransfer transfer).IsSuccess);
        PostPlatformMessage(loop, DelayedHeader(ScmiProtocolId.Clock, ClockRateGet, transfer.Token), Words(0, 1, 5, 0));
        PostPlatformMessage(loop, DelayedHeader(ScmiProtocolId.PowerDomain, ClockRateSet, transfer.Token), Words(0, 1, 5, 0));
        loop.Clock.Spin();
        Assert.True(agent.TryCompleteDelayed(transfer, new byte[12], out _).IsPending);
        Assert.Equal(2ul, agent.Counters.DelayedUnexpected);
        Assert.Equal(ScmiTransferState.AwaitingDelayed, agent.TransferState(transfer.Index));
        PostPlatformMessage(loop, DelayedHeader(ScmiProtocolId.Clock, ClockRateSet, transfer.Token), Words(0, 1, 5, 0));
        loop.Clock.Spin();
        Assert.True(agent.TryCompleteDelayed(transfer, new byte[12], out _).IsSuccess);
    }

    [Fact]
    public void A_delayed_response_with_an_error_status_or_without_one_ends_the_transfer_with_it()
    {
        (Loopback loop, ScmiAgent agent) = Hostile();
        Assert.True(agent.BeginDelayed(ScmiProtocolId.Clock, ClockRateSet, RateSet(AsyncFlag, 1, 5), new byte[4], out _, out ScmiDelayedTransfer failed).IsSuccess);
        Assert.True(agent.BeginDelayed(ScmiProtocolId.Clock, ClockRateSet, RateSet(AsyncFlag, 1, 5), new byte[4], out _, out ScmiDelayedTransfer empty).IsSuccess);
        PostPlatformMessage(loop, DelayedHeader(ScmiProtocolId.Clock, ClockRateSet, failed.Token), Words(unchecked((uint)-9)));
        PostPlatformMessage(loop, DelayedHeader(ScmiProtocolId.Clock, ClockRateSet, empty.Token), default);
        loop.Clock.Spin();
        ScmiResult result = agent.TryCompleteDelayed(failed, new byte[12], out _);
        Assert.Equal(ScmiStatus.HardwareError, result.Status);
        Assert.Equal("HARDWARE_ERROR", ScmiStatusNames.Describe(result));
        Assert.Equal(ScmiTransportResult.Malformed, agent.TryCompleteDelayed(empty, new byte[12], out _).Transport);
        Assert.Equal(0, agent.TransfersInUse);
        Assert.Equal(0, loop.Channel.Tokens.HeldCount);
    }

    [Fact]
    public void A_delayed_response_nobody_awaits_is_rejected_and_counted()
    {
        (Loopback loop, ScmiAgent agent) = Real();
        // The asynchronous flag sent through a plain synchronous call: the platform's delayed response has no transfer.
        ScmiResult result = agent.Invoke(ScmiProtocolId.Clock, ClockRateSet, RateSet(AsyncFlag, 1, 1_500_000_000), default, out _);
        Assert.True(result.IsSuccess, ScmiStatusNames.Describe(result));
        for (int i = 0; i < 5; i++)
        {
            loop.Clock.Spin();
            agent.ProcessPlatformMessages();
        }
        Assert.Equal(1ul, agent.Counters.DelayedUnexpected);
        Assert.Equal(0ul, agent.Counters.DelayedPaired);
    }

    [Fact]
    public void Several_delayed_transfers_complete_in_any_order()
    {
        (Loopback loop, ScmiAgent agent) = Real();
        var transfers = new ScmiDelayedTransfer[4];
        for (int i = 0; i < transfers.Length; i++)
        {
            ScmiResult begun = agent.BeginDelayed(ScmiProtocolId.Clock, ClockRateSet, RateSet(AsyncFlag, (uint)(1 + i % 2), 1_000_000_000UL + (ulong)i * 100_000_000UL),
                default, out _, out transfers[i]);
            Assert.True(begun.IsSuccess, ScmiStatusNames.Describe(begun));
            Assert.True(loop.Channel.Tokens.IsReserved(transfers[i].Token));
        }
        Span<byte> delayed = stackalloc byte[16];
        foreach (int i in new[] { 3, 0, 2, 1 })
        {
            ScmiResult done;
            while ((done = agent.TryCompleteDelayed(transfers[i], delayed, out _)).IsPending)
                loop.Clock.Spin();
            Assert.True(done.IsSuccess, ScmiStatusNames.Describe(done));
            Assert.Equal(1_000_000_000UL + (ulong)i * 100_000_000UL, BinaryPrimitives.ReadUInt64LittleEndian(delayed.Slice(4)));
            Assert.False(loop.Channel.Tokens.IsReserved(transfers[i].Token));
            // The handle is spent: it cannot reach the entry's next command.
            Assert.Equal(ScmiAgentError.InvalidArgument, agent.TryCompleteDelayed(transfers[i], delayed, out _).Agent);
        }
        Assert.Equal(0, agent.TransfersInUse);
    }

    [Fact]
    public void A_delayed_response_that_never_comes_times_out_keeps_its_token_and_a_late_one_is_counted()
    {
        (Loopback loop, ScmiAgent agent) = Hostile();
        ScmiResult begun = agent.BeginDelayed(ScmiProtocolId.Clock, ClockRateSet, RateSet(AsyncFlag, 1, 5), new byte[4], out _, out ScmiDelayedTransfer transfer);
        Assert.True(begun.IsSuccess, ScmiStatusNames.Describe(begun));
        ScmiResult done;
        int spins = 0;
        while ((done = agent.TryCompleteDelayed(transfer, default, out _)).IsPending)
        {
            loop.Clock.Spin();
            spins++;
        }
        Assert.Equal(ScmiAgentError.DelayedResponseTimedOut, done.Agent);
        Assert.InRange(spins * 100, 50_000, 50_200);
        Assert.Equal(ScmiTransferState.Quarantined, agent.TransferState(transfer.Index));
        Assert.True(loop.Channel.Tokens.IsReserved(transfer.Token));
        Assert.Equal(1ul, agent.Counters.DelayedTimedOut);

        PostPlatformMessage(loop, DelayedHeader(ScmiProtocolId.Clock, ClockRateSet, transfer.Token), Words(0, 1, 5, 0));
        loop.Clock.Spin();
        Assert.Equal(1, agent.ProcessPlatformMessages());
        Assert.Equal(1ul, agent.Counters.DelayedLate);
        Assert.Equal(0ul, agent.Counters.DelayedUnexpected);
        Assert.False(loop.Channel.Tokens.IsReserved(transfer.Token));
        Assert.Equal(0, agent.TransfersInUse);
    }

    [Fact]
    public void A_quarantined_token_is_released_after_one_more_delayed_timeout()
    {
        (Loopback loop, ScmiAgent agent) = Hostile();
        agent.BeginDelayed(ScmiProtocolId.Clock, ClockRateSet, RateSet(AsyncFlag, 1, 5), new byte[4], out _, out ScmiDelayedTransfer transfer);
        while (agent.TryCompleteDelayed(transfer, default, out _).IsPending)
            loop.Clock.Spin();
        for (int i = 0; i < 490; i++)
            loop.Clock.Spin();
        agent.ProcessPlatformMessages();
        Assert.True(loop.Channel.Tokens.IsReserved(transfer.Token));
        for (int i = 0; i < 20; i++)
            loop.Clock.Spin();
        agent.ProcessPlatformMessages();
        Assert.False(loop.Channel.Tokens.IsReserved(transfer.Token));
        Assert.Equal(0, agent.TransfersInUse);
        // Now a late one has nobody to match.
        PostPlatformMessage(loop, DelayedHeader(ScmiProtocolId.Clock, ClockRateSet, transfer.Token), Words(0, 1, 5, 0));
        loop.Clock.Spin();
        agent.ProcessPlatformMessages();
        Assert.Equal(1ul, agent.Counters.DelayedUnexpected);
    }

    [Fact]
    public void A_late_delayed_response_freeing_one_quarantined_entry_leaves_the_other_to_expire()
    {
        (Loopback loop, ScmiAgent agent) = Hostile();
        agent.BeginDelayed(ScmiProtocolId.Clock, ClockRateSet, RateSet(AsyncFlag, 1, 5), new byte[4], out _, out ScmiDelayedTransfer first);
        agent.BeginDelayed(ScmiProtocolId.Clock, ClockRateSet, RateSet(AsyncFlag, 2, 5), new byte[4], out _, out ScmiDelayedTransfer second);
        while (agent.TryCompleteDelayed(first, default, out _).IsPending | agent.TryCompleteDelayed(second, default, out _).IsPending)
            loop.Clock.Spin();
        Assert.Equal(ScmiTransferState.Quarantined, agent.TransferState(first.Index));
        Assert.Equal(ScmiTransferState.Quarantined, agent.TransferState(second.Index));

        // The first one's late delayed response frees it; the second stays quarantined until its own deadline.
        PostPlatformMessage(loop, DelayedHeader(ScmiProtocolId.Clock, ClockRateSet, first.Token), Words(0, 1, 5, 0));
        loop.Clock.Spin();
        agent.ProcessPlatformMessages();
        Assert.Equal(1ul, agent.Counters.DelayedLate);
        Assert.False(loop.Channel.Tokens.IsReserved(first.Token));
        Assert.True(loop.Channel.Tokens.IsReserved(second.Token));
        Span<byte> reply = stackalloc byte[4];
        Assert.True(agent.Invoke(ScmiProtocolId.Base, 0, default, reply, out _, 4).IsSuccess);
        Assert.Equal(ScmiTransferState.Quarantined, agent.TransferState(second.Index));

        for (int i = 0; i < 510; i++)
            loop.Clock.Spin();
        Assert.True(agent.Invoke(ScmiProtocolId.Base, 0, default, reply, out _, 4).IsSuccess);
        Assert.False(loop.Channel.Tokens.IsReserved(second.Token));
        Assert.Equal(0, agent.TransfersInUse);
    }

    [Fact]
    public void Tokens_wrap_around_1024_without_touching_the_one_awaiting_its_delayed_response()
    {
        (Loopback loop, ScmiAgent agent) = Hostile(new ScmiVirtioOptions { SyncTimeoutMicroseconds = 30_000, DelayedTimeoutMicroseconds = 1_000_000_000 });
        var seen = new List<int>();
        loop.Hostile.OnCommandKick = d => seen.AddRange(d.Pending.Select(c => new ScmiHeader(BinaryPrimitives.ReadUInt32LittleEndian(c.Request)).Token));
        ScmiResult begun = agent.BeginDelayed(ScmiProtocolId.Clock, ClockRateSet, RateSet(AsyncFlag, 1, 5), new byte[4], out _, out ScmiDelayedTransfer transfer);
        Assert.True(begun.IsSuccess);
        Span<byte> reply = stackalloc byte[4];
        for (int i = 0; i < 2100; i++)
        {
            ScmiResult result = agent.Invoke(ScmiProtocolId.Base, 0, default, reply, out _, 4, i % 2 == 0 ? ScmiCompletion.Interrupt : ScmiCompletion.Poll);
            Assert.True(result.IsSuccess, ScmiStatusNames.Describe(result));
        }
        Assert.Equal(2101, seen.Count);
        Assert.Equal(transfer.Token, seen[0]);
        Assert.DoesNotContain(transfer.Token, seen.Skip(1));
        Assert.Equal(1023, seen.Skip(1).Distinct().Count()); // every other token was used
        Assert.True(agent.TryCompleteDelayed(transfer, default, out _).IsPending);

        PostPlatformMessage(loop, DelayedHeader(ScmiProtocolId.Clock, ClockRateSet, transfer.Token), Words(0, 1, 5, 0));
        loop.Clock.Spin();
        Span<byte> delayed = stackalloc byte[12];
        ScmiResult done = agent.TryCompleteDelayed(transfer, delayed, out int length);
        Assert.True(done.IsSuccess, ScmiStatusNames.Describe(done));
        Assert.Equal(12, length);
        Assert.Equal(0ul, agent.Counters.DelayedUnexpected);
    }

    [Fact]
    public void An_asynchronous_command_refused_by_the_platform_releases_its_token()
    {
        (Loopback loop, ScmiAgent agent) = Real();
        ScmiResult result = agent.InvokeWithDelayedResponse(ScmiProtocolId.Clock, ClockRateSet, RateSet(AsyncFlag, 99, 5), default, out _, default, out _);
        Assert.Equal(ScmiStatus.NotFound, result.Status);
        Assert.Equal(1ul, agent.Counters.AsyncRefused);
        Assert.Equal(0, agent.TransfersInUse);
        Assert.Equal(0, loop.Channel.Tokens.HeldCount);
    }

    [Fact]
    public void Without_the_platform_channel_asynchronous_commands_are_refused_before_sending()
    {
        (_, ScmiAgent agent) = Real(features: 1UL << 32);
        ScmiResult result = agent.InvokeWithDelayedResponse(ScmiProtocolId.Clock, ClockRateSet, RateSet(AsyncFlag, 1, 5), default, out _, default, out _);
        Assert.Equal(ScmiAgentError.NoPlatformChannel, result.Agent);
        Assert.Equal(0ul, agent.Counters.Sent);
    }

    [Fact]
    public void When_every_transfer_awaits_a_delayed_response_a_command_gets_NoFreeTransfer()
    {
        (_, ScmiAgent agent) = Hostile(new ScmiVirtioOptions { SyncTimeoutMicroseconds = 30_000, DelayedTimeoutMicroseconds = 1_000_000_000 });
        for (int i = 0; i < agent.TransferCapacity; i++)
            Assert.True(agent.BeginDelayed(ScmiProtocolId.Clock, ClockRateSet, RateSet(AsyncFlag, 1, 5), new byte[4], out _, out _).IsSuccess);
        ScmiResult result = agent.Invoke(ScmiProtocolId.Base, 0, default, stackalloc byte[4], out _, 4);
        Assert.Equal(ScmiAgentError.NoFreeTransfer, result.Agent);
        Assert.Equal("NO_FREE_TRANSFER", ScmiStatusNames.Describe(result));
        Assert.Equal(1ul, agent.Counters.NotSent);
    }

    [Fact]
    public void A_synchronous_timeout_is_reported_and_counted()
    {
        (Loopback loop, ScmiAgent agent) = Hostile();
        loop.Hostile.AutoReply = false;
        ScmiResult result = agent.Invoke(ScmiProtocolId.Base, 0, default, stackalloc byte[4], out _, 4);
        Assert.Equal(ScmiTransportResult.TimedOut, result.Transport);
        Assert.Equal("transport", ScmiStatusNames.Source(result));
        Assert.Equal("TIMED_OUT", ScmiStatusNames.Describe(result));
        Assert.Equal(1ul, agent.Counters.TimedOut);
        Assert.Equal(0, agent.TransfersInUse);
    }

    [Fact]
    public void Notifications_go_to_the_handler_of_their_protocol_and_event_and_the_rest_are_counted()
    {
        (_, ScmiAgent agent) = Real();
        var changed = new RecordingHandler();
        Assert.True(agent.Subscribe(ScmiProtocolId.Clock, ClockRateChanged, changed).IsSuccess);
        Assert.Equal(ScmiAgentError.HandlerTableFull, agent.Subscribe(ScmiProtocolId.Clock, ClockRateChanged, new RecordingHandler()).Agent);
        Assert.True(agent.Invoke(ScmiProtocolId.Clock, ClockRateNotify, Words(1, 1), default, out _).IsSuccess);
        Assert.True(agent.Invoke(ScmiProtocolId.Clock, ClockRateChangeRequestedNotify, Words(1, 1), default, out _).IsSuccess);

        Assert.True(agent.Invoke(ScmiProtocolId.Clock, ClockRateSet, RateSet(0, 1, 1_700_000_000), default, out _).IsSuccess);
        agent.Clock.Spin();
        Assert.Equal(2, agent.ProcessPlatformMessages());
        (ScmiProtocolId protocol, byte eventId, byte[] payload) = Assert.Single(changed.Seen);
        Assert.Equal(ScmiProtocolId.Clock, protocol);
        Assert.Equal(ClockRateChanged, eventId);
        Assert.Equal(1u, BinaryPrimitives.ReadUInt32LittleEndian(payload.AsSpan(4)));
        Assert.Equal(1_700_000_000UL, BinaryPrimitives.ReadUInt64LittleEndian(payload.AsSpan(8)));
        Assert.Equal(1ul, agent.Counters.NotificationsDispatched);
        Assert.Equal(1ul, agent.Counters.NotificationsUnhandled); // CLOCK_RATE_CHANGE_REQUESTED has no handler

        agent.Unsubscribe(ScmiProtocolId.Clock, ClockRateChanged);
        Assert.True(agent.Invoke(ScmiProtocolId.Clock, ClockRateSet, RateSet(0, 1, 1_600_000_000), default, out _).IsSuccess);
        agent.Clock.Spin();
        agent.ProcessPlatformMessages();
        Assert.Single(changed.Seen);
        Assert.Equal(3ul, agent.Counters.NotificationsUnhandled);
        Assert.True(agent.Counters.PlatformSignals > 0);
    }

    [Fact]
    public void The_handler_table_is_fixed()
    {
        (Loopback loop, _) = Real();
        var agent = new ScmiAgent(loop.Channel, loop.Clock, handlerCapacity: 3);
        var handler = new RecordingHandler();
        for (byte e = 0; e < 3; e++)
            Assert.True(agent.Subscribe(ScmiProtocolId.Sensor, e, handler).IsSuccess);
        Assert.Equal(ScmiAgentError.HandlerTableFull, agent.Subscribe(ScmiProtocolId.Sensor, 3, handler).Agent);
        agent.Unsubscribe(ScmiProtocolId.Sensor, 1);
        Assert.True(agent.Subscribe(ScmiProtocolId.Sensor, 3, handler).IsSuccess);
        Assert.Equal(ScmiAgentError.InvalidArgument, agent.Subscribe(ScmiProtocolId.Sensor, 4, null!).Agent);
    }

    [Theory]
    [InlineData(2, 0, true, 0x20000u)]   // the same version
    [InlineData(2, 1, true, 0x20000u)]   // an older minor on the platform: accepted
    [InlineData(3, 0, false, 0u)]        // an older major on the platform
    [InlineData(1, 0, true, 0x10000u)]   // a newer major on the platform, negotiated down (the model steps down one major)
    [InlineData(0, 5, false, 0u)]        // a newer major on the platform, refused by BASE_NEGOTIATE_PROTOCOL_VERSION
    public void Versions_are_agreed_or_refused(ushort major, ushort minor, bool agreedOk, uint agreed)
    {
        (_, ScmiAgent agent) = Real();
        ScmiResult result = agent.NegotiateVersion(ScmiProtocolId.Clock, new ScmiProtocolVersion(major, minor), out ScmiProtocolVersion version);
        Assert.Equal(agreedOk, result.IsSuccess);
        if (!agreedOk)
            Assert.Equal(ScmiAgentError.UnsupportedVersion, result.Agent);
        Assert.Equal(agreed, version.Value);
    }

    [Fact]
    public void A_protocol_the_platform_lacks_is_ProtocolNotImplemented()
    {
        (_, ScmiAgent agent) = Real();
        ScmiResult result = agent.NegotiateVersion(ScmiProtocolId.PinControl, new ScmiProtocolVersion(1, 0), out _);
        Assert.Equal(ScmiAgentError.ProtocolNotImplemented, result.Agent);
    }

    [Fact]
    public void Every_status_result_and_error_has_a_name()
    {
        foreach (ScmiStatus s in Enum.GetValues<ScmiStatus>().Where(s => s != ScmiStatus.Unknown))
            Assert.NotEqual("UNKNOWN", ScmiStatusNames.Name(s));
        Assert.Equal("UNKNOWN", ScmiStatusNames.Name(ScmiStatus.Unknown));
        Assert.Equal("NOT_SUPPORTED", ScmiStatusNames.Name(ScmiStatus.NotSupported));
        Assert.Equal("IN_USE", ScmiStatusNames.Name(ScmiStatus.InUse));
        foreach (ScmiTransportResult r in Enum.GetValues<ScmiTransportResult>())
            Assert.DoesNotContain("UNKNOWN", ScmiStatusNames.Name(r));
        foreach (ScmiAgentError e in Enum.GetValues<ScmiAgentError>())
            Assert.DoesNotContain("UNKNOWN", ScmiStatusNames.Name(e));
        Assert.Equal(Enum.GetValues<ScmiStatus>().Length, Enum.GetValues<ScmiStatus>().Select(ScmiStatusNames.Name).Distinct().Count());
        Assert.Equal("SUCCESS", ScmiStatusNames.Describe(default));
        Assert.Equal("", ScmiStatusNames.Source(default));
        Assert.Equal("agent", ScmiStatusNames.Source(ScmiResult.FromAgent(ScmiAgentError.ReplyInvalid)));
        Assert.Equal("REPLY_INVALID", ScmiStatusNames.Describe(ScmiResult.FromAgent(ScmiAgentError.ReplyInvalid)));
    }
}
