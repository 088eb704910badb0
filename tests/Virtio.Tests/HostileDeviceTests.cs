// A device that lies in the used ring: every bad id, length and index is counted and never trusted.
using Virtio.Tests.Doubles;

namespace Virtio.Tests;

public class HostileDeviceTests
{
    [Fact]
    public void A_used_id_beyond_the_queue_size_is_skipped_and_counted_while_the_next_honest_one_is_taken()
    {
        var bench = new QueueBench(size: 8);
        bench.SubmitWritable(bench.Buffer(8), 1);
        bench.SubmitWritable(bench.Buffer(8), 2);
        List<DescriptorChain> chains = bench.Device.PopAll();
        bench.Device.PushUsed(8, 4);          // hostile: id == size
        bench.Device.Complete(chains[0], 4);  // honest

        Assert.Equal(QueueStatus.UsedIdOutOfRange, bench.Queue.TryTakeUsed(out _));
        Assert.Equal(QueueStatus.Ok, bench.Queue.TryTakeUsed(out UsedBuffer used));
        Assert.Equal(1, used.Token);
        Assert.Equal(1ul, bench.Queue.Counters.RejectedIdOutOfRange);
        Assert.Equal(1, bench.Queue.InFlight);
    }

    [Fact]
    public void A_second_completion_of_the_same_chain_is_refused_as_not_in_flight()
    {
        var bench = new QueueBench(size: 8);
        bench.SubmitWritable(bench.Buffer(8), 1);
        bench.SubmitWritable(bench.Buffer(8), 2);
        List<DescriptorChain> chains = bench.Device.PopAll();
        bench.Device.Complete(chains[0], 1);
        bench.Device.Complete(chains[0], 1); // duplicate

        Assert.Equal(QueueStatus.Ok, bench.Queue.TryTakeUsed(out _));
        Assert.Equal(QueueStatus.UsedIdNotInFlight, bench.Queue.TryTakeUsed(out _));
        Assert.Equal(1ul, bench.Queue.Counters.RejectedIdNotInFlight);
        Assert.Equal(bench.Queue.Size - 1, bench.Queue.FreeDescriptors); // only the genuine chain was freed once
    }

    [Fact]
    public void A_used_id_naming_the_middle_of_a_chain_is_not_a_head_and_is_refused()
    {
        var bench = new QueueBench(size: 8);
        DmaRegion a = bench.Buffer(8), b = bench.Buffer(8);
        Span<DmaSlice> readable = stackalloc DmaSlice[] { a.All };
        Span<DmaSlice> writable = stackalloc DmaSlice[] { b.All };
        Assert.Equal(QueueStatus.Ok, bench.Queue.Submit(readable, writable, 9, out ushort head));
        bench.Queue.Kick();
        bench.Device.PopAll();
        bench.Device.PushUsed((uint)head + 1, 8); // the second descriptor of the chain

        Assert.Equal(QueueStatus.UsedIdNotInFlight, bench.Queue.TryTakeUsed(out _));
        Assert.Equal(1, bench.Queue.InFlight);
    }

    [Fact]
    public void A_length_beyond_the_writable_bytes_returns_the_chain_with_length_zero_while_an_exact_length_is_trusted()
    {
        var bench = new QueueBench(size: 8);
        DmaRegion request = bench.Buffer(100), reply = bench.Buffer(16);
        Assert.Equal(QueueStatus.Ok, bench.Queue.SubmitRequest(request.All, reply.All, 1, out _));
        Assert.Equal(QueueStatus.Ok, bench.Queue.SubmitRequest(request.All, reply.All, 2, out _));
        bench.Queue.Kick();
        List<DescriptorChain> chains = bench.Device.PopAll();
        bench.Device.Complete(chains[0], 17); // readable bytes do not count: only 16 are writable
        bench.Device.Complete(chains[1], 16);

        Assert.Equal(QueueStatus.UsedLengthTooLarge, bench.Queue.TryTakeUsed(out UsedBuffer lied));
        Assert.Equal(1, lied.Token);
        Assert.Equal(0u, lied.WrittenLength);
        Assert.Equal(QueueStatus.Ok, bench.Queue.TryTakeUsed(out UsedBuffer honest));
        Assert.Equal(16u, honest.WrittenLength);
        Assert.Equal(1ul, bench.Queue.Counters.RejectedLength);
        Assert.Equal(8, bench.Queue.FreeDescriptors); // the lying chain still came back to the free list
    }

