// Entropy by interrupt: the transport's GIC SPI, InterruptStatus read and acknowledged, used buffers drained in IRQ context.
using Nano.Runtime.Native;
using Nano.TestFramework;
using Virtio;

namespace Virtio.Entropy.Tests;

[TestClass]
public class InterruptTests
{
    private static SplitQueue? s_queue;

    [Setup]
    public static void BringUp()
    {
        s_queue = EntropyDevice.Start(eventIndex: false);
        EntropyDevice.AttachInterrupt();
    }

    [Cleanup]
    public static void ShutDown()
    {
        EntropyDevice.DetachInterrupt();
        Assert.IsTrue(EntropyDevice.Device!.Shutdown(), "reset");
    }

    [TestMethod]
    public static void Entropy_arrives_by_interrupt()
    {
        RequestAndWait(s_queue!, token: 11);
    }

    [TestMethod]
    public static void A_hundred_requests_each_raise_an_interrupt_and_complete()
    {
        SplitQueue queue = s_queue!;
        ulong delivered = Interrupts.DeliveredCount;
        for (int i = 0; i < 100; i++)
            RequestAndWait(queue, token: i);
        Assert.IsTrue(Interrupts.DeliveredCount - delivered >= 100, "one interrupt per request at least");
        Assert.AreEqual(0, EntropyDevice.Collector.Rejections, "rejections");
    }

    [TestMethod]
    public static void With_callbacks_disabled_no_interrupt_comes_and_polling_still_finds_the_buffer()
    {
        SplitQueue queue = s_queue!;
        EntropyCollector collector = EntropyDevice.Collector;
        collector.Clear();
        queue.DisableCallbacks();
        ushort snapshot = queue.UsedIndexSnapshot();
        Assert.AreEqual((int)QueueStatus.Ok, (int)queue.SubmitWritable(EntropyDevice.Buffers[1]!.All, 5, out _), "submit");
        queue.Kick();
        Polling.UntilUsedIndexMoves(queue, snapshot);
        Clock.Delay(1000); // give a (wrong) interrupt time to arrive
        Assert.AreEqual(0, collector.Interrupts, "VIRTQ_AVAIL_F_NO_INTERRUPT honoured");
        Assert.AreEqual(5, Polling.TakeOne(queue).Token, "token");
        Assert.IsTrue(queue.EnableCallbacks(), "nothing left after re-enabling");
    }

    [TestMethod]
    public static void Eight_requests_in_flight_are_all_drained_by_the_interrupt_handler()
    {
        SplitQueue queue = s_queue!;
        EntropyCollector collector = EntropyDevice.Collector;
        collector.Clear();
        // The handler takes used buffers in IRQ context: submissions run with interrupts masked (see SplitQueue, Concurrency).
        ulong state = Cpu.SaveAndDisable();
        for (int i = 0; i < EntropyDevice.BufferCount; i++)
            Assert.AreEqual((int)QueueStatus.Ok, (int)queue.SubmitWritable(EntropyDevice.Buffers[i]!.All, i, out _), "submit");
        queue.Kick();
        Cpu.Restore(state);
        ulong deadline = Clock.Ticks + Clock.MicrosecondsToTicks(Polling.TimeoutMicroseconds);
        while (collector.Completions < EntropyDevice.BufferCount)
        {
            if (Clock.Ticks > deadline)
                Assert.Fail("not every request came back by interrupt");
        }
        Assert.AreEqual(EntropyDevice.BufferCount, collector.Completions, "completions");
        Assert.AreEqual(EntropyDevice.BufferCount, queue.FreeDescriptors, "all descriptors free");
        Assert.AreEqual(0, collector.Rejections, "rejections");
    }

    internal static void RequestAndWait(SplitQueue queue, int token)
    {
        EntropyCollector collector = EntropyDevice.Collector;
        collector.Clear();
        ulong state = Cpu.SaveAndDisable();
        Assert.AreEqual((int)QueueStatus.Ok, (int)queue.SubmitWritable(EntropyDevice.Buffers[0]!.All, token, out _), "submit");
        queue.Kick();
        Cpu.Restore(state);
        ulong deadline = Clock.Ticks + Clock.MicrosecondsToTicks(Polling.TimeoutMicroseconds);
        while (collector.Completions == 0)
        {
            if (Clock.Ticks > deadline)
                Assert.Fail("no used-buffer interrupt in time");
        }
        Assert.IsTrue(collector.Interrupts >= 1, "completed by the interrupt handler");
        Assert.AreEqual(token, collector.LastToken, "token");
        Assert.AreEqual((uint)EntropyDevice.BufferBytes, collector.LastLength, "bytes of entropy");
    }
}
