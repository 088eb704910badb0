// One owner per queue on target: an interrupt handler entering a queue its victim is inside panics, naming both.
using Nano.Runtime;
using Nano.Runtime.Native;
using Nano.TestFramework;
using Virtio;

namespace Virtio.Ring.Tests;

/// <summary>
/// A notifier that raises a spare SPI from inside <see cref="SplitQueue.Kick"/> and waits for its handler,
/// so the handler runs exactly while the thread is inside the queue, and a handler that drains the queue.
/// </summary>
[TestClass]
public class ReentryTests
{
    // An SPI no device on QEMU virt raises; pended from software.
    private const uint SpareIntid = 100;

    private static SplitQueue? s_victim;
    private static SplitQueue? s_idle;
    private static SplitQueue? s_target;
    private static DmaRegion? s_buffer;
    private static volatile bool s_handlerRan;
    private static QueueStatus s_handlerStatus;

    [Setup]
    public static void BringUp()
    {
        var notifier = new InterruptingNotifier();
        s_victim = SplitQueue.Create(0, 8, 4, eventIndex: false, HeapDmaAllocator.Instance, BarrierMemoryOrdering.Instance, notifier);
        s_idle = SplitQueue.Create(1, 8, 4, eventIndex: false, HeapDmaAllocator.Instance, BarrierMemoryOrdering.Instance, notifier);
        s_buffer = HeapDmaAllocator.Instance.Allocate(64, 16);
        Assert.IsNotNull(s_victim, "queue memory");
        Assert.IsNotNull(s_idle, "queue memory");
        Assert.IsNotNull(s_buffer, "buffer memory");
        s_victim!.MarkLive();
        s_idle!.MarkLive();
        Interrupts.Register(SpareIntid, new DrainingHandler());
        Interrupts.Configure(SpareIntid, InterruptTrigger.Edge);
        Interrupts.Enable(SpareIntid);
    }

    [Cleanup]
    public static void ForgetHandler() => Interrupts.Unregister(SpareIntid);

    [TestMethod]
    public static unsafe void An_interrupt_handler_draining_a_queue_its_thread_is_kicking_panics_naming_both()
    {
        s_target = s_victim;
        s_handlerRan = false;
        Assert.AreEqual(Panic.ExitCode, Recovery.Run(&SubmitAndKick), "nested use must panic");
        Assert.IsTrue(s_handlerRan, "the handler ran inside Kick");
        Assert.AreEqual("SplitQueue.TryTakeUsed re-entered during SplitQueue.Kick", Panic.LastReason, "the panic names both methods");
    }

    [TestMethod]
    public static unsafe void The_same_handler_draining_an_idle_queue_is_accepted()
    {
        s_target = s_idle;
        s_handlerRan = false;
        Assert.AreEqual(0, Recovery.Run(&PendAndWait), "no nesting, no panic");
        Assert.IsTrue(s_handlerRan, "the handler ran");
        Assert.AreEqual((int)QueueStatus.Empty, (int)s_handlerStatus, "nothing to take");
        Assert.AreEqual((int)QueueOperation.None, (int)s_idle!.RunningOperation, "idle again");
    }

    private static void SubmitAndKick()
    {
        SplitQueue queue = s_target!;
        queue.SubmitWritable(s_buffer!.Slice(0, 8), 1, out _);
        queue.Kick();
    }

    private static void PendAndWait() => InterruptingNotifier.RaiseAndWait();

    /// <summary>Drains the target queue in IRQ context, as a transport's interrupt handler would.</summary>
    private sealed class DrainingHandler : InterruptHandler
    {
        public override void OnInterrupt(uint intid)
        {
            s_handlerRan = true;
            s_handlerStatus = s_target!.TryTakeUsed(out _);
        }
    }

    /// <summary>Notifies by raising the spare SPI and waiting until its handler has run.</summary>
    private sealed class InterruptingNotifier : QueueNotifier
    {
        public override void NotifyQueue(ushort queueIndex) => RaiseAndWait();

        public static void RaiseAndWait()
        {
            Interrupts.SetPending(SpareIntid);
            ulong deadline = Clock.Ticks + Clock.MicrosecondsToTicks(100_000);
            while (!s_handlerRan && Clock.Ticks < deadline)
            {
            }
        }
    }
}
