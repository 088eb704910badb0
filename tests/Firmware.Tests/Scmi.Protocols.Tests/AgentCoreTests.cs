// The agent core on target: synchronous commands by interrupt and by polling, asynchronous commands, notifications, versions, a long mixed run.
using System;
using System.Buffers.Binary;
using Nano.TestFramework;
using PlatformProfile.Tests;
using Scmi;
using Scmi.Virtio;

namespace Scmi.Protocols.Tests;

[TestClass]
public class AgentCoreTests
{
    private const byte ClockAttributes = 0x3;
    private const byte ClockRateSet = 0x5;
    private const byte ClockRateGet = 0x6;
    private const byte ClockRateNotify = 0x9;
    private const byte ClockRateChangeRequestedNotify = 0xA;
    private const byte ClockRateChanged = 0x0;
    private const uint AsyncFlag = 1;
    private const uint FastClock = 1; // cpu-little-pll: 200 MHz..1.8 GHz in 100 MHz steps

    private static RateHandler? s_rateChanged;

    [Setup]
    public static void BringUp() => AgentUnderTest.Up();

    /// <summary>The handlers these tests subscribe; called by <see cref="AgentUnderTest.Up"/> before the seal.</summary>
    public static void CreateHandlers() => s_rateChanged = new RateHandler();

    private static bool IsProfile(ReadOnlySpan<byte> name) =>
        BootArguments.TryRead(out ReadOnlySpan<byte> arguments) && BootArguments.TryGetProfile(arguments, out ReadOnlySpan<byte> profile)
        && profile.SequenceEqual(name);

