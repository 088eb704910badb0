// Non-local exit: Recovery.Run returns 0 or the escape code; faults and panics below it come back as
// code 2 with the CPU sane again (thread mode, same stack, interrupts as before), so a test framework
// can report a faulting test as failed and go on.
using System;
using Nano.Runtime;
using Nano.Runtime.Native;
using Nano.TestFramework;

namespace Runtime.Tests;

internal sealed class Box
{
    public int Value;
}

[TestClass]
public static unsafe class RecoveryTests
{
#pragma warning disable CS0649 // deliberately null
    private static Box? s_nothing;
#pragma warning restore CS0649
    private static int s_depthInside;
    private static int s_innerResult;
    private static ulong s_stackInside;
    private static volatile int s_timerFired;

    private static void Returns() => s_depthInside = Recovery.Depth;

    private static void EscapesWith7() => Recovery.Escape(7);

    private static void NullDereference() => s_nothing!.Value = 1;

    private static void Recurses() => s_stackInside = Recurse(1);

    private static ulong Recurse(ulong depth)
    {
        System.Span<byte> frame = stackalloc byte[512];
        frame[(int)(depth & 511)] = (byte)depth;
        return Recurse(depth + 1) + frame[3];
    }

    private static void Inner() => Recovery.Escape(3);

    private static void Outer()
    {
        s_innerResult = Recovery.Run(&Inner);
        Recovery.Escape(5);
    }

    private static void FaultInInterruptHandler()
    {
        Clock.SetTimeout(200, &NullDereferenceInHandler);
        while (true)
            Cpu.WaitForInterrupt();
    }

    private static void NullDereferenceInHandler() => s_nothing!.Value = 2;

    private static void OnTimer() => s_timerFired++;

    private static void FailingPanic() => Panic.Fail("deliberate");

    private static void LongPanic()
        => Panic.Fail("a reason longer than the kept part: 0123456789 0123456789 0123456789 0123456789 0123456789 0123456789 0123456789 0123456789 tail");

    private static void Throws() => throw new InvalidOperationException("deliberate");

    [TestMethod]
    public static void Run_returns_zero_when_the_body_returns()
    {
        Assert.IsTrue(Recovery.IsActive, "the test runner itself runs each test under Run");
        int outer = Recovery.Depth;
        Assert.AreEqual(0, Recovery.Run(&Returns));
        Assert.AreEqual(outer + 1, s_depthInside, "one level deeper inside");
        Assert.AreEqual(outer, Recovery.Depth, "back out");
    }

    [TestMethod]
    public static void Escape_returns_its_code_and_nests()
    {
        Assert.AreEqual(7, Recovery.Run(&EscapesWith7));
        s_innerResult = 0;
        Assert.AreEqual(5, Recovery.Run(&Outer), "outer escape");
        Assert.AreEqual(3, s_innerResult, "inner escape stopped at the inner Run");
    }

    [TestMethod]
    public static void A_null_dereference_comes_back_as_a_panic_and_the_run_goes_on()
    {
        ulong stack = Cpu.StackPointer;
        Assert.AreEqual(Panic.ExitCode, Recovery.Run(&NullDereference));
        Assert.AreEqual("null reference", Panic.LastReason, "the PANIC line's reason is kept");
        Assert.AreEqual(stack, Cpu.StackPointer, "same stack as before the fault");
        Assert.AreEqual(1u, Cpu.ExceptionLevel);
        Assert.IsTrue(Cpu.InterruptsEnabled, "interrupts unmasked as before");
    }

    [TestMethod]
    public static void A_panic_comes_back_as_code_2()
    {
        Assert.AreEqual(Panic.ExitCode, Recovery.Run(&FailingPanic));
        Assert.AreEqual("deliberate", Panic.LastReason);
    }

    [TestMethod]
    public static void The_last_panic_reason_replaces_the_one_before_and_ends_at_the_header_line()
    {
        Assert.AreEqual(Panic.ExitCode, Recovery.Run(&NullDereference));
        Assert.AreEqual(Panic.ExitCode, Recovery.Run(&Throws));
        // The type name comes from the image as UTF-8; the detail lines after the header are not kept.
        Assert.IsTrue(Panic.LastReason.StartsWith("exception thrown: "), "the throw's header, not the earlier fault's");
        Assert.IsTrue(Panic.LastReason.EndsWith("InvalidOperationException"), "up to the type name, without the message detail line");
    }

    [TestMethod]
    public static void A_long_panic_reason_is_kept_cut_to_its_capacity()
    {
        Assert.AreEqual(Panic.ExitCode, Recovery.Run(&LongPanic));
        Assert.AreEqual(Panic.ReasonCapacity, Panic.LastReason.Length);
        Assert.IsTrue(Panic.LastReason.StartsWith("a reason longer than the kept part: "));
        Assert.IsFalse(Panic.LastReason.EndsWith("tail"), "the end beyond the capacity is dropped");
    }

    [TestMethod]
    public static void A_stack_overflow_hits_the_guard_page_and_comes_back()
    {
        Assert.AreEqual(Panic.ExitCode, Recovery.Run(&Recurses));
        Assert.AreEqual("stack overflow", Panic.LastReason);
        Assert.AreEqual(0UL, s_stackInside, "never returned");
    }

    [TestMethod]
    public static void A_fault_inside_an_interrupt_handler_comes_back_and_interrupts_still_work()
    {
        Assert.AreEqual(Panic.ExitCode, Recovery.Run(&FaultInInterruptHandler));
        Assert.IsTrue(Cpu.InterruptsEnabled, "thread mode with interrupts unmasked");
        s_timerFired = 0;
        Clock.SetTimeout(200, &OnTimer);
        ulong end = Clock.Ticks + Clock.MicrosecondsToTicks(1_000_000);
        while (s_timerFired == 0 && Clock.Ticks < end)
        {
            // Spin: a lost interrupt must fail the test, not hang it.
        }
        Assert.AreEqual(1, s_timerFired, "the timer interrupt was ended and fires again");
    }

    [TestMethod]
    public static void Masked_interrupts_stay_masked_after_an_escape()
    {
        ulong state = Cpu.SaveAndDisable();
        int code = Recovery.Run(&NullDereference);
        bool enabledAfter = Cpu.InterruptsEnabled;
        Cpu.Restore(state);
        Assert.AreEqual(Panic.ExitCode, code);
        Assert.IsFalse(enabledAfter, "the mask Run started with");
    }
}
