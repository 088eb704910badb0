// A thread polls queue properties an interrupt handler changes: each read must reach memory every time round.
using Nano.Runtime.Native;
using Nano.TestFramework;
using Virtio;

namespace Virtio.Ring.Tests;

/// <summary>
/// The thread spins on one property with nothing else in the loop (no call the compiler must assume writes
/// memory) while a timer handler, the queue's owner for that moment, takes the used chain. A property backed
/// by a plain field read is loaded once and the loop never sees the change: the spin runs out and the test fails.
/// </summary>
[TestClass]
public class PolledPropertyTests
{
    // Far more iterations than the 20 ms until the timer fires needs (QEMU's virtual timer runs on host
    // time), few enough to end within the suite's time limit when the read is hoisted.
    private const int SpinLimit = 1_000_000_000;
    private const ulong HandlerDelayMicroseconds = 20_000;

    private static RamDevice? s_device;
    private static SplitQueue? s_queue;
    private static DmaRegion? s_buffer;

    [Setup]
    public static void BringUp()
    {
        s_device = new RamDevice(8);
        s_queue = SplitQueue.Create(0, 8, 4, eventIndex: false, HeapDmaAllocator.Instance, BarrierMemoryOrdering.Instance, s_device);
        s_buffer = HeapDmaAllocator.Instance.Allocate(16, 16);
        Assert.IsNotNull(s_queue, "queue memory");
        Assert.IsNotNull(s_buffer, "buffer memory");
    }

    private static SplitQueue OneChainUsed()
    {
        SplitQueue queue = s_queue!;
        queue.ReclaimAfterReset();
        queue.MarkLive();
        s_device!.Attach(queue);
        queue.SubmitWritable(s_buffer!.All, 5, out _);
        queue.Kick();
        s_device.PushUsed((uint)s_device.TryPop(out _, out _), 16);
        return queue;
    }

    [TestMethod]
    public static unsafe void A_thread_spinning_on_InFlight_sees_the_timer_handler_take_the_chain()
    {
        SplitQueue queue = OneChainUsed();
        Assert.AreEqual(1, queue.InFlight, "one chain in flight");
        Clock.SetTimeout(HandlerDelayMicroseconds, &TakeFromHandler);
        int spins = 0;
        while (queue.InFlight != 0 && spins < SpinLimit)
            spins++;
        RequireTheSpinStartedFirst(spins);
        Assert.IsTrue(spins < SpinLimit, "the spin saw InFlight reach 0");
    }

    [TestMethod]
    public static unsafe void A_thread_spinning_on_a_counter_sees_the_timer_handler_advance_it()
    {
        SplitQueue queue = OneChainUsed();
        ulong completed = queue.Counters.Completed;
        Clock.SetTimeout(HandlerDelayMicroseconds, &TakeFromHandler);
        int spins = 0;
        while (queue.Counters.Completed == completed && spins < SpinLimit)
            spins++;
        RequireTheSpinStartedFirst(spins);
        Assert.IsTrue(spins < SpinLimit, "the spin saw Counters.Completed move");
    }

    // A host that stalls QEMU for 20 ms between arming the timer and the first read would let even a hoisted
    // read see the new value: such a run proves nothing either way.
    private static void RequireTheSpinStartedFirst(int spins)
    {
        if (spins == 0)
            Assert.SkipTest("inconclusive: the handler ran before the spin began");
    }

    private static void TakeFromHandler() => s_queue!.TryTakeUsed(out _);
}
