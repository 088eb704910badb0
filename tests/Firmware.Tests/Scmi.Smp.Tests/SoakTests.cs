// Four CPUs send at once against a platform that delays, reorders and answers late: every command ends exactly
// once, every late reply comes back and is discarded, no buffer is reused while the device owns it.
using Nano.Runtime.Native;
using Nano.TestFramework;
using Runtime.Smp.Tests;
using Scmi.Transport.Tests;
using Scmi.Virtio;

namespace Scmi.Smp.Tests;

[TestClass]
public static unsafe class SoakTests
{
    /// <summary>Far below the late fault's 150 ms, far above a round trip even on a loaded host.</summary>
    private const ulong SoakDeadlineMicroseconds = 40_000;
    private const int RaceCommands = 20_000;
    /// <summary>Deadlines 0, 0.5, .. 7.5 ms, around a round trip with 24 commands in flight; past it a command is given up
    /// the moment another CPU is inside the queues (draining, perhaps this very reply): the give-up races the drainer.</summary>
    private const ulong RaceDeadlineStepMicroseconds = 500;
    /// <summary>The late fault holds a reply 150 ms; on a loaded host give the last ones far longer than that.</summary>
    private const ulong LateRepliesWaitMicroseconds = 5_000_000;

    [Setup]
    public static void BringUp()
    {
        if (Channel.Transport is not null)
            return;
        Poller.Allocate();
        CommandMix.Allocate();
        ScmiVirtioTransport transport = Channel.Up();
        CommandMix.ReadRates(transport);
    }

    [TestMethod]
    public static void Hundred_thousand_commands_from_four_cpus_with_late_replies()
    {
        TransportFigures delta = RunAndCheck("soak", Poller.MaximumCommands, SoakDeadlineMicroseconds, 0, giveUpDuringDrain: false);
        Assert.IsTrue(Poller.Total(Poller.TimedOut) > 0, "the late fault made commands time out");
        Assert.IsTrue(delta.Interrupts > 0, "the device interrupted");
        Assert.IsTrue(delta.HandedOver > 0, "sends met another CPU inside the queues and handed their message over");
    }

    [TestMethod]
    public static void Twenty_thousand_commands_given_up_as_their_replies_arrive()
    {
        TransportFigures delta = RunAndCheck("give-up race", RaceCommands, 0, RaceDeadlineStepMicroseconds, giveUpDuringDrain: true);
        Assert.IsTrue(Poller.Total(Poller.TimedOut) > 0 && Poller.Total(Poller.Ok) > 0, "some commands answered, some given up");
        // The race was run: some replies were completed by a drainer just before their sender's MarkTxDone(timedOut).
        Assert.IsTrue(delta.Replied > (ulong)Poller.Total(Poller.Ok), "replies that beat their sender's give-up");
    }

    /// <summary>
    /// Runs <paramref name="commands"/> commands on every CPU at once, waits for the late replies, prints the figures,
    /// and checks what must hold whatever the deadlines: the ledger, the pool, the tokens, the counters, the heap.
    /// </summary>
    private static TransportFigures RunAndCheck(string run, int commands, ulong deadline, ulong deadlineStep, bool giveUpDuringDrain)
    {
        ScmiVirtioTransport t = Channel.Transport!;
        var before = TransportFigures.Of(t.Counters);
        int tokensBefore = t.Tokens.HeldCount;
        Poller.Reset(t, commands, deadline, deadlineStep, giveUpDuringDrain);

        ulong start = Clock.Microseconds;
        Parallel.Run(&Poller.Run);
        ulong ended = Clock.Microseconds;
        // Replies given up on still come back (drained by the interrupt on CPU 0, which discards them).
        while (t.HeldByDevice != 0 && Clock.Microseconds - ended < LateRepliesWaitMicroseconds)
            Clock.Delay(1_000);
        ulong lateWait = Clock.Microseconds - ended;
        TransportFigures delta = TransportFigures.Of(t.Counters).Since(before);
        SoakTable.Print(run, ended - start, delta, lateWait);

        // The ledger: each command ended exactly once, none missing, none with a reply that was not its own.
        int answered = Poller.CountLedger(Poller.Answered);
        int givenUp = Poller.CountLedger(Poller.GivenUp);
        Assert.AreEqual(0, Poller.EndedTwice, "commands ended twice");
        Assert.AreEqual(0, Poller.CountLedger(Poller.Wrong), "commands refused, failed or answered with another command's reply");
        Assert.AreEqual(0, Poller.CountLedger(Poller.Open), "commands that never ended");
        Assert.AreEqual(commands, answered + givenUp, "commands answered or timed out");

        // Every buffer back from the device, every message back in the pool, every token released.
        Assert.AreEqual(0, t.HeldByDevice, "messages the device still holds after the late replies' wait");
        Assert.AreEqual(t.Capabilities.MaxInFlight, t.FreeMessages, "pool whole");
        Assert.AreEqual(tokensBefore, t.Tokens.HeldCount, "tokens held");

        // The transport agrees with the ledger: every given-up command's reply came back late and was discarded.
        Assert.AreEqual((ulong)commands, delta.Sent, "Sent");
        Assert.AreEqual((ulong)givenUp, delta.TimedOut, "TimedOut = commands the senders gave up");
        Assert.AreEqual(delta.TimedOut, delta.Late, "Late = TimedOut: every timed-out reply came back");
        // Replied counts replies that found their message awaited; one that beat its sender's MarkTxDone(timedOut) by a
        // hair is counted Replied and Late, so Replied lies between the answered commands and all of them.
        Assert.IsTrue(delta.Replied >= (ulong)answered && delta.Replied <= (ulong)commands, "Replied between answered and sent");
        Assert.AreEqual(0UL, delta.Unexpected, "Unexpected (a reply in a buffer reused while device-owned)");
        Assert.AreEqual(0UL, delta.Malformed, "Malformed");
        Assert.AreEqual(0UL, delta.RingResets, "RingResets");
        Channel.AssertNothingAllocated();

        // The run was what it claims: all four CPUs sent, and CPU 0 also by interrupt.
        for (int cpu = 0; cpu < Parallel.Cpus; cpu++)
            Assert.IsTrue(Poller.Tally(cpu, Poller.Sent) * 10 >= commands, "every CPU sent at least 10 % of the commands");
        Assert.IsTrue(Poller.Tally(0, Poller.ByInterrupt) > 0, "CPU 0 sent commands completed by interrupt");
        return delta;
    }
}
