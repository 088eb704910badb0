// A device that lies in the used ring: every bad id, length and index is counted, breaks the queue with its reason, and is never trusted.
using Virtio.Tests.Doubles;

namespace Virtio.Tests;

public class HostileDeviceTests
{
    [Fact]
    public void A_used_id_beyond_the_queue_size_breaks_the_queue_as_out_of_range()
    {
        var bench = new QueueBench(size: 8);
        bench.SubmitWritable(bench.Buffer(8), 1);
        bench.SubmitWritable(bench.Buffer(8), 2);
        List<DescriptorChain> chains = bench.Device.PopAll();
        bench.Device.PushUsed(8, 4);          // hostile: id == size
        bench.Device.Complete(chains[0], 4);  // honest, but after the lie nothing is trusted

        Assert.Equal(QueueStatus.UsedIdOutOfRange, bench.Queue.TryTakeUsed(out _));
        AssertBroken(bench, BrokenRingReason.UsedIdOutOfRange);
        Assert.Equal(1ul, bench.Queue.Counters.RejectedIdOutOfRange);
        Assert.Equal(2, bench.Queue.InFlight);
    }

    [Fact]
    public void The_last_id_in_range_is_accepted()
    {
        var bench = new QueueBench(size: 8);
        for (int i = 0; i < 8; i++)
            bench.SubmitWritable(bench.Buffer(8), i);
        DescriptorChain last = bench.Device.PopAll().Single(c => c.Head == 7);
        bench.Device.Complete(last, 8);
        Assert.Equal(QueueStatus.Ok, bench.Queue.TryTakeUsed(out UsedBuffer used));
        Assert.Equal(7, used.Head);
        Assert.False(bench.Queue.IsBroken);
        Assert.Equal(BrokenRingReason.None, bench.Queue.BrokenReason);
    }

    [Fact]
    public void A_second_completion_of_the_same_chain_breaks_the_queue_as_not_in_flight()
    {
        var bench = new QueueBench(size: 8);
        bench.SubmitWritable(bench.Buffer(8), 1);
        bench.SubmitWritable(bench.Buffer(8), 2);
        List<DescriptorChain> chains = bench.Device.PopAll();
        bench.Device.Complete(chains[0], 1);
        bench.Device.Complete(chains[0], 1); // duplicate

        Assert.Equal(QueueStatus.Ok, bench.Queue.TryTakeUsed(out _));
        Assert.Equal(QueueStatus.UsedIdNotInFlight, bench.Queue.TryTakeUsed(out _));
        AssertBroken(bench, BrokenRingReason.UsedIdNotInFlight);
        Assert.Equal(1ul, bench.Queue.Counters.RejectedIdNotInFlight);
        Assert.Equal(bench.Queue.Size - 1, bench.Queue.FreeDescriptors); // only the genuine chain was freed, once
    }

