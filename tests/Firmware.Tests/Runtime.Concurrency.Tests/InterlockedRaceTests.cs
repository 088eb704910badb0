// Interlocked against an interrupt handler: the thread and the handler update one location, and no update
// may be lost. A plain load/modify/store on the thread side loses the handler's update whenever the
// interrupt lands between its load and its store (possible at every instruction under -icount).
using System.Threading;
using Nano.TestFramework;

namespace Runtime.Concurrency.Tests;

[TestClass]
public static unsafe class InterlockedRaceTests
{
    // Thread-side operations at least; each probe also runs until PeriodicInterrupt.MinimumCalls interrupts
    // have raced it. A plain compare-exchange loses about 5 updates per 100 interrupts here (deterministic
    // under -icount), so each probe fails every run when its operation is not atomic.
    private const int Iterations = 20_000;

    private static int s_counter;
    private static long s_wide;
    private static int s_pool;

    private static void IncrementCounter() => Interlocked.Increment(ref s_counter);

    private static void AddFiveWide() => Interlocked.Add(ref s_wide, 5);

    private static void AddOneToPool() => Interlocked.Add(ref s_pool, 1);

    // Adds through a compare-exchange retry loop, the way lock-free code publishes a new state.
    private static void CompareExchangeAdd(ref int location, int value)
    {
        int current = Volatile.Read(ref location);
        while (true)
        {
            int observed = Interlocked.CompareExchange(ref location, current + value, current);
            if (observed == current)
                return;
            current = observed;
        }
    }

    private static void CompareExchangeIncrementCounter() => CompareExchangeAdd(ref s_counter, 1);

    [TestMethod]
    public static void CompareExchange_loses_no_update_to_an_interrupt_handler()
    {
        Volatile.Write(ref s_counter, 0);
        PeriodicInterrupt.Start(&CompareExchangeIncrementCounter);
        int rounds = 0;
        for (; PeriodicInterrupt.KeepRacing(rounds, Iterations); rounds++)
            CompareExchangeAdd(ref s_counter, 1);
        int interrupts = PeriodicInterrupt.Stop();
        Assert.IsTrue(interrupts >= PeriodicInterrupt.MinimumCalls, "the handler raced the thread");
        Assert.AreEqual(rounds + interrupts, Volatile.Read(ref s_counter));
    }

    [TestMethod]
    public static void Increment_loses_no_update_to_an_interrupt_handler()
    {
        Volatile.Write(ref s_counter, 0);
        PeriodicInterrupt.Start(&IncrementCounter);
        int rounds = 0;
        for (; PeriodicInterrupt.KeepRacing(rounds, Iterations); rounds++)
            Interlocked.Increment(ref s_counter);
        int interrupts = PeriodicInterrupt.Stop();
        Assert.IsTrue(interrupts >= PeriodicInterrupt.MinimumCalls, "the handler raced the thread");
        Assert.AreEqual(rounds + interrupts, Volatile.Read(ref s_counter));
    }

    [TestMethod]
    public static void Add_of_64_bits_loses_no_update_to_an_interrupt_handler()
    {
        Volatile.Write(ref s_wide, 1L << 40);
        PeriodicInterrupt.Start(&AddFiveWide);
        int rounds = 0;
        for (; PeriodicInterrupt.KeepRacing(rounds, Iterations); rounds++)
            Interlocked.Add(ref s_wide, 3);
        int interrupts = PeriodicInterrupt.Stop();
        Assert.IsTrue(interrupts >= PeriodicInterrupt.MinimumCalls, "the handler raced the thread");
        Assert.AreEqual((1L << 40) + 3L * rounds + 5L * interrupts, Volatile.Read(ref s_wide));
    }

    [TestMethod]
    public static void Exchange_takes_every_unit_the_handler_adds()
    {
        Volatile.Write(ref s_pool, 0);
        long taken = 0;
        PeriodicInterrupt.Start(&AddOneToPool);
        for (int rounds = 0; PeriodicInterrupt.KeepRacing(rounds, Iterations); rounds++)
            taken += Interlocked.Exchange(ref s_pool, 0);
        int interrupts = PeriodicInterrupt.Stop();
        taken += Interlocked.Exchange(ref s_pool, 0);
        Assert.IsTrue(interrupts >= PeriodicInterrupt.MinimumCalls, "the handler raced the thread");
        Assert.AreEqual((long)interrupts, taken, "units added by the handler = units the thread took");
    }
}
