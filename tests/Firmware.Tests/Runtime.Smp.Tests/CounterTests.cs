// Four CPUs add to one location at once: an atomic read-modify-write loses nothing; a plain one (load, add,
// store) loses every update another CPU makes between its load and its store.
using System.Threading;
using Nano.Runtime.Native;
using Nano.TestFramework;

namespace Runtime.Smp.Tests;

[TestClass]
public static unsafe class CounterTests
{
    // Each CPU keeps going for the whole window (and at least MinimumRounds): the host schedules the four vCPU
    // threads on fewer cores, and a fixed short count may finish on one CPU before the next one is running.
    private const ulong WindowMicroseconds = 300_000;
    private const int MinimumRounds = 20_000;
    private const int Batch = 64;                   // operations between two looks at the clock: dense races

    private static int s_counter;
    private static long s_wide;
    private static ulong s_windowEnd;
    private static PerCpu<long> s_rounds = null!;

    [Setup]
    public static void Allocate() => s_rounds ??= new PerCpu<long>();

    private static bool KeepGoing(long rounds) => rounds < MinimumRounds || Clock.Ticks < Volatile.Read(ref s_windowEnd);

    private static void Increment(int cpu)
    {
        long rounds = 0;
        for (; KeepGoing(rounds); rounds += Batch)
        {
            for (int i = 0; i < Batch; i++)
                Interlocked.Increment(ref s_counter);
        }
        s_rounds.Current = rounds;
    }

    private static void AddWide(int cpu)
    {
        long step = (long)(cpu + 1) << 33;
        long rounds = 0;
        for (; KeepGoing(rounds); rounds += Batch)
        {
            for (int i = 0; i < Batch; i++)
                Interlocked.Add(ref s_wide, step);
        }
        s_rounds.Current = rounds;
    }

    private static void CompareExchangeIncrement(int cpu)
    {
        long rounds = 0;
        for (; KeepGoing(rounds); rounds += Batch)
        {
            for (int i = 0; i < Batch; i++)
                CompareExchangeAddOne();
        }
        s_rounds.Current = rounds;
    }

    private static void CompareExchangeAddOne()
    {
        int current = Volatile.Read(ref s_counter);
        while (true)
        {
            int observed = Interlocked.CompareExchange(ref s_counter, current + 1, current);
            if (observed == current)
                return;
            current = observed;
        }
    }

    private static void RunWindow(delegate*<int, void> body)
    {
        Volatile.Write(ref s_windowEnd, Clock.Ticks + Clock.MicrosecondsToTicks(WindowMicroseconds));
        Parallel.Run(body);
    }

    private static long TotalRounds()
    {
        long total = 0;
        for (int cpu = 0; cpu < Parallel.Cpus; cpu++)
            total += s_rounds[cpu];
        return total;
    }

    [TestMethod]
    public static void Interlocked_Increment_from_four_CPUs_loses_no_update()
    {
        Volatile.Write(ref s_counter, 0);
        RunWindow(&Increment);
        Assert.AreEqual(TotalRounds(), (long)Volatile.Read(ref s_counter));
    }

    // 64-bit: the steps sit above bit 32, so a torn or lost update shows in the high word.
    [TestMethod]
    public static void Interlocked_Add_of_64_bits_from_four_CPUs_loses_no_update()
    {
        Volatile.Write(ref s_wide, 0);
        RunWindow(&AddWide);
        long expected = 0;
        for (int cpu = 0; cpu < Parallel.Cpus; cpu++)
            expected += s_rounds[cpu] * ((long)(cpu + 1) << 33);
        Assert.AreEqual(expected, Volatile.Read(ref s_wide));
    }

    [TestMethod]
    public static void A_compare_exchange_retry_loop_from_four_CPUs_loses_no_update()
    {
        Volatile.Write(ref s_counter, 0);
        RunWindow(&CompareExchangeIncrement);
        Assert.AreEqual(TotalRounds(), (long)Volatile.Read(ref s_counter));
    }
}
