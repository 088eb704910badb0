// The split virtqueue compiled into the image, against the in-memory device: ownership, hostile used rings, wrap.
using Nano.Runtime;
using Nano.TestFramework;
using Virtio;

namespace Virtio.Ring.Tests;

[TestClass]
public class RingTests
{
    private const ushort Size = 8;
    private static RamDevice? s_device;
    private static SplitQueue? s_queue;
    private static DmaRegion? s_buffer;

    [Setup]
    public static void BringUp()
    {
        s_device = new RamDevice(Size);
        s_queue = SplitQueue.Create(0, Size, 4, eventIndex: false, HeapDmaAllocator.Instance, BarrierMemoryOrdering.Instance, s_device);
        Assert.IsNotNull(s_queue, "queue memory");
        s_buffer = HeapDmaAllocator.Instance.Allocate(64, 16);
        Assert.IsNotNull(s_buffer, "buffer memory");
        s_device.Attach(s_queue!);
        s_queue!.MarkLive();
    }

    private static SplitQueue Fresh()
    {
        SplitQueue queue = s_queue!;
        queue.ReclaimAfterReset();
        queue.MarkLive();
        s_device!.Attach(queue);
        return queue;
    }

    [TestMethod]
    public static void Completions_in_reverse_order_return_each_chain_with_its_token()
    {
        SplitQueue queue = Fresh();
        RamDevice device = s_device!;
        for (int i = 0; i < Size; i++)
            Assert.AreEqual((int)QueueStatus.Ok, (int)queue.SubmitWritable(s_buffer!.Slice(i * 8, 8), 100 + i, out _), "submit");
        Assert.IsTrue(queue.Kick(), "notified");
        System.Span<int> heads = stackalloc int[Size];
        for (int i = 0; i < Size; i++)
        {
            heads[i] = device.TryPop(out int elements, out uint writable);
            Assert.AreEqual(1, elements, "one descriptor per chain");
            Assert.AreEqual(8u, writable, "writable bytes");
        }
        for (int i = Size - 1; i >= 0; i--)
            device.PushUsed((uint)heads[i], 8);
        for (int i = Size - 1; i >= 0; i--)
        {
            Assert.AreEqual((int)QueueStatus.Ok, (int)queue.TryTakeUsed(out UsedBuffer used), "take");
            Assert.AreEqual(heads[i], (int)used.Head, "head");
            Assert.AreEqual(100 + i, used.Token, "token");
        }
        Assert.AreEqual((int)Size, queue.FreeDescriptors, "all free");
    }

    [TestMethod]
    public static void A_used_id_out_of_range_breaks_the_queue_and_nothing_after_it_is_trusted()
    {
        SplitQueue queue = Fresh();
        RamDevice device = s_device!;
        queue.SubmitWritable(s_buffer!.Slice(0, 8), 1, out _);
        queue.SubmitWritable(s_buffer!.Slice(8, 8), 2, out _);
        queue.Kick();
        int first = device.TryPop(out _, out _);
        device.TryPop(out _, out _);
        device.PushUsed(Size, 4);               // id out of range
        device.PushUsed((uint)first, 8);        // honest, but after the lie

        Assert.AreEqual((int)QueueStatus.UsedIdOutOfRange, (int)queue.TryTakeUsed(out _), "bad id");
        Assert.IsTrue(queue.IsBroken, "broken");
        Assert.AreEqual((int)BrokenRingReason.UsedIdOutOfRange, (int)queue.BrokenReason, "reason");
        Assert.AreEqual((int)QueueStatus.Broken, (int)queue.TryTakeUsed(out _), "nothing more is taken");
        Assert.AreEqual((int)QueueStatus.Broken, (int)queue.SubmitWritable(s_buffer!.Slice(0, 8), 3, out _), "nothing more is placed");
        Assert.AreEqual(2, queue.InFlight, "both chains stay with the device until a reset");
    }

