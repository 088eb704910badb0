// One owner per queue: a mutating call made while another is running is refused loudly, never interleaved.
using Virtio.Tests.Doubles;

namespace Virtio.Tests;

public class ReentryGuardTests
{
    [Fact]
    public void Taking_used_buffers_from_inside_a_kick_is_refused_naming_both_methods()
    {
        var bench = new QueueBench();
        Assert.Equal(QueueStatus.Ok, bench.Queue.SubmitWritable(bench.Buffer(8).All, 1, out _));
        string? refusal = null;
        // The barrier inside Kick is where an interrupt handler could run on target.
        bench.Ordering.OnBarrier = barrier =>
        {
            bench.Ordering.OnBarrier = null;
            refusal = Assert.Throws<InvalidOperationException>(() => bench.Queue.TryTakeUsed(out _)).Message;
        };
        bench.Queue.Kick();
        Assert.Equal("SplitQueue.TryTakeUsed re-entered during SplitQueue.Kick", refusal);
    }

    [Fact]
    public void A_submission_from_inside_a_notification_is_refused()
    {
        var bench = new QueueBench();
        Assert.Equal(QueueStatus.Ok, bench.Queue.SubmitWritable(bench.Buffer(8).All, 1, out _));
        string? refusal = null;
        bench.Notifier.OnNotify = () =>
            refusal = Assert.Throws<InvalidOperationException>(() => bench.Queue.SubmitWritable(bench.Buffer(8).All, 2, out _)).Message;
        Assert.True(bench.Queue.Kick());
        Assert.Equal("SplitQueue.Submit re-entered during SplitQueue.Kick", refusal);
        Assert.Equal(1, bench.Queue.InFlight);
    }

    [Theory]
    [InlineData(QueueOperation.Submit)]
    [InlineData(QueueOperation.Kick)]
    [InlineData(QueueOperation.TryTakeUsed)]
    [InlineData(QueueOperation.EnableCallbacks)]
    [InlineData(QueueOperation.DisableCallbacks)]
    [InlineData(QueueOperation.MarkLive)]
    [InlineData(QueueOperation.ReclaimAfterReset)]
    public void Every_mutating_method_refuses_to_run_inside_another(QueueOperation nested)
    {
        var bench = new QueueBench(live: false);
        Assert.Equal(QueueStatus.Ok, bench.Queue.SubmitWritable(bench.Buffer(8).All, 1, out _));
        string? refusal = null;
        bench.Ordering.OnBarrier = barrier =>
        {
            bench.Ordering.OnBarrier = null;
            Assert.Equal(QueueOperation.Kick, bench.Queue.RunningOperation);
            refusal = Assert.Throws<InvalidOperationException>(() => Call(bench, nested)).Message;
        };
        bench.Queue.Kick();
        Assert.Equal($"{QueueOperationNames.Of(nested)} re-entered during SplitQueue.Kick", refusal);
    }

    [Fact]
    public void The_same_calls_one_after_another_are_accepted_and_leave_the_queue_idle()
    {
        var bench = new QueueBench(live: false);
        foreach (QueueOperation operation in Enum.GetValues<QueueOperation>().Where(o => o != QueueOperation.None))
        {
            Call(bench, operation);
            Assert.Equal(QueueOperation.None, bench.Queue.RunningOperation);
        }
    }

    [Fact]
    public void Observers_may_look_while_an_operation_runs()
    {
        var bench = new QueueBench();
        Assert.Equal(QueueStatus.Ok, bench.Queue.SubmitWritable(bench.Buffer(8).All, 1, out _));
        int seenInFlight = -1;
        bench.Ordering.OnBarrier = barrier =>
        {
            bench.Ordering.OnBarrier = null;
            seenInFlight = bench.Queue.InFlight;
            _ = bench.Queue.FreeDescriptors + bench.Queue.UsedIndexSnapshot();
            _ = bench.Queue.HasUsed || bench.Queue.IsBroken || bench.Queue.CallbacksEnabled;
        };
        bench.Queue.Kick();
        Assert.Equal(1, seenInFlight);
    }

    private static void Call(QueueBench bench, QueueOperation operation)
    {
        switch (operation)
        {
            case QueueOperation.Submit: bench.Queue.SubmitWritable(bench.Buffer(8).All, 9, out _); break;
            case QueueOperation.Kick: bench.Queue.Kick(); break;
            case QueueOperation.TryTakeUsed: bench.Queue.TryTakeUsed(out _); break;
            case QueueOperation.EnableCallbacks: bench.Queue.EnableCallbacks(); break;
            case QueueOperation.DisableCallbacks: bench.Queue.DisableCallbacks(); break;
            case QueueOperation.MarkLive: bench.Queue.MarkLive(); break;
            case QueueOperation.ReclaimAfterReset: bench.Queue.ReclaimAfterReset(); break;
            default: throw new ArgumentOutOfRangeException(nameof(operation));
        }
    }
}
