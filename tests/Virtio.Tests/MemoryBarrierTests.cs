// Where the queue places its barriers relative to ring accesses (virtio 1.3 §2.7.13, §2.7.14).
using System.Buffers.Binary;
using Virtio.Tests.Doubles;

namespace Virtio.Tests;

public class MemoryBarrierTests
{
    [Fact]
    public void At_the_publish_barrier_the_descriptor_and_avail_slot_are_written_and_avail_idx_is_not_yet()
    {
        var bench = new QueueBench();
        DmaRegion buffer = bench.Buffer(8);
        int checks = 0;
        bench.Ordering.OnBarrier = barrier =>
        {
            if (barrier != "barrier:store-store")
                return;
            checks++;
            // §2.7.13.3.1: the barrier comes before the idx update, after the ring contents.
            Assert.Equal(0, bench.Device.AvailIndex);
            ulong descriptorAddress = BinaryPrimitives.ReadUInt64LittleEndian(bench.Memory.At(bench.Queue.DescriptorAreaAddress, 8));
            Assert.Equal(buffer.PhysicalAddress, descriptorAddress);
            ushort slot = BinaryPrimitives.ReadUInt16LittleEndian(bench.Memory.At(bench.Queue.DriverAreaAddress + 4, 2));
            Assert.Equal(0, slot);
        };
        bench.SubmitWritable(buffer, 0);
        Assert.Equal(1, checks);
        Assert.Equal(1, bench.Device.AvailIndex);
    }

    [Fact]
    public void A_full_barrier_separates_publishing_avail_idx_from_the_notification_decision()
    {
        var bench = new QueueBench();
        bench.Ordering.OnBarrier = barrier =>
        {
            if (barrier == "barrier:full")
                Assert.Equal(1, bench.Device.AvailIndex); // idx already exposed when we go on to read used.flags
        };
        bench.SubmitWritable(bench.Buffer(8), 0);
        int publish = bench.Log.IndexOf("barrier:store-store");
        int full = bench.Log.IndexOf("barrier:full");
        int notify = bench.Log.IndexOf("notify:0");
        Assert.True(publish >= 0 && publish < full && full < notify, string.Join(", ", bench.Log));
    }

    [Fact]
    public void Used_elements_are_read_only_after_used_idx_and_a_load_barrier()
    {
        // Model a weakly ordered reader: the device's element "lands" for the driver only at the driver's
        // load-load barrier. Reading the element before that barrier would see the stale id 7 and reject it.
        var bench = new QueueBench(size: 8);
        bench.SubmitWritable(bench.Buffer(8), 41);
        DescriptorChain chain = bench.Device.TryPop()!;
        bench.Device.PushUsed(7, 0); // stale contents at slot 0
        bool landed = false;
        bench.Ordering.OnBarrier = barrier =>
        {
            if (barrier == "barrier:load-load" && !landed)
            {
                bench.Device.WriteUsedElement(0, chain.Head, 8);
                landed = true;
            }
        };
        Assert.Equal(QueueStatus.Ok, bench.Queue.TryTakeUsed(out UsedBuffer used));
        Assert.Equal(41, used.Token);
        Assert.Equal(0ul, bench.Queue.Counters.Rejected);
    }

    [Fact]
    public void Re_enabling_callbacks_is_followed_by_a_full_barrier_before_used_idx_is_read_again()
    {
        var bench = new QueueBench();
        bench.Queue.DisableCallbacks();
        bench.Log.Clear();
        bench.Ordering.OnBarrier = barrier =>
        {
            if (barrier == "barrier:full")
                Assert.Equal(0, bench.Device.AvailFlags); // the enable is in memory before the fence
        };
        bench.Queue.EnableCallbacks();
        Assert.Equal(new[] { "barrier:full", "barrier:load-load" }, bench.Log);
    }

    [Fact]
    public void Every_kick_of_new_chains_issues_exactly_one_publish_barrier()
    {
        var bench = new QueueBench(size: 8);
        for (int i = 0; i < 5; i++)
            bench.Queue.SubmitWritable(bench.Buffer(8).All, i, out _);
        Assert.Equal(0, bench.Ordering.StoreStoreCount);
        bench.Queue.Kick();
        Assert.Equal(1, bench.Ordering.StoreStoreCount);
        bench.Queue.Kick(); // nothing new: no publish
        Assert.Equal(1, bench.Ordering.StoreStoreCount);
    }
}
