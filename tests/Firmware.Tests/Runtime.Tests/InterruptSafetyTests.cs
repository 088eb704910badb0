// Runtime state an interrupt handler can reach while the thread is inside it: a static constructor that
// is running, a panic report being written, a recovery point. Each misuse panics loudly or is made safe.
using System;
using System.Threading;
using Nano.Runtime;
using Nano.Runtime.Native;
using Nano.TestFramework;

namespace Runtime.Tests;

/// <summary>A type whose static constructor waits, inside itself, for a timer interrupt whose handler reads it.</summary>
internal static unsafe class ConstructedWhileInterrupted
{
    public static readonly int Value;

    static ConstructedWhileInterrupted()
    {
        InterruptSafetyTests.WaitForHandlerInsideConstructor();
        Value = 42;
    }
}

[TestClass]
public static unsafe class InterruptSafetyTests
{
    private static int s_handlerRan;
    private static int s_valueSeenByHandler = -1;
    private static int s_interruptsEnabledDuringReport = -1;

    private static void ReadStaticFromHandler()
    {
        Volatile.Write(ref s_handlerRan, 1);
        Volatile.Write(ref s_valueSeenByHandler, ConstructedWhileInterrupted.Value);
    }

    internal static void WaitForHandlerInsideConstructor()
    {
        Clock.SetTimeout(1000, &ReadStaticFromHandler);
        ulong end = Clock.Ticks + Clock.MicrosecondsToTicks(1_000_000);
        while (Volatile.Read(ref s_handlerRan) == 0 && Clock.Ticks < end)
        {
        }
    }

    private static void TouchTheType() => Volatile.Write(ref s_valueSeenByHandler, ConstructedWhileInterrupted.Value + 1000);

    [TestMethod]
    public static void A_static_constructor_re_entered_from_an_interrupt_handler_panics()
    {
        Assert.AreEqual(Panic.ExitCode, Recovery.Run(&TouchTheType), "the handler's read of half-constructed statics");
        Assert.AreEqual("static constructor re-entered from an interrupt handler", Panic.LastReason);
        Assert.AreEqual(1, Volatile.Read(ref s_handlerRan), "the handler ran inside the constructor");
        Assert.AreEqual(-1, Volatile.Read(ref s_valueSeenByHandler), "no zeroed value was read");
    }

    private static void ReportAPanic()
    {
        Panic.WriteHeader("deliberate, with interrupts enabled before it");
        Volatile.Write(ref s_interruptsEnabledDuringReport, Cpu.InterruptsEnabled ? 1 : 0);
        Panic.Stop();
    }

    [TestMethod]
    public static void A_panic_report_is_written_with_interrupts_masked_and_the_escape_unmasks_them()
    {
        Assert.IsTrue(Cpu.InterruptsEnabled, "enabled before");
        Assert.AreEqual(Panic.ExitCode, Recovery.Run(&ReportAPanic));
        Assert.AreEqual(0, Volatile.Read(ref s_interruptsEnabledDuringReport), "masked while the report was written");
        Assert.IsTrue(Cpu.InterruptsEnabled, "the escape restored the masks Run began with");
    }

    private static void Nothing()
    {
    }

    private static void RunInsideHandler() => Recovery.Run(&Nothing);

    private static void WaitForRunInsideHandler()
    {
        Clock.SetTimeout(100, &RunInsideHandler);
        ulong end = Clock.Ticks + Clock.MicrosecondsToTicks(1_000_000);
        while (Clock.Ticks < end)
        {
        }
    }

    [TestMethod]
    public static void Recovery_Run_inside_an_interrupt_handler_panics()
    {
        Assert.IsFalse(Cpu.InExceptionHandler, "thread code");
        Assert.AreEqual(Panic.ExitCode, Recovery.Run(&WaitForRunInsideHandler));
        Assert.AreEqual("Recovery.Run inside an interrupt handler", Panic.LastReason);
        Assert.IsTrue(Cpu.InterruptsEnabled, "back in thread mode, unmasked");
    }
}
