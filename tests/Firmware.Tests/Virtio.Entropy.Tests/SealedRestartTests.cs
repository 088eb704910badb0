// Recovery under a sealed heap: a broken queue on the real virtio-rng device is restarted on its own rings.
using System.Buffers.Binary;
using Nano.Runtime;
using Nano.Runtime.Native;
using Nano.TestFramework;
using Virtio;

namespace Virtio.Entropy.Tests;

/// <summary>
/// Runs last (the runner takes classes in name order): seals the heap, makes the queue break the way a lying
/// device would (used.idx moved past everything in flight, written into the used ring by hand), then
/// restarts the device. Any allocation on the way would panic and fail the test.
/// </summary>
[TestClass]
public class SealedRestartTests
{
    private static SplitQueue? s_queue;

    [Setup]
    public static void BringUpThenSeal()
    {
        s_queue = EntropyDevice.Start(eventIndex: false);
        EntropyDevice.DetachInterrupt();
        s_queue.DisableCallbacks();
        Heap.Seal();
    }

    [TestMethod]
    public static void A_broken_queue_is_restarted_on_its_own_rings_and_serves_entropy_again()
    {
        SplitQueue queue = s_queue!;
        VirtioDevice device = EntropyDevice.Device!;
        ulong ring = queue.RingAddress;
        long allocated = Heap.BytesAllocated;

        // One request in flight, then used.idx jumps ahead: the queue breaks, as Linux's BAD_RING.
        Assert.AreEqual((int)QueueStatus.Ok, (int)queue.SubmitWritable(EntropyDevice.Buffers[0]!.All, 1, out _), "submit");
        queue.Kick();
        Polling.UntilUsedIndexMoves(queue, 0);
        System.Span<byte> usedIndex = PhysicalMemory.Map(queue.DeviceAreaAddress + 2, 2);
        BinaryPrimitives.WriteUInt16LittleEndian(usedIndex, 9);
        Assert.AreEqual((int)QueueStatus.UsedIndexCorrupt, (int)queue.TryTakeUsed(out _), "corrupt index");
        Assert.AreEqual((int)BrokenRingReason.UsedIndexJumpedAhead, (int)queue.BrokenReason, "reason");

        Assert.AreEqual((int)VirtioResult.Ok, (int)device.Restart(), "restart");

        Assert.AreEqual((int)DevicePhase.Live, (int)device.Phase, "live");
        Assert.AreSame(queue, device.Queue(0), "the same queue object");
        Assert.AreEqual(ring, queue.RingAddress, "the same ring");
        Assert.IsFalse(queue.IsBroken, "sound again");
        queue.DisableCallbacks();
        for (int i = 0; i < 3; i++)
        {
            ushort snapshot = queue.UsedIndexSnapshot();
            Assert.AreEqual((int)QueueStatus.Ok, (int)queue.SubmitWritable(EntropyDevice.Buffers[i]!.All, 10 + i, out _), "submit after restart");
            queue.Kick();
            Polling.UntilUsedIndexMoves(queue, snapshot);
            UsedBuffer used = Polling.TakeOne(queue);
            Assert.AreEqual(10 + i, used.Token, "token");
            Assert.AreEqual((uint)EntropyDevice.BufferBytes, used.WrittenLength, "bytes of entropy");
        }
        Assert.AreEqual(0L, Heap.BytesAllocated - allocated, "bytes allocated");
        Assert.IsTrue(Heap.IsSealed, "still sealed");
    }
}
