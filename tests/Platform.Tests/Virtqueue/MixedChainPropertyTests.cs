// Property: under any mix of valid and garbage chains, every buffer comes back, RAM outside the guest is untouched,
// valid requests get their replies, and the service never throws.
using System.Buffers.Binary;
using FsCheck;
using FsCheck.Fluent;
using Platform.Tests.Doubles;
using ScmiPlatform.Device;
using ScmiPlatform.Virtqueue;
using Xunit;
using Xunit.Abstractions;

namespace Platform.Tests.Virtqueue;

public sealed class MixedChainPropertyTests(ITestOutputHelper output)
{
    /// <summary>Fixed seed so a failure replays; change it to explore, FsCheck prints the failing case.</summary>
    private const ulong Seed = 0x5C4D_1A2B;
    private const int Runs = 300;

    [Fact]
    public void Every_buffer_comes_back_and_nothing_outside_guest_ram_is_touched()
    {
        Gen<(int Seed, int Batches)> cases =
            from seed in Gen.Choose(0, int.MaxValue)
            from batches in Gen.Choose(1, 12)
            select (seed, batches);
        Config config = Config.QuickThrowOnFailure
            .WithMaxTest(Runs)
            .WithReplay(new Replay(new Rnd(Seed, 0x9E37_79B9_7F4A_7C15), null));
        Prop.ForAll(cases.ToArbitrary(), c => RunScenario(c.Seed, c.Batches)).Check(config);
        output.WriteLine($"{Runs} scenarios passed (seed 0x{Seed:x})");
    }

    [Fact]
    public void The_property_notices_a_lost_buffer()
    {
        // The checker itself must be able to fail: a model that never completes loses buffers.
        Assert.Throws<Xunit.Sdk.TrueException>(() => RunScenario(42, 1, new DeferringModel()));
    }

    private enum AddressKind { OwnBuffer, BeyondEnd, BelowBase, StraddlingEnd, Zero }

    /// <summary>One scenario: random queue size and features, batches of mixed chains, each batch kicked and drained.</summary>
    private static bool RunScenario(int seed, int batches, IScmiDeviceModel? model = null)
    {
        var random = new System.Random(seed);
        int size = new[] { 8, 16, 64 }[random.Next(3)];
        VirtioFeatures features = ScmiDriverDouble.DefaultFeatures
            | (random.Next(2) == 0 ? VirtioFeatures.IndirectDescriptors : 0)
            | (random.Next(2) == 0 ? VirtioFeatures.EventIndex : 0);
        using var driver = new ScmiDriverDouble(model ?? new NotSupportedModel(), features, size);
        DriverQueue q = driver.CommandQueue;
        long posted = 0;
        for (int batch = 0; batch < batches; batch++)
        {
            var expected = new Dictionary<uint, int>(); // head -> outstanding count
            var validHeaders = new Dictionary<uint, uint>(); // head -> request header, for valid chains
            int chains = random.Next(1, size);
            for (int c = 0; c < chains && q.FreeDescriptors >= 4; c++)
            {
                uint head;
                int pick = random.Next(10);
                if (pick < 4)
                {
                    uint header = (uint)random.Next() & 0x0FFF_FFFF;
                    byte[] request = new byte[random.Next(4, 64)];
                    BinaryPrimitives.WriteUInt32LittleEndian(request, header);
                    int replyBytes = random.Next(8, 128);
                    head = features.HasFlag(VirtioFeatures.IndirectDescriptors) && random.Next(2) == 0
                        ? q.AddIndirectChain([request], [replyBytes])
                        : q.AddChain([request], [replyBytes]);
                    validHeaders[head] = header;
                }
                else if (pick == 4)
                {
                    head = (uint)(size + random.Next(0, 1000)); // head index past the table
                    q.MakeAvailable((ushort)head);
                }
                else
                {
                    head = AddGarbageChain(driver, random);
                }
                expected[head] = expected.GetValueOrDefault(head) + 1;
                posted++;
            }

            if (random.Next(8) == 0)
            {
                // A broken avail idx in between: nothing is consumed, then the driver repairs it.
                ushort sane = q.AvailIndex;
                q.SetAvailIndex((ushort)(sane + size + 1 + random.Next(1000)));
                driver.Kick(0);
                q.SetAvailIndex(sane);
            }
            driver.Kick(ScmiVirtioDevice.CommandQueueIndex);

            while (q.TryTakeUsed(out UsedElement used))
            {
                Assert.True(expected.TryGetValue(used.Id, out int outstanding) && outstanding > 0, $"unexpected used id {used.Id}");
                expected[used.Id] = outstanding - 1;
                if (validHeaders.Remove(used.Id, out uint header))
                {
                    byte[] reply = q.ReadReply(used.Id, used.Length);
                    Assert.Equal(8, reply.Length);
                    Assert.Equal(header, BinaryPrimitives.ReadUInt32LittleEndian(reply));
                }
                else
                {
                    Assert.True(used.Length <= 8, $"garbage chain {used.Id} returned {used.Length} bytes");
                }
            }
            Assert.True(expected.Values.All(v => v == 0), $"buffers not returned: {string.Join(",", expected.Where(e => e.Value != 0).Select(e => e.Key))}");
            Assert.True(driver.Ram.CanariesIntact(), "write outside guest RAM");
        }
        Assert.Equal(posted, driver.Device.Counters.Commands + driver.Device.Counters.Malformed);
        Assert.Equal(posted, driver.Device.Counters.Completed);
        return true;
    }

    /// <summary>1-4 descriptors of this chain's own with random addresses, lengths, flags and links.</summary>
    private static uint AddGarbageChain(ScmiDriverDouble driver, System.Random random)
    {
        DriverQueue q = driver.CommandQueue;
        int count = random.Next(1, 5);
        ushort[] own = Enumerable.Range(0, count).Select(_ => q.TakeFreeDescriptor()).ToArray();
        ulong ramEnd = driver.Ram.GuestBase + driver.Ram.Size;
        for (int i = 0; i < count; i++)
        {
            ulong buffer = q.BufferOf(own[i]);
            random.NextBytes(driver.Ram.At(buffer, DriverQueue.BufferBytes)); // junk, also as a would-be indirect table
            ulong address = (AddressKind)random.Next(5) switch
            {
                AddressKind.OwnBuffer => buffer,
                AddressKind.BeyondEnd => ramEnd + (ulong)random.Next(0, 1 << 20),
                AddressKind.BelowBase => (ulong)random.Next(0, (int)(driver.Ram.GuestBase >> 8)),
                AddressKind.StraddlingEnd => ramEnd - (ulong)random.Next(1, 16),
                _ => 0,
            };
            uint length = random.Next(6) switch
            {
                0 => 0,
                1 => uint.MaxValue,
                2 => (uint)ScmiVirtioDevice.MaxMessageBytes + 1,
                3 => (uint)(16 * random.Next(0, 3)),
                _ => (uint)random.Next(1, DriverQueue.BufferBytes + 1),
            };
            var flags = (DescriptorFlags)random.Next(8);
            ushort next = random.Next(3) switch
            {
                0 => own[(i + 1) % count],
                1 => own[random.Next(count)],
                _ => (ushort)(q.Size + random.Next(0, 100)),
            };
            if (i + 1 < count && random.Next(2) == 0)
                flags |= DescriptorFlags.Next;
            q.WriteDescriptor(own[i], address, length, flags, next);
        }
        q.OfferRawChain(own);
        return own[0];
    }
}