    [TestMethod]
    public static void A_lying_length_returns_its_chain_with_length_zero_and_the_queue_goes_on()
    {
        SplitQueue queue = Fresh();
        RamDevice device = s_device!;
        queue.SubmitWritable(s_buffer!.Slice(0, 8), 7, out _);
        queue.Kick();
        device.PushUsed((uint)device.TryPop(out _, out _), 9);  // longer than the 8 writable bytes
        Assert.AreEqual((int)QueueStatus.UsedLengthTooLarge, (int)queue.TryTakeUsed(out UsedBuffer lied), "bad length");
        Assert.AreEqual(7, lied.Token, "the chain comes back");
        Assert.AreEqual(0u, lied.WrittenLength, "length not trusted");
        Assert.IsFalse(queue.IsBroken, "a lying length does not break the ring");
        Assert.AreEqual((int)Size, queue.FreeDescriptors, "no descriptor lost");
    }

    [TestMethod]
    public static void A_chain_completed_before_its_kick_breaks_the_queue_as_not_published()
    {
        SplitQueue queue = Fresh();
        RamDevice device = s_device!;
        queue.SubmitWritable(s_buffer!.Slice(0, 8), 1, out _);
        queue.Kick();
        queue.SubmitWritable(s_buffer!.Slice(8, 8), 2, out ushort hidden);
        device.TryPop(out _, out _);
        device.PushUsed(hidden, 8);
        Assert.AreEqual((int)QueueStatus.UsedIdNotPublished, (int)queue.TryTakeUsed(out _), "not published");
        Assert.AreEqual((int)BrokenRingReason.UsedIdNotPublished, (int)queue.BrokenReason, "reason");
        Assert.AreEqual(2, queue.InFlight, "the hidden chain is not freed");
    }

    [TestMethod]
    public static void More_used_entries_than_exposed_chains_is_a_corrupt_index_not_a_list_of_bad_ids()
    {
        SplitQueue queue = Fresh();
        RamDevice device = s_device!;
        queue.SubmitWritable(s_buffer!.Slice(0, 8), 1, out _);
        queue.Kick();
        device.TryPop(out _, out _);
        device.PushUsed(Size, 4);
        device.PushUsed(Size + 1, 4);
        Assert.AreEqual((int)QueueStatus.UsedIndexCorrupt, (int)queue.TryTakeUsed(out _), "two entries for one chain");
    }

    [TestMethod]
    public static void A_used_index_running_ahead_breaks_the_queue()
    {
        SplitQueue queue = Fresh();
        queue.SubmitWritable(s_buffer!.Slice(0, 8), 1, out _);
        queue.Kick();
        s_device!.SetUsedIndex(5);
        Assert.AreEqual((int)QueueStatus.UsedIndexCorrupt, (int)queue.TryTakeUsed(out _), "corrupt index");
        Assert.IsTrue(queue.IsBroken, "broken until reset");
        Assert.AreEqual((int)BrokenRingReason.UsedIndexJumpedAhead, (int)queue.BrokenReason, "reason");
    }

    [TestMethod]
    public static void Seventy_thousand_round_trips_cross_the_wrap_without_allocating()
    {
        SplitQueue queue = Fresh();
        RamDevice device = s_device!;
        long allocated = Heap.BytesAllocated;
        for (int i = 0; i < 70_000; i++)
        {
            queue.SubmitWritable(s_buffer!.Slice(0, 16), i, out _);
            queue.Kick();
            device.PushUsed((uint)device.TryPop(out _, out _), 16);
            if (queue.TryTakeUsed(out UsedBuffer used) != QueueStatus.Ok || used.Token != i)
                Assert.Fail("round trip lost");
        }
        Assert.AreEqual((ushort)(70_000 & 0xffff), queue.UsedIndexSnapshot(), "used index wrapped");
        Assert.AreEqual(0L, Heap.BytesAllocated - allocated, "bytes allocated");
    }

    [TestMethod]
    public static void Ring_index_arithmetic_wraps_at_65536()
    {
        Assert.AreEqual((ushort)1, RingIndex.Distance(65535, 0), "distance across the wrap");
        Assert.AreEqual(7, RingIndex.Slot(65535, 8), "slot");
        Assert.IsTrue(RingIndex.CrossedEvent(65535, 2, 65534), "event crossed across the wrap");
        Assert.IsFalse(RingIndex.CrossedEvent(3, 2, 65534), "event not reached");
        int notified = 0;
        ushort index = 0;
        for (int n = 0; n < 65537; n++)
        {
            ushort old = index;
            index++;
            if (RingIndex.CrossedEvent(0, index, old))
                notified++;
        }
        Assert.AreEqual(2, notified, "used_event 0 notifies at the 1st and 65537th use");
    }
}
