// The generic timer: a monotonic counter and one-shot deadlines delivered to C# in IRQ context.
using Nano.Runtime.Native;
using Nano.TestFramework;

namespace Runtime.Tests;

[TestClass]
public static unsafe class ClockTests
{
    private static volatile int s_fired;
    private static volatile bool s_handlerSawMaskedInterrupts;
    private static ulong s_firedAt;

    private static void OnDeadline()
    {
        s_firedAt = Clock.Ticks;
        s_handlerSawMaskedInterrupts = !Cpu.InterruptsEnabled;
        s_fired++;
    }

    // Waits for the deadline with a timeout, so a lost interrupt fails the test instead of hanging.
    private static bool WaitForFire(int count, ulong timeoutMicroseconds)
    {
        ulong end = Clock.Ticks + Clock.MicrosecondsToTicks(timeoutMicroseconds);
        while (s_fired < count && Clock.Ticks < end)
        {
            // Spin, not WFI: when the interrupt never comes nothing would wake the core.
        }
        return s_fired >= count;
    }

    [TestMethod]
    public static void The_counter_runs_forward_at_the_reported_frequency()
    {
        Assert.AreEqual(62_500_000UL, Clock.Frequency, "QEMU virt's CNTFRQ");
        ulong previous = Clock.Ticks;
        for (int i = 0; i < 1000; i++)
        {
            ulong now = Clock.Ticks;
            Assert.IsTrue(now >= previous, "monotonic");
            previous = now;
        }
        ulong start = Clock.Microseconds;
        Clock.Delay(2000);
        Assert.IsTrue(Clock.Microseconds - start >= 2000, "Delay waits at least as long as asked");
    }

    [TestMethod]
    public static void Tick_and_microsecond_conversions_round_trip()
    {
        Assert.AreEqual(62_500UL, Clock.MicrosecondsToTicks(1000));
        Assert.AreEqual(1000UL, Clock.TicksToMicroseconds(62_500));
        Assert.AreEqual(ulong.MaxValue, Clock.MicrosecondsToTicks(ulong.MaxValue), "saturates");
        Assert.AreEqual(ulong.MaxValue / 62_500_000 * 1_000_000 + ulong.MaxValue % 62_500_000 * 1_000_000 / 62_500_000,
                        Clock.TicksToMicroseconds(ulong.MaxValue), "no overflow");
    }

    [TestMethod]
    public static void A_deadline_calls_its_handler_once_in_interrupt_context()
    {
        s_fired = 0;
        ulong deadline = Clock.Ticks + Clock.MicrosecondsToTicks(50_000);
        Clock.SetDeadline(deadline, &OnDeadline);
        // Pending until it fires; a host that stalls this vCPU past 50 ms may let it fire before the check.
        Assert.IsTrue(Clock.DeadlinePending || s_fired == 1, "pending (or fired already) after SetDeadline");
        Assert.IsTrue(WaitForFire(1, 1_000_000), "fired within a second");
        Assert.IsTrue(s_firedAt >= deadline, "not before the deadline");
        Assert.IsTrue(s_handlerSawMaskedInterrupts, "handlers run with interrupts masked");
        Assert.IsFalse(Clock.DeadlinePending);
        Clock.Delay(2000);
        Assert.AreEqual(1, s_fired, "one-shot");
        Assert.IsTrue(Cpu.InterruptsEnabled, "unmasked again after the handler");
    }

    [TestMethod]
    public static void A_deadline_in_the_past_fires_at_once()
    {
        s_fired = 0;
        Clock.SetDeadline(Clock.Ticks - 1, &OnDeadline);
        Assert.IsTrue(WaitForFire(1, 100_000));
    }

    [TestMethod]
    public static void A_cancelled_deadline_never_fires()
    {
        s_fired = 0;
        // 50 ms: far longer than SetTimeout to CancelDeadline takes even on a loaded host (1 ms was not).
        Clock.SetTimeout(50_000, &OnDeadline);
        Clock.CancelDeadline();
        Assert.IsFalse(WaitForFire(1, 100_000), "stayed quiet past the deadline");
        Assert.IsFalse(Clock.DeadlinePending);
    }
}
