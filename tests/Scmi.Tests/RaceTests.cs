// The interrupt and poll paths racing for one reply, explored over every schedule of their steps on a small pool.
using Scmi.Tests.Doubles;
using Scmi.Virtio;
using Xunit.Abstractions;

namespace Scmi.Tests;

public class RaceTests
{
    private readonly ITestOutputHelper _output;

    public RaceTests(ITestOutputHelper output) => _output = output;

    /// <summary>One polled (or interrupt-completed) message whose reply already sits in the used ring.</summary>
    private sealed class World
    {
        public World(bool poll, int messages = 1, bool replied = true, bool sent = true)
        {
            Loop = new Loopback(delivery: InterruptDelivery.Off, backendFactory: m => new HostileDevice(m), queueSizeMax: 8, memoryBytes: 1 << 16);
            Loop.Hostile.AutoReply = false;
            Handles = new ScmiMessageHandle[messages];
            Outcomes = new ScmiTransportResult[messages];
            for (int i = 0; i < (sent ? messages : 0); i++)
            {
                if (Loop.Channel.Send(ScmiHeader.Command(ScmiProtocolId.Base, 0), default, 4, 4, poll, out Handles[i]) != ScmiTransportResult.Ok)
                    throw new InvalidOperationException("send");
            }
            if (replied)
            {
                foreach (TakenChain chain in Loop.Hostile.Pending.ToArray())
                    Loop.Hostile.Reply(chain, Reply(chain), 12, raise: false);
            }
        }

        public Loopback Loop { get; }
        public ScmiVirtioTransport Channel => Loop.Channel;
        public ScmiMessageHandle[] Handles { get; }
        public ScmiTransportResult[] Outcomes { get; }

        private static byte[] Reply(TakenChain chain)
        {
            var reply = new byte[12];
            chain.Request.AsSpan(0, 4).CopyTo(reply);
            reply[8] = 0x2A;
            return reply;
        }

        /// <summary>A poller: up to <paramref name="attempts"/> PollDone calls, then it times out.</summary>
        public Action Poller(int index, int attempts) => () =>
            Outcomes[index] = ScmiVirtioTransportRaceSupport.PollThenGiveUp(Channel, Handles[index], attempts, yieldBetween: false);

        /// <summary>A thread waiting for interrupt completion: looks only, then times out.</summary>
        public Action Waiter(int index, int looks) => () =>
        {
            ScmiMessageHandle h = Handles[index];
            for (int i = 0; i < looks; i++)
            {
                if (Channel.IsDone(h))
                {
                    Outcomes[index] = Channel.FetchResponse(h, out _, new byte[4], out _);
                    Channel.MarkTxDone(h, false);
                    return;
                }
                ScmiVirtioTransportRaceSupport.Yield();
            }
            Channel.MarkTxDone(h, timedOut: true);
            Outcomes[index] = ScmiTransportResult.TimedOut;
        };

        public Action Interrupt => () => Channel.HandleInterrupt();

        /// <summary>The thread: sends (interrupt completion), then looks for the reply <paramref name="looks"/> times, then times out.</summary>
        public Action SendAndWait(int looks) => () =>
        {
            if (Channel.Send(ScmiHeader.Command(ScmiProtocolId.Base, 0), default, 4, 4, false, out Handles[0]) != ScmiTransportResult.Ok)
                throw new InvalidOperationException("send");
            Waiter(0, looks)();
        };

        /// <summary>The device: waits for the chain to be exposed, writes the reply, then its interrupt is taken.</summary>
        public Action DeviceAnswersWhenExposed => () =>
        {
            for (int i = 0; i < 4 && Loop.Hostile.Pending.Count == 0; i++)
                ScmiVirtioTransportRaceSupport.Yield();
            if (Loop.Hostile.Pending.Count == 0)
                return;
            TakenChain chain = Loop.Hostile.Pending[0];
            Loop.Hostile.Reply(chain, Reply(chain), 12, raise: false);
            ScmiVirtioTransportRaceSupport.Yield();
            Channel.HandleInterrupt();
        };

        /// <summary>The device: writes the reply (one step), then its interrupt is taken.</summary>
        public Action DeviceThenInterrupt(int index) => () =>
        {
            TakenChain chain = Loop.Hostile.Pending[index];
            Loop.Hostile.Reply(chain, Reply(chain), 12, raise: false);
            ScmiVirtioTransportRaceSupport.Yield();
            Channel.HandleInterrupt();
        };
    }

