// A per-slot state machine (Free -> Claimed -> Full -> Taking -> Free) driven by compare-exchange from four CPUs
// that all produce and consume: the shape of a message pool whose completions may land on any CPU. Each
// transition out of a shared state must be won by exactly one CPU, or a slot is filled twice (a payload lost) or
// emptied twice (a payload counted twice).
using System.Threading;
using Nano.Runtime.Native;
using Nano.TestFramework;

namespace Runtime.Smp.Tests;

[TestClass]
public static unsafe class SlotStateMachineTests
{
    private const int Free = 0, Claimed = 1, Full = 2, Taking = 3;
    private const int Slots = 16;
    private const int ItemsPerCpu = 40_000;

    private static int[] s_states = null!;
    private static long[] s_payloads = null!;
    private static PerCpu<long> s_consumedSum = null!;
    private static PerCpu<int> s_consumedCount = null!;
    private static PerCpu<int> s_badTransitions = null!;

    [Setup]
    public static void Allocate()
    {
        s_states ??= new int[Slots];
        s_payloads ??= new long[Slots];
        s_consumedSum ??= new PerCpu<long>();
        s_consumedCount ??= new PerCpu<int>();
        s_badTransitions ??= new PerCpu<int>();
    }

    private static long Payload(int cpu, int item) => ((long)(cpu + 1) << 32) + item + 1;

    private static bool TryConsume(int start)
    {
        for (int n = 0; n < Slots; n++)
        {
            int slot = (start + n) % Slots;
            if (Volatile.Read(ref s_states[slot]) != Full)
                continue;
            if (Interlocked.CompareExchange(ref s_states[slot], Taking, Full) != Full)
                continue;
            s_consumedSum.Current += Volatile.Read(ref s_payloads[slot]);
            s_consumedCount.Current++;
            // Only the CPU that won Full -> Taking may free the slot: a release store, after the payload read.
            if (Interlocked.Exchange(ref s_states[slot], Free) != Taking)
                s_badTransitions.Current++;
            return true;
        }
        return false;
    }

    private static bool TryProduce(int start, long payload)
    {
        for (int n = 0; n < Slots; n++)
        {
            int slot = (start + n) % Slots;
            if (Volatile.Read(ref s_states[slot]) != Free)
                continue;
            if (Interlocked.CompareExchange(ref s_states[slot], Claimed, Free) != Free)
                continue;
            Volatile.Write(ref s_payloads[slot], payload);
            if (Interlocked.Exchange(ref s_states[slot], Full) != Claimed)
                s_badTransitions.Current++;
            return true;
        }
        return false;
    }

    private static void ProduceAndConsume(int cpu)
    {
        s_consumedSum.Current = 0;
        s_consumedCount.Current = 0;
        s_badTransitions.Current = 0;
        int item = 0;
        int start = cpu * 5;
        while (item < ItemsPerCpu)
        {
            if (TryProduce(start, Payload(cpu, item)))
                item++;
            TryConsume(start + 3);
            start = (start + 1) % Slots;
        }
    }

    [TestMethod]
    public static void Every_item_produced_on_four_CPUs_is_consumed_exactly_once()
    {
        for (int slot = 0; slot < Slots; slot++)
            s_states[slot] = Free;
        Parallel.Run(&ProduceAndConsume);
        while (TryConsume(0))
        {
        }
        long expectedSum = 0;
        for (int cpu = 0; cpu < Parallel.Cpus; cpu++)
            expectedSum += ((long)(cpu + 1) << 32) * ItemsPerCpu + (long)ItemsPerCpu * (ItemsPerCpu + 1) / 2;
        long sum = 0;
        int count = 0, bad = 0;
        for (int cpu = 0; cpu < Parallel.Cpus; cpu++)
        {
            sum += s_consumedSum[cpu];
            count += s_consumedCount[cpu];
            bad += s_badTransitions[cpu];
        }
        Assert.AreEqual(0, bad, "transitions out of a state another CPU also left");
        Assert.AreEqual(Parallel.Cpus * ItemsPerCpu, count, "items consumed");
        Assert.AreEqual(expectedSum, sum, "sum of the consumed payloads");
        for (int slot = 0; slot < Slots; slot++)
            Assert.AreEqual(Free, s_states[slot], "every slot ends free");
    }
}
