// Property: under any interleaving of submissions, honest completions in any order and hostile used entries,
// the queue never loses, duplicates or double-frees a descriptor, and returns every honest token exactly once.
using FsCheck;
using FsCheck.Fluent;
using Virtio.Tests.Doubles;

namespace Virtio.Tests;

public class QueueModelProperties
{
    [Fact]
    public void Descriptors_are_conserved_and_tokens_returned_once_under_any_schedule()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<int>(), ArbMap.Default.ArbFor<bool>(), (int seed, bool eventIndex) =>
        {
            Run(seed, eventIndex);
            return true;
        }).QuickCheckThrowOnFailure();
    }

    private static void Run(int seed, bool eventIndex)
    {
        var random = new Random(seed);
        var bench = new QueueBench(size: 8, eventIndex: eventIndex);
        var exposed = new List<DescriptorChain>();
        var outstanding = new Dictionary<ushort, int>();   // head -> token, as the driver was told
        var lengths = new Dictionary<ushort, int>();       // head -> descriptors in its chain
        int bogusSlots = 0;                                // used entries the device spent on lies
        int lostDescriptors = 0;                           // held by chains whose used slot was a lie
        int nextToken = 0;
        for (int step = 0; step < 300 && !bench.Queue.IsBroken; step++)
        {
            switch (random.Next(4))
            {
                case 0: // submit a chain of 1..3 elements
                {
                    int readable = random.Next(0, 2), writable = random.Next(readable == 0 ? 1 : 0, 3);
                    DmaSlice[] r = Enumerable.Range(0, readable).Select(_ => new DmaSlice(GuestMemory.Base, 8)).ToArray();
                    DmaSlice[] w = Enumerable.Range(0, writable).Select(_ => new DmaSlice(GuestMemory.Base + 64, 8)).ToArray();
                    int free = bench.Queue.FreeDescriptors;
                    QueueStatus status = bench.Queue.Submit(r, w, nextToken, out ushort head);
                    Assert.Equal(readable + writable > free ? QueueStatus.Full : QueueStatus.Ok, status);
                    if (status == QueueStatus.Ok)
                    {
                        Assert.False(outstanding.ContainsKey(head));
                        outstanding[head] = nextToken++;
                        lengths[head] = readable + writable;
                    }
                    break;
                }
                case 1: // kick; the device picks up what was exposed
                    bench.Queue.Kick();
                    exposed.AddRange(bench.Device.PopAll());
                    break;
                case 2: // the device completes a random exposed chain honestly, or lies about a free slot
                    if (exposed.Count > 0 && random.Next(5) > 0)
                    {
                        DescriptorChain chain = exposed[random.Next(exposed.Count)];
                        exposed.Remove(chain);
                        bench.Device.Complete(chain, (uint)random.Next(0, (int)chain.WritableBytes + 1));
                    }
                    else if (exposed.Count > 0)
                    {
                        // A lie spends the used slot of a real chain, which the driver never sees again.
                        DescriptorChain victim = exposed[random.Next(exposed.Count)];
                        exposed.Remove(victim);
                        outstanding.Remove(victim.Head);
                        lostDescriptors += victim.Elements.Count;
                        bogusSlots++;
                        bench.Device.PushUsed((uint)random.Next(8, 100), 4);
                    }
                    break;
                case 3: // the driver drains
                    Drain(bench, outstanding);
                    break;
            }
            // Conservation: every descriptor is free, in a chain the driver still waits for, or held by a
            // chain the device lied about (it never comes back without a reset).
            int held = outstanding.Keys.Sum(head => lengths[head]) + lostDescriptors;
            Assert.Equal(8, bench.Queue.FreeDescriptors + held);
        }
        Drain(bench, outstanding);
        // The first lie the driver reaches breaks the queue; nothing after it is taken.
        Assert.Equal(bench.Queue.IsBroken ? 1ul : 0ul, bench.Queue.Counters.RejectedIdOutOfRange);
        Assert.Equal(bench.Queue.IsBroken ? BrokenRingReason.UsedIdOutOfRange : BrokenRingReason.None, bench.Queue.BrokenReason);
        Assert.True(bogusSlots > 0 || !bench.Queue.IsBroken);
        Assert.Equal(0ul, bench.Queue.Counters.RejectedUsedIndex);
        Assert.Empty(bench.Device.Violations);
    }

    private static void Drain(QueueBench bench, Dictionary<ushort, int> outstanding)
    {
        while (true)
        {
            QueueStatus status = bench.Queue.TryTakeUsed(out UsedBuffer used);
            if (status is QueueStatus.Empty or QueueStatus.Broken or QueueStatus.UsedIdOutOfRange)
                return;
            Assert.True(status is QueueStatus.Ok, status.ToString());
            if (status == QueueStatus.Ok)
            {
                Assert.True(outstanding.Remove(used.Head, out int token), $"head {used.Head} returned but not outstanding");
                Assert.Equal(token, used.Token);
            }
        }
    }
}
