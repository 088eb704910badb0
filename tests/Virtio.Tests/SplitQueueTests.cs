// The split virtqueue's driver side against an honest device double: chains, free list, completions, wrap.
using Virtio.Tests.Doubles;

namespace Virtio.Tests;

public class SplitQueueTests
{
    [Fact]
    public void Submitted_writable_buffer_reaches_the_device_and_comes_back_with_its_length_and_token()
    {
        var bench = new QueueBench();
        DmaRegion buffer = bench.Buffer(64);
        ushort head = bench.SubmitWritable(buffer, token: 77);

        DescriptorChain chain = Assert.Single(bench.Device.PopAll());
        Assert.Equal(head, chain.Head);
        ChainElement element = Assert.Single(chain.Elements);
        Assert.Equal(buffer.PhysicalAddress, element.Address);
        Assert.Equal(64u, element.Length);
        Assert.True(element.DeviceWritable);

        bench.Device.Write(chain, new byte[] { 1, 2, 3, 4 });
        bench.Device.Complete(chain, 4);

        Assert.Equal(QueueStatus.Ok, bench.Queue.TryTakeUsed(out UsedBuffer used));
        Assert.Equal(head, used.Head);
        Assert.Equal(4u, used.WrittenLength);
        Assert.Equal(77, used.Token);
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, buffer.Span.Slice(0, 4).ToArray());
        Assert.Equal(QueueStatus.Empty, bench.Queue.TryTakeUsed(out _));
        Assert.Equal(bench.Queue.Size, bench.Queue.FreeDescriptors);
        Assert.Empty(bench.Device.Violations);
    }

    [Fact]
    public void A_chain_places_readable_elements_before_writable_ones_linked_by_next()
    {
        var bench = new QueueBench();
        DmaRegion header = bench.Buffer(16), payload = bench.Buffer(512), status = bench.Buffer(1);
        Span<DmaSlice> readable = stackalloc DmaSlice[] { header.All };
        Span<DmaSlice> writable = stackalloc DmaSlice[] { payload.All, status.All };
        Assert.Equal(QueueStatus.Ok, bench.Queue.Submit(readable, writable, 5, out _));
        bench.Queue.Kick();

        DescriptorChain chain = Assert.Single(bench.Device.PopAll());
        Assert.Equal(new[] { header.PhysicalAddress, payload.PhysicalAddress, status.PhysicalAddress }, chain.Elements.Select(e => e.Address));
        Assert.Equal(new[] { false, true, true }, chain.Elements.Select(e => e.DeviceWritable));
        Assert.Equal(513u, chain.WritableBytes);
        Assert.Equal(bench.Queue.Size - 3, bench.Queue.FreeDescriptors);
        Assert.Empty(bench.Device.Violations);
    }

    [Fact]
    public void A_chain_larger_than_the_free_descriptors_is_refused_and_nothing_is_placed()
    {
        var bench = new QueueBench(size: 4);
        DmaRegion b = bench.Buffer(8);
        Span<DmaSlice> five = stackalloc DmaSlice[] { b.All, b.All, b.All, b.All, b.All };
        Assert.Equal(QueueStatus.Full, bench.Queue.Submit(ReadOnlySpan<DmaSlice>.Empty, five, 0, out _));
        Assert.Equal(4, bench.Queue.FreeDescriptors);
        Assert.Equal(0, bench.Queue.InFlight);

        Span<DmaSlice> four = five.Slice(0, 4);
        Assert.Equal(QueueStatus.Ok, bench.Queue.Submit(ReadOnlySpan<DmaSlice>.Empty, four, 0, out _));
        Assert.Equal(QueueStatus.Full, bench.Queue.SubmitWritable(b.All, 0, out _));
    }

    [Fact]
    public void Empty_chains_and_zero_length_elements_are_refused_but_a_valid_one_is_accepted()
    {
        var bench = new QueueBench();
        DmaRegion b = bench.Buffer(8);
        Assert.Equal(QueueStatus.EmptyChain, bench.Queue.Submit(ReadOnlySpan<DmaSlice>.Empty, ReadOnlySpan<DmaSlice>.Empty, 0, out _));
        Assert.Equal(QueueStatus.InvalidBuffer, bench.Queue.SubmitWritable(default, 0, out _));
        Assert.Equal(QueueStatus.InvalidBuffer, bench.Queue.SubmitWritable(b.Slice(4, 8), 0, out _)); // outside the region
        Assert.Equal(QueueStatus.Ok, bench.Queue.SubmitWritable(b.Slice(0, 8), 0, out _));
    }

    [Fact]
    public void A_chain_of_four_gibibytes_or_more_is_refused_by_rule_2_7_5_2_while_just_under_is_accepted()
    {
        var bench = new QueueBench();
        Span<DmaSlice> tooLong = stackalloc DmaSlice[] { new DmaSlice(GuestMemory.Base, uint.MaxValue), new DmaSlice(GuestMemory.Base, 1) };
        Assert.Equal(QueueStatus.ChainTooLong, bench.Queue.Submit(tooLong.Slice(0, 1), tooLong.Slice(1, 1), 0, out _));
        Span<DmaSlice> justUnder = stackalloc DmaSlice[] { new DmaSlice(GuestMemory.Base, uint.MaxValue - 1), new DmaSlice(GuestMemory.Base, 1) };
        Assert.Equal(QueueStatus.Ok, bench.Queue.Submit(justUnder.Slice(0, 1), justUnder.Slice(1, 1), 0, out _));
    }

    [Fact]
    public void Completions_in_reverse_order_each_return_their_own_chain_and_token()
    {
        var bench = new QueueBench(size: 8);
        var heads = new Dictionary<ushort, int>();
        for (int token = 100; token < 108; token++)
        {
            Assert.Equal(QueueStatus.Ok, bench.Queue.SubmitWritable(bench.Buffer(32).All, token, out ushort head));
            heads[head] = token;
        }
        bench.Queue.Kick();
        List<DescriptorChain> chains = bench.Device.PopAll();
        Assert.Equal(8, chains.Count);
        chains.Reverse();
        foreach (DescriptorChain chain in chains)
            bench.Device.Complete(chain, (uint)chain.Head);

        foreach (DescriptorChain chain in chains)
        {
            Assert.Equal(QueueStatus.Ok, bench.Queue.TryTakeUsed(out UsedBuffer used));
            Assert.Equal(chain.Head, used.Head);
            Assert.Equal(heads[chain.Head], used.Token);
            Assert.Equal((uint)chain.Head, used.WrittenLength);
        }
        Assert.Equal(8, bench.Queue.FreeDescriptors);
        Assert.Equal(0, bench.Queue.InFlight);
    }

    [Fact]
    public void Interleaved_chains_of_mixed_lengths_never_lose_or_duplicate_a_descriptor()
    {
        var bench = new QueueBench(size: 16);
        var random = new Random(1234);
        var inFlight = new List<DescriptorChain>();
        var tokens = new Dictionary<ushort, int>();
        int next = 0;
        for (int round = 0; round < 5000; round++)
        {
            if (random.Next(2) == 0)
            {
                int readable = random.Next(0, 3), writable = random.Next(readable == 0 ? 1 : 0, 3);
                var r = Enumerable.Range(0, readable).Select(_ => bench.Buffer(8).All).ToArray();
                var w = Enumerable.Range(0, writable).Select(_ => new DmaSlice(GuestMemory.Base + 4096, 16)).ToArray();
                int free = bench.Queue.FreeDescriptors;
                QueueStatus status = bench.Queue.Submit(r, w, next, out ushort head);
                Assert.Equal(readable + writable > free ? QueueStatus.Full : QueueStatus.Ok, status);
                if (status == QueueStatus.Ok)
                {
                    Assert.False(tokens.ContainsKey(head), "head handed out twice");
                    tokens[head] = next++;
                    bench.Queue.Kick();
                    inFlight.AddRange(bench.Device.PopAll());
                }
            }
            else if (inFlight.Count > 0)
            {
                DescriptorChain chain = inFlight[random.Next(inFlight.Count)];
                inFlight.Remove(chain);
                bench.Device.Complete(chain, chain.WritableBytes);
                Assert.Equal(QueueStatus.Ok, bench.Queue.TryTakeUsed(out UsedBuffer used));
                Assert.Equal(chain.Head, used.Head);
                Assert.Equal(tokens[chain.Head], used.Token);
                tokens.Remove(chain.Head);
            }
            // Every descriptor is either free or in exactly one chain in flight.
            Assert.Equal(bench.Queue.Size, bench.Queue.FreeDescriptors + inFlight.Sum(c => c.Elements.Count));
        }
        Assert.Empty(bench.Device.Violations);
        Assert.Equal(0ul, bench.Queue.Counters.Rejected);
    }

    [Fact]
    public void Seventy_thousand_round_trips_cross_the_16_bit_index_wrap_without_loss()
    {
        var bench = new QueueBench(size: 8);
        DmaRegion buffer = bench.Buffer(16);
        for (int i = 0; i < 70_000; i++)
        {
            bench.SubmitWritable(buffer, i);
            DescriptorChain chain = bench.Device.TryPop() ?? throw new Xunit.Sdk.XunitException($"nothing exposed at round {i}");
            bench.Device.Complete(chain, 16);
            Assert.Equal(QueueStatus.Ok, bench.Queue.TryTakeUsed(out UsedBuffer used));
            Assert.Equal(i, used.Token);
        }
        Assert.Equal(unchecked((ushort)70_000), bench.Device.UsedIndex);
        Assert.Equal(unchecked((ushort)70_000), bench.Device.AvailIndex);
        Assert.Equal(70_000ul, bench.Queue.Counters.Completed);
        Assert.Equal(8, bench.Queue.FreeDescriptors);
    }

    [Fact]
    public void A_full_queue_of_batched_completions_straddling_the_wrap_is_drained_in_order()
    {
        var bench = new QueueBench(size: 8);
        // Bring both indices to 65532 one round trip at a time, then post 8 that straddle 65535 -> 0.
        DmaRegion buffer = bench.Buffer(16);
        for (int i = 0; i < 65_532; i++)
        {
            bench.SubmitWritable(buffer, i);
            bench.Device.Complete(bench.Device.TryPop()!, 0);
            Assert.Equal(QueueStatus.Ok, bench.Queue.TryTakeUsed(out _));
        }
        for (int i = 0; i < 8; i++)
            Assert.Equal(QueueStatus.Ok, bench.Queue.SubmitWritable(buffer.All, 1000 + i, out _));
        bench.Queue.Kick();
        foreach (DescriptorChain chain in bench.Device.PopAll())
            bench.Device.Complete(chain, 1);
        Assert.Equal((ushort)4, bench.Device.UsedIndex);
        for (int i = 0; i < 8; i++)
        {
            Assert.Equal(QueueStatus.Ok, bench.Queue.TryTakeUsed(out UsedBuffer used));
            Assert.Equal(1000 + i, used.Token);
        }
        Assert.Equal(QueueStatus.Empty, bench.Queue.TryTakeUsed(out _));
    }

    [Fact]
    public void Polling_sees_the_used_index_move_only_after_the_device_completes()
    {
        var bench = new QueueBench();
        ushort snapshot = bench.Queue.UsedIndexSnapshot();
        bench.SubmitWritable(bench.Buffer(8), 1);
        Assert.False(bench.Queue.HasUsedIndexMoved(snapshot));
        Assert.False(bench.Queue.HasUsed);
        bench.Device.Complete(bench.Device.TryPop()!, 8);
        Assert.True(bench.Queue.HasUsedIndexMoved(snapshot));
        Assert.True(bench.Queue.HasUsed);
    }

    [Fact]
    public void Chains_placed_but_not_kicked_stay_invisible_to_the_device()
    {
        var bench = new QueueBench();
        Assert.Equal(QueueStatus.Ok, bench.Queue.SubmitWritable(bench.Buffer(8).All, 0, out _));
        Assert.Equal(QueueStatus.Ok, bench.Queue.SubmitWritable(bench.Buffer(8).All, 1, out _));
        Assert.Null(bench.Device.TryPop());
        bench.Queue.Kick();
        Assert.Equal(2, bench.Device.PopAll().Count);
        Assert.Equal(1, bench.Notifier.Count); // one notification for the batch
    }

    [Fact]
    public void Reclaim_after_reset_returns_every_descriptor_and_clears_the_rings()
    {
        var bench = new QueueBench(size: 4);
        for (int i = 0; i < 4; i++)
            bench.Queue.SubmitWritable(bench.Buffer(8).All, i, out _);
        bench.Queue.Kick();
        Assert.Equal(0, bench.Queue.FreeDescriptors);
        bench.Queue.ReclaimAfterReset();
        Assert.Equal(4, bench.Queue.FreeDescriptors);
        Assert.Equal(0, bench.Queue.InFlight);
        Assert.Equal(0, bench.Device.AvailIndex);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(3, false)]
    [InlineData(1, true)]
    [InlineData(256, true)]
    [InlineData(32768, true)]
    [InlineData(65536, false)]
    public void Only_power_of_two_sizes_up_to_32768_are_valid(int size, bool valid) =>
        Assert.Equal(valid, SplitQueueLayout.IsValidSize(size));

    [Fact]
    public void Creation_fails_cleanly_when_memory_is_sealed_and_succeeds_before()
    {
        var memory = new GuestMemory();
        Assert.NotNull(SplitQueue.Create(0, 8, 4, false, memory, new RecordingMemoryOrdering(), new CountingNotifier()));
        memory.Sealed = true;
        Assert.Null(SplitQueue.Create(0, 8, 4, false, memory, new RecordingMemoryOrdering(), new CountingNotifier()));
    }
}
