// A thread polling a value only an interrupt handler changes must load it afresh each time round: through
// Volatile.Read, or across Interlocked.MemoryBarrier. A plain load with neither is hoisted out of the loop
// (the poll becomes "b ."); the spin limit turns that hang into a quick failure.
using System.Threading;
using Nano.Runtime.Native;
using Nano.TestFramework;

namespace Runtime.Concurrency.Tests;

[TestClass]
public static unsafe class VisibilityTests
{
    // Far more iterations than the deadline takes to arrive, far fewer than a hang.
    private const int SpinLimit = 20_000_000;
    private const ulong DeadlineMicroseconds = 5000;

    private static int s_flag;

    private static void RaiseFlag() => Volatile.Write(ref s_flag, 1);

    [TestMethod]
    public static void A_Volatile_Read_poll_sees_the_handler_store()
    {
        Volatile.Write(ref s_flag, 0);
        Clock.SetTimeout(DeadlineMicroseconds, &RaiseFlag);
        int spins = 0;
        while (Volatile.Read(ref s_flag) == 0 && ++spins < SpinLimit)
        {
        }
        Clock.CancelDeadline();
        Assert.IsTrue(spins < SpinLimit, "the flag was seen before the spin limit");
    }

    [TestMethod]
    public static void A_plain_poll_across_MemoryBarrier_sees_the_handler_store()
    {
        Volatile.Write(ref s_flag, 0);
        Clock.SetTimeout(DeadlineMicroseconds, &RaiseFlag);
        int spins = 0;
        while (s_flag == 0 && ++spins < SpinLimit)
            Interlocked.MemoryBarrier();
        Clock.CancelDeadline();
        Assert.IsTrue(spins < SpinLimit, "the barrier made the loop load the flag again");
    }
}
