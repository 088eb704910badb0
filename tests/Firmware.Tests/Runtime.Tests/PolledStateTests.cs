// Runtime state that interrupt handlers change, polled by the thread: each property must be read afresh on
// every iteration. A plain load is hoisted out of a loop without calls (the poll becomes "b ."); the spin
// limit turns that hang into a quick failure without putting a call or a volatile access in the loop.
using Nano.Runtime.Native;
using Nano.TestFramework;

namespace Runtime.Tests;

[TestClass]
public static unsafe class PolledStateTests
{
    // Far more iterations than the deadline takes to arrive (milliseconds), far fewer than a hang (seconds).
    private const int SpinLimit = 20_000_000;

    // Long enough that the interrupt comes while the loop runs, not before its first read (a software-pended
    // SPI is taken right after the distributor write, so it would prove nothing).
    private const ulong DeadlineMicroseconds = 5000;

    private static void Nothing()
    {
    }

    [TestMethod]
    public static void A_poll_on_DeliveredCount_sees_the_interrupt()
    {
        ulong before = Interrupts.DeliveredCount;
        Clock.SetTimeout(DeadlineMicroseconds, &Nothing);
        int spins = 0;
        while (Interrupts.DeliveredCount == before && ++spins < SpinLimit)
        {
        }
        Assert.IsTrue(spins < SpinLimit, "DeliveredCount changed while the thread polled it");
    }

    [TestMethod]
    public static void A_poll_on_DeadlinePending_sees_the_timer_fire()
    {
        Clock.SetTimeout(DeadlineMicroseconds, &Nothing);
        int spins = 0;
        while (Clock.DeadlinePending && ++spins < SpinLimit)
        {
        }
        Assert.IsTrue(spins < SpinLimit, "DeadlinePending cleared while the thread polled it");
        Assert.IsFalse(Clock.DeadlinePending);
    }

    private static int s_flag;

    private static void RaiseFlag() => s_flag = 1;

    // A barrier is a call into the shim the compiler cannot see through, so a plain load after it is made
    // again: that is what lets a poll of device-written memory pair a plain read with DataMemoryLoads.
    [TestMethod]
    public static void A_plain_poll_across_Barrier_DataMemoryLoads_sees_the_handler_store()
    {
        s_flag = 0;
        Clock.SetTimeout(DeadlineMicroseconds, &RaiseFlag);
        int spins = 0;
        while (s_flag == 0 && ++spins < SpinLimit)
            Barrier.DataMemoryLoads();
        Clock.CancelDeadline();
        Assert.IsTrue(spins < SpinLimit, "the barrier made the loop load the flag again");
    }
}
