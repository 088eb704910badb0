// Entropy by polling: the used-index snapshot primitive, batches, the 16-bit wrap, no allocation, and cost.
using Nano.Runtime;
using Nano.Runtime.Native;
using Nano.TestFramework;
using Virtio;

namespace Virtio.Entropy.Tests;

[TestClass]
public class PollingTests
{
    private static SplitQueue? s_queue;

    [Setup]
    public static void BringUp()
    {
        s_queue = EntropyDevice.Start(eventIndex: false);
        // Polling owns the queue alone: no interrupt handler may drain it meanwhile.
        EntropyDevice.DetachInterrupt();
        s_queue.DisableCallbacks();
    }

    [Cleanup]
    public static void ShutDown() => Assert.IsTrue(EntropyDevice.Device!.Shutdown(), "reset");

    [TestMethod]
    public static void Entropy_arrives_by_polling_the_used_index()
    {
        SplitQueue queue = s_queue!;
        DmaRegion buffer = EntropyDevice.Buffers[0]!;
        buffer.Span.Clear();
        ushort snapshot = queue.UsedIndexSnapshot();
        Assert.AreEqual((int)QueueStatus.Ok, (int)queue.SubmitWritable(buffer.All, 7, out _), "submit");
        queue.Kick();
        Polling.UntilUsedIndexMoves(queue, snapshot);
        UsedBuffer used = Polling.TakeOne(queue);
        Assert.AreEqual(7, used.Token, "token");
        Assert.AreEqual((uint)EntropyDevice.BufferBytes, used.WrittenLength, "bytes of entropy");
        int nonZero = 0;
        System.Span<byte> bytes = buffer.Span;
        for (int i = 0; i < bytes.Length; i++)
            nonZero += bytes[i] != 0 ? 1 : 0;
        Assert.IsTrue(nonZero > 32, "64 random bytes are not mostly zero");
        Assert.AreEqual(0ul, queue.Counters.Rejected, "rejections");
    }

    [TestMethod]
    public static void A_full_queue_of_requests_completes_each_with_its_own_token()
    {
        SplitQueue queue = s_queue!;
        int tokens = 0;
        for (int i = 0; i < EntropyDevice.BufferCount; i++)
        {
            Assert.AreEqual((int)QueueStatus.Ok, (int)queue.SubmitWritable(EntropyDevice.Buffers[i]!.All, 1 << i, out _), "submit");
        }
        Assert.AreEqual((int)QueueStatus.Full, (int)queue.SubmitWritable(EntropyDevice.Buffers[0]!.All, 0, out _), "a ninth is refused");
        queue.Kick();
        for (int i = 0; i < EntropyDevice.BufferCount; i++)
            tokens |= Polling.TakeOne(queue).Token;
        Assert.AreEqual(0xff, tokens, "every token came back once");
        Assert.AreEqual(EntropyDevice.BufferCount, queue.FreeDescriptors, "all descriptors free again");
    }

    [TestMethod]
    public static void Seventy_thousand_requests_cross_the_16_bit_index_wrap_without_loss_or_allocation()
    {
        SplitQueue queue = s_queue!;
        ulong completedBefore = queue.Counters.Completed;
        long allocatedBefore = Heap.BytesAllocated;
        const int rounds = 70_000;
        for (int i = 0; i < rounds; i++)
        {
            // Two in flight at a time, so completions overlap and the wrap is crossed mid-batch.
            queue.SubmitWritable(EntropyDevice.Buffers[i & 7]!.Slice(0, 16), i, out _);
            if ((i & 1) == 1 || i == rounds - 1)
            {
                queue.Kick();
                while (queue.InFlight > 0)
                    Polling.TakeOne(queue);
            }
        }
        Assert.AreEqual((ulong)rounds, queue.Counters.Completed - completedBefore, "completions");
        Assert.AreEqual(0ul, queue.Counters.Rejected, "rejections");
        Assert.AreEqual(0L, Heap.BytesAllocated - allocatedBefore, "bytes allocated while running");
        OutputHelper.Write("used index after the run: ");
        OutputHelper.Write((ulong)queue.UsedIndexSnapshot());
        OutputHelper.WriteLine("");
    }

    [TestMethod]
    public static void Round_trip_cost_in_counter_ticks()
    {
        // Under -icount shift=0 one counter tick is 16 instructions (1 ns per instruction, 62.5 MHz counter).
        SplitQueue queue = s_queue!;
        DmaSlice buffer = EntropyDevice.Buffers[0]!.Slice(0, 16);
        const int rounds = 4096;
        ulong submitTicks = 0, takeTicks = 0;
        ulong start = Clock.Ticks;
        for (int i = 0; i < rounds; i++)
        {
            ulong t0 = Clock.Ticks;
            ushort snapshot = queue.UsedIndexSnapshot();
            queue.SubmitWritable(buffer, i, out _);
            queue.Kick();
            ulong t1 = Clock.Ticks;
            Polling.UntilUsedIndexMoves(queue, snapshot);
            ulong t2 = Clock.Ticks;
            queue.TryTakeUsed(out _);
            ulong t3 = Clock.Ticks;
            submitTicks += t1 - t0;
            takeTicks += t3 - t2;
        }
        ulong total = Clock.Ticks - start;
        Report("round trip (submit, kick, wait, take)", total, rounds);
        Report("driver: snapshot + submit + kick", submitTicks, rounds);
        Report("driver: take", takeTicks, rounds);
        Assert.AreEqual(0ul, queue.Counters.Rejected, "rejections");
    }

    private static void Report(string what, ulong ticks, int rounds)
    {
        OutputHelper.Write("bench,virtio-rng polling,");
        OutputHelper.Write(what);
        OutputHelper.Write(",ticks x1000 per op=");
        OutputHelper.Write(ticks * 1000 / (ulong)rounds);
        OutputHelper.Write(",instructions per op if run with -icount shift=0 (16 per tick)=");
        OutputHelper.Write(ticks * 16 / (ulong)rounds);
        OutputHelper.WriteLine("");
    }
}
