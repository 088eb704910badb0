// Interrupt dispatch into C#: a software-pended shared interrupt reaches the handler registered for
// its INTID, once, and the controller accepts the next one afterwards.
using Nano.Runtime;
using Nano.Runtime.Native;
using Nano.TestFramework;

namespace Runtime.Tests;

[TestClass]
public static unsafe class InterruptTests
{
    // An SPI no qemu-virt device uses (virtio slots are INTIDs 48..79, the UART 33).
    private const uint SpareIntid = 100;

    private static volatile int s_calls;
    private static uint s_lastIntid;

    private static void OnSpare(uint intid)
    {
        s_lastIntid = intid;
        s_calls++;
    }

    private static bool WaitForCalls(int count)
    {
        ulong end = Clock.Ticks + Clock.MicrosecondsToTicks(100_000);
        while (s_calls < count && Clock.Ticks < end)
        {
            // Spin, not WFI: when the interrupt never comes nothing would wake the core.
        }
        return s_calls >= count;
    }

    [Cleanup]
    public static void ForgetHandler() => Interrupts.Unregister(SpareIntid);

    [TestMethod]
    public static void A_pended_interrupt_reaches_its_handler_with_its_intid()
    {
        s_calls = 0;
        Interrupts.Register(SpareIntid, &OnSpare);
        Interrupts.Configure(SpareIntid, InterruptTrigger.Edge);
        Interrupts.Enable(SpareIntid);
        ulong before = Interrupts.DeliveredCount;
        Interrupts.SetPending(SpareIntid);
        Assert.IsTrue(WaitForCalls(1), "delivered");
        Assert.AreEqual(SpareIntid, s_lastIntid);
        Assert.IsTrue(Interrupts.DeliveredCount > before, "counted");
        Interrupts.SetPending(SpareIntid);
        Assert.IsTrue(WaitForCalls(2), "the end of interrupt let the next one through");
    }

    [TestMethod]
    public static void A_disabled_interrupt_stays_pending_until_enabled()
    {
        s_calls = 0;
        Interrupts.Register(SpareIntid, &OnSpare);
        Interrupts.Disable(SpareIntid);
        Interrupts.SetPending(SpareIntid);
        Clock.Delay(1000);
        Assert.AreEqual(0, s_calls, "not delivered while disabled");
        Assert.IsTrue(Interrupts.IsPending(SpareIntid), "still pending");
        Interrupts.Enable(SpareIntid);
        Assert.IsTrue(WaitForCalls(1), "delivered once enabled");
    }

    [TestMethod]
    public static void Masking_on_the_cpu_defers_delivery()
    {
        s_calls = 0;
        Interrupts.Register(SpareIntid, &OnSpare);
        Interrupts.Enable(SpareIntid);
        ulong state = Cpu.SaveAndDisable();
        Assert.IsFalse(Cpu.InterruptsEnabled);
        Interrupts.SetPending(SpareIntid);
        Clock.Delay(1000);
        Assert.AreEqual(0, s_calls, "masked");
        Cpu.Restore(state);
        Assert.IsTrue(WaitForCalls(1), "delivered after restore");
    }

    private static void EnableWithoutHandler() => Interrupts.Enable(SpareIntid + 1);

    private static void IntidOutOfRange() => Interrupts.Register(5000, &OnSpare);

    [TestMethod]
    public static void Enabling_without_a_handler_or_past_the_last_intid_panics()
    {
        Assert.AreEqual(Panic.ExitCode, Recovery.Run(&EnableWithoutHandler), "no handler");
        Assert.AreEqual(Panic.ExitCode, Recovery.Run(&IntidOutOfRange), "out of range");
    }

    // GICD_ICFGRn at 0xC00: two bits per INTID, bit 1 of the pair set for edge.
    private static bool ConfiguredEdge(uint intid)
        => (Mmio.Read32(BoardMap.GicDistributorBase + 0xC00 + intid / 16 * 4) & (1u << (int)(intid % 16 * 2 + 1))) != 0;

    [TestMethod]
    public static void Configuring_an_enabled_interrupt_changes_its_trigger_and_leaves_it_enabled()
    {
        s_calls = 0;
        Interrupts.Register(SpareIntid, &OnSpare);
        Interrupts.Configure(SpareIntid, InterruptTrigger.Level);
        Interrupts.Enable(SpareIntid);
        Interrupts.Configure(SpareIntid, InterruptTrigger.Edge);
        Assert.IsTrue(ConfiguredEdge(SpareIntid), "edge now");
        Assert.IsTrue(Interrupts.IsEnabled(SpareIntid), "enabled again after the change");
        Interrupts.Configure(SpareIntid, InterruptTrigger.Level);
        Assert.IsFalse(ConfiguredEdge(SpareIntid), "level again");
        Assert.IsTrue(Interrupts.IsEnabled(SpareIntid), "still enabled");
        Interrupts.Configure(SpareIntid, InterruptTrigger.Edge);
        Interrupts.SetPending(SpareIntid);
        Assert.IsTrue(WaitForCalls(1), "and delivered");
    }

    [TestMethod]
    public static void Configuring_a_disabled_interrupt_leaves_it_disabled()
    {
        Interrupts.Register(SpareIntid, &OnSpare);
        Interrupts.Disable(SpareIntid);
        Interrupts.Configure(SpareIntid, InterruptTrigger.Edge);
        Assert.IsTrue(ConfiguredEdge(SpareIntid), "edge");
        Assert.IsFalse(Interrupts.IsEnabled(SpareIntid), "not enabled by configuring");
    }
}
