// The same device with VIRTIO_F_EVENT_IDX negotiated: used_event / avail_event suppression (virtio 1.3 §2.7.7, §2.7.10).
using Nano.Runtime.Native;
using Nano.TestFramework;
using Virtio;

namespace Virtio.Entropy.Tests;

[TestClass]
public class EventIndexTests
{
    private static SplitQueue? s_queue;

    [Setup]
    public static void BringUp()
    {
        s_queue = EntropyDevice.Start(eventIndex: true);
        EntropyDevice.AttachInterrupt();
    }

    [Cleanup]
    public static void ShutDown()
    {
        EntropyDevice.DetachInterrupt();
        Assert.IsTrue(EntropyDevice.Device!.Shutdown(), "reset");
    }

    [TestMethod]
    public static void Entropy_arrives_by_interrupt_with_event_index()
    {
        for (int i = 0; i < 50; i++)
            InterruptTests.RequestAndWait(s_queue!, token: 100 + i);
        Assert.AreEqual(0, EntropyDevice.Collector.Rejections, "rejections");
    }

    [TestMethod]
    public static void Seventy_thousand_polled_requests_cross_the_wrap_with_event_index_suppression()
    {
        SplitQueue queue = s_queue!;
        EntropyDevice.DetachInterrupt();
        queue.DisableCallbacks();
        ulong completedBefore = queue.Counters.Completed;
        ulong sentBefore = queue.Counters.NotificationsSent;
        const int rounds = 70_000;
        for (int i = 0; i < rounds; i++)
        {
            queue.SubmitWritable(EntropyDevice.Buffers[i & 7]!.Slice(0, 8), i, out _);
            if ((i & 3) == 3 || i == rounds - 1)
            {
                queue.Kick();
                while (queue.InFlight > 0)
                    Polling.TakeOne(queue);
            }
        }
        Assert.AreEqual((ulong)rounds, queue.Counters.Completed - completedBefore, "completions");
        Assert.AreEqual(0ul, queue.Counters.Rejected, "rejections");
        OutputHelper.Write("event-index kicks: notifications sent ");
        OutputHelper.Write(queue.Counters.NotificationsSent - sentBefore);
        OutputHelper.Write(", suppressed ");
        OutputHelper.Write(queue.Counters.NotificationsSuppressed);
        OutputHelper.WriteLine("");
        Assert.IsTrue(queue.EnableCallbacks(), "nothing pending at the end");
        EntropyDevice.AttachInterrupt();
    }
}