    [Fact]
    public void A_used_id_naming_the_middle_of_a_chain_is_not_a_head_and_breaks_the_queue()
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
        AssertBroken(bench, BrokenRingReason.UsedIdNotInFlight);
        Assert.Equal(1, bench.Queue.InFlight);
    }

    [Fact]
    public void Completing_a_chain_placed_but_never_published_breaks_the_queue_as_not_published()
    {
        var bench = new QueueBench(size: 8);
        bench.SubmitWritable(bench.Buffer(8), 1);                                                            // published
        Assert.Equal(QueueStatus.Ok, bench.Queue.SubmitWritable(bench.Buffer(8).All, 2, out ushort hidden)); // placed, not kicked
        bench.Device.PopAll();
        bench.Device.PushUsed(hidden, 8); // a device that read the ring ahead of avail.idx, within the published count

        Assert.Equal(QueueStatus.UsedIdNotPublished, bench.Queue.TryTakeUsed(out _));
        AssertBroken(bench, BrokenRingReason.UsedIdNotPublished);
        Assert.Equal(1ul, bench.Queue.Counters.RejectedIdNotPublished);
        Assert.Equal(2, bench.Queue.InFlight); // the hidden chain was not freed, so no kick can publish its head twice
    }

    [Fact]
    public void The_same_chain_completed_after_its_kick_is_accepted()
    {
        var bench = new QueueBench(size: 8);
        bench.SubmitWritable(bench.Buffer(8), 1);
        Assert.Equal(QueueStatus.Ok, bench.Queue.SubmitWritable(bench.Buffer(8).All, 2, out ushort second));
        bench.Queue.Kick();
        bench.Device.PopAll();
        bench.Device.PushUsed(second, 8);
        Assert.Equal(QueueStatus.Ok, bench.Queue.TryTakeUsed(out UsedBuffer used));
        Assert.Equal(2, used.Token);
    }

    [Fact]
    public void A_used_index_running_ahead_of_the_published_chains_breaks_the_queue_until_reset()
    {
        var bench = new QueueBench(size: 8);
        bench.SubmitWritable(bench.Buffer(8), 1);
        bench.Device.PopAll();
        bench.Device.SetUsedIndex(2); // two completions for one chain

        Assert.Equal(QueueStatus.UsedIndexCorrupt, bench.Queue.TryTakeUsed(out _));
        AssertBroken(bench, BrokenRingReason.UsedIndexJumpedAhead);
        Assert.Equal(1ul, bench.Queue.Counters.RejectedUsedIndex);

        bench.Queue.ReclaimAfterReset();
        Assert.False(bench.Queue.IsBroken);
        Assert.Equal(BrokenRingReason.None, bench.Queue.BrokenReason);
        Assert.Equal(1ul, bench.Queue.Counters.Broken); // the count survives the reset
    }

    [Fact]
    public void Two_completions_for_one_published_and_one_hidden_chain_are_an_index_running_ahead()
    {
        var bench = new QueueBench(size: 8);
        bench.SubmitWritable(bench.Buffer(8), 1);
        Assert.Equal(QueueStatus.Ok, bench.Queue.SubmitWritable(bench.Buffer(8).All, 2, out ushort hidden));
        DescriptorChain exposed = bench.Device.TryPop()!;
        bench.Device.Complete(exposed, 8);
        bench.Device.PushUsed(hidden, 8);

        Assert.Equal(QueueStatus.UsedIndexCorrupt, bench.Queue.TryTakeUsed(out _));
        AssertBroken(bench, BrokenRingReason.UsedIndexJumpedAhead);
    }

    [Fact]
    public void The_same_two_completions_are_accepted_once_both_chains_are_published()
    {
        var bench = new QueueBench(size: 8);
        bench.SubmitWritable(bench.Buffer(8), 1);
        bench.SubmitWritable(bench.Buffer(8), 2);
        foreach (DescriptorChain chain in bench.Device.PopAll())
            bench.Device.Complete(chain, 8);
        Assert.Equal(QueueStatus.Ok, bench.Queue.TryTakeUsed(out _));
        Assert.Equal(QueueStatus.Ok, bench.Queue.TryTakeUsed(out _));
        Assert.False(bench.Queue.IsBroken);
    }

    [Fact]
    public void A_used_index_moving_backwards_breaks_the_queue_as_going_backwards()
    {
        var bench = new QueueBench(size: 8);
        bench.SubmitWritable(bench.Buffer(8), 1);
        bench.SubmitWritable(bench.Buffer(8), 2);
        foreach (DescriptorChain chain in bench.Device.PopAll())
            bench.Device.Complete(chain, 8);
        Assert.Equal(QueueStatus.Ok, bench.Queue.TryTakeUsed(out _));
        Assert.Equal(QueueStatus.Ok, bench.Queue.TryTakeUsed(out _));
        bench.SubmitWritable(bench.Buffer(8), 3);
        bench.Device.SetUsedIndex(1); // back behind the two entries already taken

        Assert.Equal(QueueStatus.UsedIndexCorrupt, bench.Queue.TryTakeUsed(out _));
        AssertBroken(bench, BrokenRingReason.UsedIndexWentBackwards);
    }

    [Fact]
    public void A_length_beyond_the_writable_bytes_returns_the_chain_with_length_zero_and_the_queue_goes_on()
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
        Assert.False(bench.Queue.IsBroken); // ids and indices were sound: only that buffer's length is refused
        Assert.Equal(BrokenRingReason.None, bench.Queue.BrokenReason);
        Assert.Equal(1ul, bench.Queue.Counters.RejectedLength);
        Assert.Equal(0ul, bench.Queue.Counters.Broken);
        Assert.Equal(QueueStatus.Ok, bench.Queue.TryTakeUsed(out UsedBuffer honest));
        Assert.Equal(2, honest.Token);
        Assert.Equal(8, bench.Queue.FreeDescriptors); // both chains came back to the free list
    }

    [Fact]
    public void An_exact_length_is_trusted()
    {
        var bench = new QueueBench(size: 8);
        DmaRegion request = bench.Buffer(100), reply = bench.Buffer(16);
        Assert.Equal(QueueStatus.Ok, bench.Queue.SubmitRequest(request.All, reply.All, 1, out _));
        bench.Queue.Kick();
        bench.Device.Complete(bench.Device.PopAll().Single(), 16);
        Assert.Equal(QueueStatus.Ok, bench.Queue.TryTakeUsed(out UsedBuffer honest));
        Assert.Equal(16u, honest.WrittenLength);
        Assert.False(bench.Queue.IsBroken);
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
                if (status is QueueStatus.Ok or QueueStatus.UsedLengthTooLarge)
                {
                    Assert.True(returned.Add(used.Head), $"head {used.Head} returned twice");
                    Assert.True(used.WrittenLength <= 8);
                }
                if (status is not (QueueStatus.Ok or QueueStatus.UsedLengthTooLarge))
                    break;
            }
            Assert.InRange(bench.Queue.FreeDescriptors, 0, 8);
            Assert.Equal(8, bench.Queue.FreeDescriptors + bench.Queue.InFlight);
            Assert.Equal(returned.Count, bench.Queue.FreeDescriptors);
            Assert.Equal(bench.Queue.IsBroken, bench.Queue.BrokenReason != BrokenRingReason.None);
            Assert.Equal(bench.Queue.IsBroken ? 1ul : 0ul, bench.Queue.Counters.Rejected - bench.Queue.Counters.RejectedLength);
        }
    }

    private static void AssertBroken(QueueBench bench, BrokenRingReason reason)
    {
        Assert.True(bench.Queue.IsBroken);
        Assert.Equal(reason, bench.Queue.BrokenReason);
        Assert.Equal(1ul, bench.Queue.Counters.Broken);
        // Nothing more is taken or placed until a reset.
        Assert.Equal(QueueStatus.Broken, bench.Queue.TryTakeUsed(out _));
        Assert.Equal(QueueStatus.Broken, bench.Queue.SubmitWritable(bench.Buffer(8).All, 0, out _));
        Assert.False(bench.Queue.Kick());
    }
}