    private static void WriteRateSet(Span<byte> parameters, uint flags, uint clock, ulong rate)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(parameters, flags);
        BinaryPrimitives.WriteUInt32LittleEndian(parameters.Slice(4), clock);
        BinaryPrimitives.WriteUInt64LittleEndian(parameters.Slice(8), rate);
    }

    [TestMethod]
    public static void Base_version_is_agreed_by_interrupt_and_by_polling()
    {
        ScmiAgent agent = AgentUnderTest.Agent!;
        for (int i = 0; i < 2; i++)
        {
            agent.Polling = i == 1;
            ScmiResult result = agent.NegotiateVersion(ScmiProtocolId.Base, new ScmiProtocolVersion(2, 0), out ScmiProtocolVersion agreed);
            AgentUnderTest.AssertOk(result, "negotiate");
            Assert.AreEqual(2, (int)agreed.Major, "major");
        }
        agent.Polling = false;
        AgentUnderTest.AssertNothingAllocated();
    }

    [TestMethod]
    public static void An_asynchronous_rate_set_pairs_its_delayed_response_by_interrupt_and_by_polling()
    {
        ScmiAgent agent = AgentUnderTest.Agent!;
        ulong pairedBefore = agent.Counters.DelayedPaired;
        Span<byte> parameters = stackalloc byte[16];
        Span<byte> delayed = stackalloc byte[12];
        for (int i = 0; i < 20; i++)
        {
            ulong rate = 1_000_000_000UL + (ulong)(i % 5) * 100_000_000UL;
            WriteRateSet(parameters, AsyncFlag, FastClock, rate);
            ScmiResult result = agent.InvokeWithDelayedResponse(ScmiProtocolId.Clock, ClockRateSet, parameters, default, out _, delayed,
                out int length, 12, i % 2 == 0 ? ScmiCompletion.Interrupt : ScmiCompletion.Poll);
            AgentUnderTest.AssertOk(result, "async CLOCK_RATE_SET");
            Assert.AreEqual(12, length, "delayed length");
            Assert.AreEqual(FastClock, BinaryPrimitives.ReadUInt32LittleEndian(delayed), "delayed clock id");
            Assert.AreEqual(rate, BinaryPrimitives.ReadUInt64LittleEndian(delayed.Slice(4)), "delayed rate");
        }
        Assert.AreEqual(pairedBefore + 20, agent.Counters.DelayedPaired, "paired");
        Assert.AreEqual(0UL, agent.Counters.DelayedUnexpected + agent.Counters.DelayedDuplicate + agent.Counters.DelayedTimedOut, "rejected");
        Assert.AreEqual(0, agent.TransfersInUse, "transfers in use");
        Assert.AreEqual(0, agent.Transport.Tokens.HeldCount, "tokens held");
        AgentUnderTest.AssertNothingAllocated();
    }

    [TestMethod]
    public static void Delayed_transfers_begun_together_complete_in_reverse_order_and_hold_their_tokens()
    {
        ScmiAgent agent = AgentUnderTest.Agent!;
        Span<byte> parameters = stackalloc byte[16];
        Span<byte> delayed = stackalloc byte[12];
        ScmiDelayedTransfer first;
        ScmiDelayedTransfer second;
        WriteRateSet(parameters, AsyncFlag, FastClock, 1_200_000_000);
        AgentUnderTest.AssertOk(agent.BeginDelayed(ScmiProtocolId.Clock, ClockRateSet, parameters, default, out _, out first), "begin 1");
        WriteRateSet(parameters, AsyncFlag, FastClock, 1_300_000_000);
        AgentUnderTest.AssertOk(agent.BeginDelayed(ScmiProtocolId.Clock, ClockRateSet, parameters, default, out _, out second), "begin 2");
        Assert.IsTrue(agent.Transport.Tokens.IsReserved(first.Token), "first token held");
        Assert.IsTrue(agent.Transport.Tokens.IsReserved(second.Token), "second token held");

        ulong deadline = agent.Clock.Microseconds + 5_000_000;
        ScmiResult done;
        while ((done = agent.TryCompleteDelayed(second, delayed, out _, 12)).IsPending && agent.Clock.Microseconds < deadline)
            agent.Clock.Spin();
        AgentUnderTest.AssertOk(done, "complete 2");
        Assert.AreEqual(1_300_000_000UL, BinaryPrimitives.ReadUInt64LittleEndian(delayed.Slice(4)), "rate 2");
        while ((done = agent.TryCompleteDelayed(first, delayed, out _, 12)).IsPending && agent.Clock.Microseconds < deadline)
            agent.Clock.Spin();
        AgentUnderTest.AssertOk(done, "complete 1");
        Assert.AreEqual(1_200_000_000UL, BinaryPrimitives.ReadUInt64LittleEndian(delayed.Slice(4)), "rate 1");
        Assert.IsFalse(agent.Transport.Tokens.IsReserved(first.Token), "first token released");
        Assert.AreEqual((int)ScmiAgentError.InvalidArgument, (int)agent.TryCompleteDelayed(first, delayed, out _).Agent, "spent handle");
        AgentUnderTest.AssertNothingAllocated();
    }

    [TestMethod]
    public static void An_asynchronous_command_the_platform_refuses_ends_at_its_reply()
    {
        ScmiAgent agent = AgentUnderTest.Agent!;
        Span<byte> parameters = stackalloc byte[16];
        WriteRateSet(parameters, AsyncFlag, 99, 1_000_000_000);
        ScmiResult result = agent.InvokeWithDelayedResponse(ScmiProtocolId.Clock, ClockRateSet, parameters, default, out _, default, out _);
        Assert.AreEqual((int)ScmiStatus.NotFound, (int)result.Status, "status");
        Assert.IsTrue(ScmiStatusNames.Describe(result) == "NOT_FOUND", "name");
        Assert.AreEqual(0, agent.TransfersInUse, "transfers in use");
        Assert.AreEqual(0, agent.Transport.Tokens.HeldCount, "tokens held");
        AgentUnderTest.AssertNothingAllocated();
    }

    [TestMethod]
    public static void Rate_change_notifications_reach_their_handler_and_others_are_counted()
    {
        ScmiAgent agent = AgentUnderTest.Agent!;
        RateHandler handler = s_rateChanged!;
        AgentUnderTest.AssertOk(agent.Subscribe(ScmiProtocolId.Clock, ClockRateChanged, handler), "subscribe");
        Assert.AreEqual((int)ScmiAgentError.HandlerTableFull, (int)agent.Subscribe(ScmiProtocolId.Clock, ClockRateChanged, handler).Agent, "twice");
        Span<byte> notify = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(notify, FastClock);
        BinaryPrimitives.WriteUInt32LittleEndian(notify.Slice(4), 1);
        AgentUnderTest.AssertOk(agent.Invoke(ScmiProtocolId.Clock, ClockRateNotify, notify, default, out _), "CLOCK_RATE_NOTIFY");
        AgentUnderTest.AssertOk(agent.Invoke(ScmiProtocolId.Clock, ClockRateChangeRequestedNotify, notify, default, out _), "CLOCK_RATE_CHANGE_REQUESTED_NOTIFY");
        ulong unhandledBefore = agent.Counters.NotificationsUnhandled;
        int seenBefore = handler.Seen;

        Span<byte> parameters = stackalloc byte[16];
        WriteRateSet(parameters, 0, FastClock, 1_700_000_000);
        AgentUnderTest.AssertOk(agent.Invoke(ScmiProtocolId.Clock, ClockRateSet, parameters, default, out _), "CLOCK_RATE_SET");
        ulong deadline = agent.Clock.Microseconds + 5_000_000;
        while ((handler.Seen == seenBefore || agent.Counters.NotificationsUnhandled == unhandledBefore) && agent.Clock.Microseconds < deadline)
        {
            agent.ProcessPlatformMessages();
            agent.Clock.Spin();
        }
        Assert.AreEqual(seenBefore + 1, handler.Seen, "dispatched");
        Assert.AreEqual(FastClock, handler.LastClock, "clock id");
        Assert.AreEqual(1_700_000_000UL, handler.LastRate, "rate");
        Assert.AreEqual(unhandledBefore + 1, agent.Counters.NotificationsUnhandled, "CLOCK_RATE_CHANGE_REQUESTED has no handler");

        BinaryPrimitives.WriteUInt32LittleEndian(notify.Slice(4), 0);
        AgentUnderTest.AssertOk(agent.Invoke(ScmiProtocolId.Clock, ClockRateNotify, notify, default, out _), "notify off");
        AgentUnderTest.AssertOk(agent.Invoke(ScmiProtocolId.Clock, ClockRateChangeRequestedNotify, notify, default, out _), "notify off");
        agent.Unsubscribe(ScmiProtocolId.Clock, ClockRateChanged);
        AgentUnderTest.AssertNothingAllocated();
    }

    [TestMethod]
    public static void Versions_are_negotiated_under_the_versions_profile_and_kept_under_the_default()
    {
        ScmiAgent agent = AgentUnderTest.Agent!;
        bool newer = IsProfile("versions"u8);
        ScmiResult result = agent.NegotiateVersion(ScmiProtocolId.Clock, new ScmiProtocolVersion(2, 0), out ScmiProtocolVersion agreed);
        AgentUnderTest.AssertOk(result, "clock 2.0");
        Assert.AreEqual(0x2_0000U, agreed.Value, "agreed");

        Span<byte> reply = stackalloc byte[4];
        AgentUnderTest.AssertOk(agent.Invoke(ScmiProtocolId.Clock, 0, default, reply, out _, 4), "PROTOCOL_VERSION");
        Assert.AreEqual(newer ? 0x2_0001U : 0x2_0000U, BinaryPrimitives.ReadUInt32LittleEndian(reply), "reported");

        // Our 2.1 is the platform's own under the profile, newer than the default's 2.0: each side's older minor wins.
        result = agent.NegotiateVersion(ScmiProtocolId.Clock, new ScmiProtocolVersion(2, 1), out agreed);
        AgentUnderTest.AssertOk(result, "clock 2.1");
        Assert.AreEqual(newer ? 0x2_0001U : 0x2_0000U, agreed.Value, "agreed 2.1");

        // Two majors below the platform's: BASE_NEGOTIATE_PROTOCOL_VERSION refuses, the agent says so.
        result = agent.NegotiateVersion(ScmiProtocolId.Clock, new ScmiProtocolVersion(0, 1), out agreed);
        Assert.AreEqual((int)ScmiAgentError.UnsupportedVersion, (int)result.Agent, "clock 0.1");
        Assert.AreEqual(0U, agreed.Value, "nothing agreed");
        Assert.IsTrue(ScmiStatusNames.Describe(result) == "UNSUPPORTED_VERSION", "name");
        AgentUnderTest.AssertNothingAllocated();
    }

    [TestMethod]
    public static void A_long_mixed_run_across_every_protocol_keeps_every_counter_consistent()
    {
        ScmiAgent agent = AgentUnderTest.Agent!;
        ScmiVirtioTransport transport = AgentUnderTest.Transport!;
        ScmiAgentCounters c = agent.Counters;
        ulong sent0 = c.Sent, completed0 = c.Completed, interrupt0 = c.SentInterrupt, polled0 = c.SentPolled, async0 = c.AsyncSent;
        ulong paired0 = c.DelayedPaired, transportSent0 = transport.Counters.Sent, transportPolled0 = transport.Counters.Polled;
        ulong timedOut0 = c.TimedOut, failed0 = c.Failed, notSent0 = c.NotSent;

        Span<byte> reply = stackalloc byte[128];
        Span<byte> parameters = stackalloc byte[16];
        Span<byte> delayed = stackalloc byte[12];
        int commands = 0;
        int asyncCommands = 0;
        for (int round = 0; round < 40; round++)
        {
            for (byte protocol = 0x10; protocol <= 0x18; protocol++)
            {
                for (int step = 0; step < 8; step++)
                {
                    ScmiCompletion mode = ((round + step + protocol) & 1) == 0 ? ScmiCompletion.Interrupt : ScmiCompletion.Poll;
                    byte message;
                    int parameterLength = 0;
                    if (step < 2)
                    {
                        message = (byte)step; // PROTOCOL_VERSION, PROTOCOL_ATTRIBUTES
                    }
                    else
                    {
                        message = ScmiProtocolClient.ProtocolMessageAttributesMessage;
                        BinaryPrimitives.WriteUInt32LittleEndian(parameters, (uint)step); // message ids 2..7
                        parameterLength = 4;
                    }
                    ScmiResult result = agent.Invoke((ScmiProtocolId)protocol, message, parameters.Slice(0, parameterLength), reply, out _, 0, mode);
                    Assert.AreEqual((int)ScmiTransportResult.Ok, (int)result.Transport, "transport");
                    Assert.IsTrue(result.Status == ScmiStatus.Success || result.Status == ScmiStatus.NotFound, "discovery status");
                    commands++;
                }
            }
            // Reads: the vendor, a clock's attributes and rate.
            AgentUnderTest.AssertOk(agent.Invoke(ScmiProtocolId.Base, 0x3, default, reply, out _, 16, (round & 1) == 0 ? ScmiCompletion.Poll : ScmiCompletion.Interrupt), "vendor");
            BinaryPrimitives.WriteUInt32LittleEndian(parameters, FastClock);
            AgentUnderTest.AssertOk(agent.Invoke(ScmiProtocolId.Clock, ClockAttributes, parameters.Slice(0, 4), reply, out _, 4), "clock attributes");
            AgentUnderTest.AssertOk(agent.Invoke(ScmiProtocolId.Clock, ClockRateGet, parameters.Slice(0, 4), reply, out _, 8, ScmiCompletion.Poll), "rate get");
            commands += 3;
            // And one asynchronous command per round.
            WriteRateSet(parameters, AsyncFlag, FastClock, 1_000_000_000UL + (ulong)(round % 8) * 100_000_000UL);
            AgentUnderTest.AssertOk(agent.InvokeWithDelayedResponse(ScmiProtocolId.Clock, ClockRateSet, parameters, default, out _, delayed, out _, 12,
                (round & 1) == 0 ? ScmiCompletion.Interrupt : ScmiCompletion.Poll), "async rate set");
            commands++;
            asyncCommands++;
        }

        Assert.IsTrue(commands >= 3000, "thousands of commands");
        Assert.AreEqual(sent0 + (ulong)commands, c.Sent, "sent");
        Assert.AreEqual(completed0 + (ulong)commands, c.Completed, "completed");
        Assert.AreEqual(c.Sent - sent0, (c.SentInterrupt - interrupt0) + (c.SentPolled - polled0), "interrupt + polled == sent");
        Assert.AreEqual(async0 + (ulong)asyncCommands, c.AsyncSent, "async sent");
        Assert.AreEqual(paired0 + (ulong)asyncCommands, c.DelayedPaired, "paired");
        Assert.AreEqual(timedOut0, c.TimedOut, "timed out");
        Assert.AreEqual(failed0, c.Failed, "failed");
        Assert.AreEqual(notSent0, c.NotSent, "not sent");
        Assert.AreEqual(transportSent0 + (ulong)commands, transport.Counters.Sent, "the transport saw each command once");
        Assert.AreEqual(c.SentPolled - polled0, transport.Counters.Polled - transportPolled0, "polled on both sides");
        Assert.AreEqual(0UL, c.DelayedUnexpected + c.DelayedDuplicate + c.DelayedTimedOut + c.DelayedLate, "delayed rejected");
        Assert.AreEqual(0, agent.TransfersInUse, "transfers in use");
        Assert.AreEqual(0, transport.Tokens.HeldCount, "tokens held");
        Assert.AreEqual(transport.Capabilities.MaxInFlight, transport.FreeMessages, "transport pool");
        AgentUnderTest.AssertNothingAllocated();
    }

    /// <summary>Keeps the last CLOCK_RATE_CHANGED it saw.</summary>
    private sealed class RateHandler : ScmiNotificationHandler
    {
        public int Seen;
        public uint LastClock;
        public ulong LastRate;

        public override void OnNotification(in ScmiNotification notification)
        {
            var reader = new ScmiPayloadReader(notification.Payload);
            // SCMI (DEN0056E) §4.6.3.1 CLOCK_RATE_CHANGED: agent_id, clock_id, rate_low, rate_high.
            if (reader.TryReadUInt32(out _) && reader.TryReadUInt32(out uint clock) && reader.TryReadUInt64(out ulong rate))
            {
                LastClock = clock;
                LastRate = rate;
                Seen++;
            }
        }
    }
}