    [Fact]
    public void A_used_index_running_ahead_of_the_chains_in_flight_breaks_the_queue_until_reset()
    {
        var bench = new QueueBench(size: 8);
        bench.SubmitWritable(bench.Buffer(8), 1);
        bench.Device.PopAll();
        bench.Device.SetUsedIndex(2); // two completions for one chain

        Assert.Equal(QueueStatus.UsedIndexCorrupt, bench.Queue.TryTakeUsed(out _));
        Assert.True(bench.Queue.IsBroken);
        Assert.Equal(QueueStatus.Broken, bench.Queue.TryTakeUsed(out _));
        Assert.Equal(QueueStatus.Broken, bench.Queue.SubmitWritable(bench.Buffer(8).All, 0, out _));
        Assert.Equal(1ul, bench.Queue.Counters.RejectedUsedIndex);

        bench.Queue.ReclaimAfterReset();
        Assert.False(bench.Queue.IsBroken);
    }

    [Fact]
    public void Completing_a_chain_that_was_placed_but_never_exposed_is_refused()
    {
        var bench = new QueueBench(size: 8);
        bench.SubmitWritable(bench.Buffer(8), 1);                                           // exposed
        Assert.Equal(QueueStatus.Ok, bench.Queue.SubmitWritable(bench.Buffer(8).All, 2, out ushort hidden)); // placed, not kicked
        DescriptorChain exposed = bench.Device.TryPop()!;
        bench.Device.Complete(exposed, 8);
        bench.Device.PushUsed(hidden, 8); // a device that read the ring ahead of avail.idx

        Assert.Equal(QueueStatus.UsedIndexCorrupt, bench.Queue.TryTakeUsed(out _));
        Assert.Equal(1ul, bench.Queue.Counters.RejectedUsedIndex);
    }

    [Fact]
    public void The_same_two_completions_are_accepted_once_both_chains_are_exposed()
    {
        var bench = new QueueBench(size: 8);
        bench.SubmitWritable(bench.Buffer(8), 1);
        bench.SubmitWritable(bench.Buffer(8), 2);
        foreach (DescriptorChain chain in bench.Device.PopAll())
            bench.Device.Complete(chain, 8);
        Assert.Equal(QueueStatus.Ok, bench.Queue.TryTakeUsed(out _));
        Assert.Equal(QueueStatus.Ok, bench.Queue.TryTakeUsed(out _));
    }

    [Fact]
    public void A_used_index_moving_backwards_is_seen_as_a_huge_jump_and_refused()
    {
        var bench = new QueueBench(size: 8);
        bench.SubmitWritable(bench.Buffer(8), 1);
        bench.Device.SetUsedIndex(0xffff);
        Assert.Equal(QueueStatus.UsedIndexCorrupt, bench.Queue.TryTakeUsed(out _));
    }

    [Fact]
    public void Random_garbage_in_the_used_ring_never_frees_a_descriptor_twice_or_exceeds_the_table()
    {
        var random = new Random(42);
        for (int trial = 0; trial < 200; trial++)
        {
            var bench = new QueueBench(size: 8);
            for (int i = 0; i < 8; i++)
                bench.SubmitWritable(bench.Buffer(8), i);
            bench.Device.PopAll();
            for (int i = 0; i < 8; i++)
                bench.Device.PushUsed((uint)random.Next(-2, 12), (uint)random.Next(0, 20));
            var returned = new HashSet<ushort>();
            while (true)
            {
                QueueStatus status = bench.Queue.TryTakeUsed(out UsedBuffer used);
                if (status is QueueStatus.Empty or QueueStatus.Broken or QueueStatus.UsedIndexCorrupt)
                    break;
                if (status is QueueStatus.Ok or QueueStatus.UsedLengthTooLarge)
                {
                    Assert.True(returned.Add(used.Head), $"head {used.Head} returned twice");
                    Assert.True(used.WrittenLength <= 8);
                }
            }
            Assert.InRange(bench.Queue.FreeDescriptors, 0, 8);
            Assert.Equal(8, bench.Queue.FreeDescriptors + bench.Queue.InFlight);
            Assert.Equal((ulong)(8 - returned.Count), bench.Queue.Counters.RejectedIdOutOfRange + bench.Queue.Counters.RejectedIdNotInFlight);
        }
    }
}