    private static void CheckAfterwards(World w, string schedule)
    {
        ScmiVirtioTransport t = w.Channel;
        ScmiVirtioCounters c = t.Counters;
        string where = $"schedule {schedule}";
        // Nothing stranded: the interrupt ran to its end, so whoever held the queues drained the reply.
        Assert.False(t.IsOwnerHeld, $"{where}: owner word still held");
        Assert.False(t.CommandQueue.HasUsed, $"{where}: a reply left in the used ring");
        Assert.True(t.HeldByDevice == 0, $"{where}: {t.HeldByDevice} messages still held");
        Assert.True(t.FreeMessages == t.Capabilities.MaxInFlight, $"{where}: {t.FreeMessages} free of {t.Capabilities.MaxInFlight}");
        int messages = w.Handles.Length;
        int delivered = w.Outcomes.Count(o => o == ScmiTransportResult.Ok);
        int timedOut = w.Outcomes.Count(o => o == ScmiTransportResult.TimedOut);
        Assert.True(delivered + timedOut == messages, $"{where}: outcomes {string.Join(",", w.Outcomes)}");
        // Each reply was taken exactly once: delivered, or discarded as late after its timeout.
        Assert.True(c.Late == (ulong)timedOut, $"{where}: late {c.Late} for {timedOut} timeouts");
        Assert.True(c.TimedOut == (ulong)timedOut, $"{where}: timed out {c.TimedOut}");
        Assert.True(c.Replied <= (ulong)messages && c.Replied + c.Late >= (ulong)messages, $"{where}: replied {c.Replied} late {c.Late}");
        Assert.True(c.Unexpected + c.Malformed + c.RingResets == 0, $"{where}: rejections");
    }

    [Fact]
    public void Poller_and_interrupt_racing_for_one_reply_every_schedule()
    {
        var scheduler = new RaceScheduler();
        scheduler.Explore(() => new World(poll: true), w => [w.Poller(0, attempts: 2), w.Interrupt], CheckAfterwards);
        _output.WriteLine($"{scheduler.Schedules} schedules, longest {scheduler.LongestSchedule} steps");
        Assert.True(scheduler.Schedules > 100);
    }

    [Fact]
    public void Interrupt_completion_racing_a_timeout_every_schedule()
    {
        var scheduler = new RaceScheduler();
        scheduler.Explore(() => new World(poll: false), w => [w.Waiter(0, looks: 2), w.Interrupt], CheckAfterwards);
        _output.WriteLine($"{scheduler.Schedules} schedules, longest {scheduler.LongestSchedule} steps");
        Assert.True(scheduler.Schedules > 10);
    }

    [Fact]
    public void A_reply_landing_while_the_poller_holds_the_queues_is_never_stranded_every_schedule()
    {
        var scheduler = new RaceScheduler();
        scheduler.Explore(() => new World(poll: true, replied: false), w => [w.Poller(0, attempts: 2), w.DeviceThenInterrupt(0)], CheckAfterwards);
        _output.WriteLine($"{scheduler.Schedules} schedules, longest {scheduler.LongestSchedule} steps");
        Assert.True(scheduler.Schedules > 100);
    }

    [Fact]
    public void A_reply_landing_while_the_thread_waits_for_its_interrupt_every_schedule()
    {
        var scheduler = new RaceScheduler();
        scheduler.Explore(() => new World(poll: false, replied: false), w => [w.Waiter(0, looks: 3), w.DeviceThenInterrupt(0)], CheckAfterwards);
        _output.WriteLine($"{scheduler.Schedules} schedules, longest {scheduler.LongestSchedule} steps");
        Assert.True(scheduler.Schedules > 5);
    }

    [Fact]
    public void A_reply_landing_while_the_sender_holds_the_queues_is_never_stranded_up_to_six_preemptions()
    {
        var scheduler = new RaceScheduler(preemptionBound: 6);
        scheduler.Explore(() => new World(poll: false, sent: false), w => [w.SendAndWait(looks: 2), w.DeviceAnswersWhenExposed], (w, schedule) =>
        {
            // The device gave up waiting only in schedules where the send came too late for it; otherwise nothing may be left behind.
            if (w.Channel.Counters.Sent == 1 && w.Loop.Hostile.Pending.Count == 0)
                CheckAfterwards(w, schedule);
        });
        _output.WriteLine($"{scheduler.Schedules} schedules, longest {scheduler.LongestSchedule} steps");
        Assert.True(scheduler.Schedules > 20);
    }

    [Fact]
    public void Two_pollers_and_the_interrupt_on_a_small_pool_up_to_three_preemptions()
    {
        var scheduler = new RaceScheduler(preemptionBound: 3);
        scheduler.Explore(() => new World(poll: true, messages: 2), w => [w.Poller(0, 2), w.Poller(1, 2), w.Interrupt], CheckAfterwards);
        _output.WriteLine($"{scheduler.Schedules} schedules, longest {scheduler.LongestSchedule} steps");
        Assert.True(scheduler.Schedules > 100);
    }
}

/// <summary>Lets a test context offer the scheduler a switch outside the transport (a waiter's idle step).</summary>
internal static class ScmiVirtioTransportRaceSupport
{
    public static void Yield() => ScmiVirtioTransport.InterleavingPoint?.Invoke();

    /// <summary>A poller: up to <paramref name="attempts"/> PollDone calls, then it gives up (MarkTxDone timed out).</summary>
    public static ScmiTransportResult PollThenGiveUp(ScmiVirtioTransport channel, ScmiMessageHandle h, int attempts, bool yieldBetween)
    {
        for (int i = 0; i < attempts; i++)
        {
            if (channel.PollDone(h))
            {
                ScmiTransportResult fetched = channel.FetchResponse(h, out _, new byte[4], out _);
                channel.MarkTxDone(h, false);
                return fetched;
            }
            if (yieldBetween)
                Yield();
        }
        channel.MarkTxDone(h, timedOut: true);
        return ScmiTransportResult.TimedOut;
    }
}
