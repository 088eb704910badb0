// Long mixed runs of the agent on the loopback under the platform's fault modes: every protocol, both completion modes, async and notifications.
using System.Buffers.Binary;
using Scmi.Tests.Doubles;
using Scmi.Virtio;
using static Scmi.Tests.Agent.AgentHarness;

namespace Scmi.Tests.Agent;

public class AgentMixedRunTests
{
    [Theory]
    [InlineData(null, InterruptDelivery.Deferred)]
    [InlineData(null, InterruptDelivery.Immediate)]
    [InlineData("delay=1ms..3ms", InterruptDelivery.Deferred)]
    [InlineData("reorder=5ms", InterruptDelivery.Deferred)]
    [InlineData("duplicate", InterruptDelivery.Deferred)]
    [InlineData("early", InterruptDelivery.Immediate)]
    [InlineData("flood=4", InterruptDelivery.Deferred)]
    public void Thousands_of_commands_leave_every_counter_consistent(string? fault, InterruptDelivery delivery)
    {
        (Loopback loop, ScmiAgent agent) = Real(fault is null ? null : [fault], delivery);
        var handler = new RecordingHandler();
        Assert.True(agent.Subscribe(ScmiProtocolId.Clock, ClockRateChanged, handler).IsSuccess);
        Assert.True(agent.Invoke(ScmiProtocolId.Clock, ClockRateNotify, Words(1, 1), default, out _).IsSuccess);
        ulong sent0 = agent.Counters.Sent;

        var reply = new byte[128];
        var delayed = new byte[12];
        var transfers = new ScmiDelayedTransfer[3];
        int commands = 0, asyncCommands = 0;
        for (int round = 0; round < 25; round++)
        {
            for (byte protocol = 0x10; protocol <= 0x18; protocol++)
            {
                for (int step = 0; step < 6; step++)
                {
                    ScmiCompletion mode = ((round + step + protocol) & 1) == 0 ? ScmiCompletion.Interrupt : ScmiCompletion.Poll;
                    ScmiResult r = step < 2
                        ? agent.Invoke((ScmiProtocolId)protocol, (byte)step, default, reply, out _, 4, mode)
                        : agent.Invoke((ScmiProtocolId)protocol, 2, Words((uint)step), reply, out _, 0, mode);
                    Assert.Equal(ScmiTransportResult.Ok, r.Transport);
                    Assert.True(r.Status is ScmiStatus.Success or ScmiStatus.NotFound, ScmiStatusNames.Describe(r));
                    commands++;
                }
            }
            // Three asynchronous rate sets in flight at once, collected newest first.
            for (int i = 0; i < transfers.Length; i++)
            {
                ScmiResult begun = agent.BeginDelayed(ScmiProtocolId.Clock, ClockRateSet, RateSet(AsyncFlag, 1, 1_000_000_000UL + (ulong)(round % 4 + i) * 100_000_000UL),
                    default, out _, out transfers[i], 0, (i & 1) == 0 ? ScmiCompletion.Poll : ScmiCompletion.Interrupt);
                Assert.True(begun.IsSuccess, ScmiStatusNames.Describe(begun));
                commands++;
                asyncCommands++;
            }
            for (int i = transfers.Length - 1; i >= 0; i--)
            {
                ScmiResult done;
                while ((done = agent.TryCompleteDelayed(transfers[i], delayed, out _, 12)).IsPending)
                    loop.Clock.Spin();
                Assert.True(done.IsSuccess, ScmiStatusNames.Describe(done));
                Assert.Equal(1_000_000_000UL + (ulong)(round % 4 + i) * 100_000_000UL, BinaryPrimitives.ReadUInt64LittleEndian(delayed.AsSpan(4)));
            }
            agent.ProcessPlatformMessages();
        }
        for (int i = 0; i < 100; i++)
        {
            loop.Clock.Spin();
            agent.ProcessPlatformMessages();
        }

        ScmiAgentCounters c = agent.Counters;
        Assert.True(commands > 1400);
        Assert.Equal((ulong)commands, c.Sent - sent0);
        Assert.Equal(c.Sent, c.Completed);
        Assert.Equal(c.Sent, c.SentInterrupt + c.SentPolled);
        Assert.Equal(0ul, c.TimedOut + c.Failed + c.NotSent + c.AsyncRefused + c.DelayedTimedOut + c.DelayedLate + c.PlatformMessagesInvalid);
        Assert.Equal((ulong)asyncCommands, c.AsyncSent);
        Assert.Equal(c.AsyncSent, c.DelayedPaired);
        if (fault == "duplicate")
            Assert.Equal(c.AsyncSent, c.DelayedDuplicate + c.DelayedUnexpected);
        else
            Assert.Equal(0ul, c.DelayedDuplicate + c.DelayedUnexpected);
        Assert.Equal((ulong)handler.Seen.Count, c.NotificationsDispatched);
        Assert.True(handler.Seen.Count > 0);
        Assert.Equal(0, agent.TransfersInUse);
        Assert.Equal(0, loop.Channel.Tokens.HeldCount);
        Assert.Equal(loop.Channel.Capabilities.MaxInFlight, loop.Channel.FreeMessages);
        Assert.Equal(c.Sent, loop.Channel.Counters.Sent);
        Assert.Equal(loop.AllocationsAtSeal, loop.Memory.Allocations);
    }
}
