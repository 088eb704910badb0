// Senders on several CPUs: a send that finds another context inside the queues hands its message over, explored over every schedule.
using Scmi.Tests.Doubles;
using Scmi.Virtio;
using Xunit.Abstractions;

namespace Scmi.Tests;

public class HandOverRaceTests
{
    private readonly ITestOutputHelper _output;

    public HandOverRaceTests(ITestOutputHelper output) => _output = output;

    /// <summary>A channel with nothing sent yet; its device answers only when a context (or the check) tells it to.</summary>
    private sealed class World
    {
        public World(int messages)
        {
            Loop = new Loopback(delivery: InterruptDelivery.Off, backendFactory: m => new HostileDevice(m), queueSizeMax: 8, memoryBytes: 1 << 16);
            Loop.Hostile.AutoReply = false;
            Handles = new ScmiMessageHandle[messages];
            Outcomes = new ScmiTransportResult[messages];
        }

        public Loopback Loop { get; }
        public ScmiVirtioTransport Channel => Loop.Channel;
        public ScmiMessageHandle[] Handles { get; }
        public ScmiTransportResult[] Outcomes { get; }
        public bool ShutDown { get; set; }

        private bool Send(int index, bool poll)
        {
            Outcomes[index] = Channel.Send(ScmiHeader.Command(ScmiProtocolId.Base, 0), default, 4, 4, poll, out Handles[index]);
            return Outcomes[index] == ScmiTransportResult.Ok;
        }

        /// <summary>A poller on its own CPU: sends, polls up to <paramref name="attempts"/> times, then gives up.</summary>
        public Action SendThenPoll(int index, int attempts) => () =>
        {
            if (Send(index, poll: true))
                Outcomes[index] = ScmiVirtioTransportRaceSupport.PollThenGiveUp(Channel, Handles[index], attempts, yieldBetween: true);
        };

        /// <summary>A sender whose deadline passes at once: it gives up right after the send returns.</summary>
        public Action SendThenGiveUp(int index) => () =>
        {
            if (!Send(index, poll: false))
                return;
            Channel.MarkTxDone(Handles[index], timedOut: true);
            Outcomes[index] = ScmiTransportResult.TimedOut;
        };

        /// <summary>The device: answers whatever is exposed, then its interrupt is taken; <paramref name="rounds"/> looks.</summary>
        public Action DeviceAnswers(int rounds) => () =>
        {
            for (int r = 0; r < rounds; r++)
            {
                if (Loop.Hostile.Pending.Count == 0)
                {
                    ScmiVirtioTransportRaceSupport.Yield();
                    continue;
                }
                AnswerEverythingExposed();
                ScmiVirtioTransportRaceSupport.Yield();
                Channel.HandleInterrupt();
            }
        };

        /// <summary>Shutdown answers false when another context held the queues throughout; the check then calls it again.</summary>
        public Action Shutdown => () =>
        {
            ShutDown = true;
            Channel.Shutdown();
        };

        public void AnswerEverythingExposed()
        {
            foreach (TakenChain chain in Loop.Hostile.Pending.ToArray())
            {
                var reply = new byte[12];
                chain.Request.AsSpan(0, 4).CopyTo(reply);
                reply[8] = 0x2A;
                Loop.Hostile.Reply(chain, reply, 12, raise: false);
            }
        }
    }

    /// <summary>
    /// After every context ran to its end nothing may wait in the hand-over (the claim/flag protocol lost no send);
    /// then the device answers what is still exposed and its interrupt is taken, and each send ended exactly once:
    /// delivered, or timed out with its reply discarded as late.
    /// </summary>
    private static void CheckAfterwards(World w, string schedule)
    {
        ScmiVirtioTransport t = w.Channel;
        string where = $"schedule {schedule}";
        Assert.True(t.HandedOverWaiting == 0, $"{where}: {t.HandedOverWaiting} handed-over messages never exposed");
        Assert.False(t.IsOwnerHeld, $"{where}: owner word still held");
        if (w.ShutDown)
        {
            Assert.True(t.Shutdown(), $"{where}: shutdown with every context finished");
        }
        else
        {
            w.AnswerEverythingExposed();
            t.HandleInterrupt();
        }
        ScmiVirtioCounters c = t.Counters;
        int messages = w.Handles.Length;
        int delivered = w.Outcomes.Count(o => o == ScmiTransportResult.Ok);
        int timedOut = w.Outcomes.Count(o => o == ScmiTransportResult.TimedOut);
        Assert.True(t.HeldByDevice == 0, $"{where}: {t.HeldByDevice} messages still held");
        Assert.True(t.FreeMessages == t.Capabilities.MaxInFlight, $"{where}: {t.FreeMessages} free of {t.Capabilities.MaxInFlight}");
        Assert.True(c.Unexpected + c.Malformed + c.RingResets == 0, $"{where}: rejections");
        if (w.ShutDown)
            return;
        Assert.True(delivered + timedOut == messages, $"{where}: outcomes {string.Join(",", w.Outcomes)}");
        Assert.True(c.Sent == (ulong)messages, $"{where}: sent {c.Sent}");
        Assert.True(c.Late == (ulong)timedOut, $"{where}: late {c.Late} for {timedOut} timeouts");
        // A reply that beat its caller's timeout by a hair is both replied and late, so the two may overlap.
        Assert.True(c.Replied <= (ulong)messages && c.Replied + c.Late >= (ulong)messages, $"{where}: replied {c.Replied} late {c.Late}");
    }

    [Fact]
    public void Two_senders_and_the_interrupt_every_send_exposed_once_up_to_three_preemptions()
    {
        var scheduler = new RaceScheduler(preemptionBound: 3);
        scheduler.Explore(() => new World(messages: 2), w => [w.SendThenPoll(0, 3), w.SendThenPoll(1, 3), w.DeviceAnswers(3)], CheckAfterwards);
        _output.WriteLine($"{scheduler.Schedules} schedules, longest {scheduler.LongestSchedule} steps");
        Assert.True(scheduler.Schedules > 1_000);
    }

    [Fact]
    public void A_sender_giving_up_before_its_message_is_exposed_every_schedule_up_to_three_preemptions()
    {
        var scheduler = new RaceScheduler(preemptionBound: 3);
        scheduler.Explore(() => new World(messages: 2), w => [w.SendThenGiveUp(0), w.SendThenPoll(1, 2), w.DeviceAnswers(2)], CheckAfterwards);
        _output.WriteLine($"{scheduler.Schedules} schedules, longest {scheduler.LongestSchedule} steps");
        Assert.True(scheduler.Schedules > 1_000);
    }

    [Fact]
    public void A_send_racing_shutdown_is_never_left_handed_over_every_schedule()
    {
        var scheduler = new RaceScheduler(preemptionBound: 3);
        scheduler.Explore(() => new World(messages: 2), w => [w.SendThenPoll(0, 2), w.SendThenGiveUp(1), w.Shutdown], CheckAfterwards);
        _output.WriteLine($"{scheduler.Schedules} schedules, longest {scheduler.LongestSchedule} steps");
        Assert.True(scheduler.Schedules > 100);
    }
}
