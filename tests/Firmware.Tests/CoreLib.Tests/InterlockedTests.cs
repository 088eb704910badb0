// What Interlocked returns and how it wraps, as .NET defines it. Atomicity against an interrupt handler is
// probed in Runtime.Concurrency.Tests, Volatile polls there and in Runtime.Tests (PolledStateTests).
using System.Threading;
using Nano.TestFramework;

namespace CoreLib.Tests;

[TestClass]
public static class InterlockedTests
{
    private static int s_int;
    private static uint s_uint;
    private static long s_long;
    private static ulong s_ulong;

    [TestMethod]
    public static void CompareExchange_swaps_only_on_a_match()
    {
        s_int = 5;
        Assert.AreEqual(5, Interlocked.CompareExchange(ref s_int, 9, 5), "returns the old value");
        Assert.AreEqual(9, s_int);
        Assert.AreEqual(9, Interlocked.CompareExchange(ref s_int, 1, 5), "no match");
        Assert.AreEqual(9, s_int, "unchanged");
        s_long = long.MaxValue;
        Assert.AreEqual(long.MaxValue, Interlocked.CompareExchange(ref s_long, -1, long.MaxValue));
        Assert.AreEqual(-1L, s_long);
        s_uint = 3;
        Assert.AreEqual(3u, Interlocked.CompareExchange(ref s_uint, 4u, 3u));
        s_ulong = 1UL << 63;
        Assert.AreEqual(1UL << 63, Interlocked.CompareExchange(ref s_ulong, 2UL, 1UL << 63));
        Assert.AreEqual(2UL, s_ulong);
    }

    [TestMethod]
    public static void Increment_Decrement_Add_and_Exchange()
    {
        s_int = int.MaxValue;
        Assert.AreEqual(int.MinValue, Interlocked.Increment(ref s_int), "wraps like .NET");
        s_uint = 0;
        Assert.AreEqual(1u, Interlocked.Increment(ref s_uint));
        Assert.AreEqual(0u, Interlocked.Decrement(ref s_uint));
        s_long = 10;
        Assert.AreEqual(11L, Interlocked.Increment(ref s_long));
        Assert.AreEqual(111L, Interlocked.Add(ref s_long, 100));
        Assert.AreEqual(111L, Interlocked.Exchange(ref s_long, 7), "returns the old value");
        Assert.AreEqual(7L, s_long);
        s_int = 1;
        Assert.AreEqual(1, Interlocked.Exchange(ref s_int, 2));
        Assert.AreEqual(2, s_int);
        s_uint = 0b0101;
        Assert.AreEqual(0b0101u, Interlocked.Or(ref s_uint, 0b1000));
        Assert.AreEqual(0b1101u, s_uint);
    }
}
