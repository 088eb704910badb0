// After Heap.Seal() any allocation panics: the queue's steady state must run under a sealed heap.
using Nano.Runtime;
using Nano.TestFramework;
using Virtio;

namespace Virtio.Ring.Tests;

/// <summary>
/// Runs last (the runner takes classes in name order): seals the heap, then drives the queue through
/// submissions, completions, hostile entries and a reset. An allocation anywhere on these paths would
/// panic and fail the test, so passing proves them allocation-free.
/// </summary>
[TestClass]
public class SealedHeapTests
{
    private static RamDevice? s_device;
    private static SplitQueue? s_queue;
    private static DmaRegion? s_buffer;

    [Setup]
    public static void BringUpThenSeal()
    {
        s_device = new RamDevice(8);
        s_queue = SplitQueue.Create(0, 8, 4, eventIndex: true, HeapDmaAllocator.Instance, BarrierMemoryOrdering.Instance, s_device);
        s_buffer = HeapDmaAllocator.Instance.Allocate(64, 16);
        Assert.IsNotNull(s_queue, "queue memory");
        Assert.IsNotNull(s_buffer, "buffer memory");
        s_device.Attach(s_queue!);
        s_queue!.MarkLive();
        Heap.Seal();
    }

    [TestMethod]
    public static void The_queue_runs_round_trips_rejections_and_a_reset_without_allocating()
    {
        SplitQueue queue = s_queue!;
        RamDevice device = s_device!;
        for (int i = 0; i < 10_000; i++)
        {
            queue.SubmitWritable(s_buffer!.Slice(0, 16), i, out _);
            queue.Kick();
            int head = device.TryPop(out _, out _);
            bool lie = i % 1000 == 999;
            device.PushUsed((uint)head, lie ? 17u : 16u);
            QueueStatus status = queue.TryTakeUsed(out _);
            if (status != (lie ? QueueStatus.UsedLengthTooLarge : QueueStatus.Ok))
                Assert.Fail("unexpected status");
            if (i % 2500 == 2499)
            {
                // The recovery path (reset, reclaim, live again) must not allocate either.
                queue.ReclaimAfterReset();
                device.Attach(queue);
                queue.MarkLive();
            }
        }
        queue.DisableCallbacks();
        Assert.IsTrue(queue.EnableCallbacks(), "nothing pending");
        queue.ReclaimAfterReset();
        Assert.AreEqual(10ul, queue.Counters.RejectedLength, "lies counted");
        Assert.AreEqual(0ul, queue.Counters.Broken, "a lying length does not break the ring");
        Assert.IsTrue(Heap.IsSealed, "still sealed");
    }

    [TestMethod]
    public static void A_queue_asked_for_after_the_seal_is_refused_not_a_panic()
    {
        Assert.IsNull(SplitQueue.Create(1, 8, 4, false, HeapDmaAllocator.Instance, BarrierMemoryOrdering.Instance, s_device!), "no queue after the seal");
    }
}
