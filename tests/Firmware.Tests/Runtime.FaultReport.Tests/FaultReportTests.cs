// A fault inside one test is that test's failure (with the board's PANIC report), and the run goes on.
using Nano.Runtime;
using Nano.Runtime.Native;
using Nano.TestFramework;

namespace Runtime.FaultReport.Tests;

internal sealed class Cell
{
    public int Value;
}

[TestClass]
public static class FaultReportTests
{
#pragma warning disable CS0649 // deliberately null
    private static Cell? s_missing;
#pragma warning restore CS0649
    private static int s_testsStarted;
    private static ulong s_stackBefore;

    [TestMethod]
    public static void A_test_before_the_fault_passes()
    {
        s_testsStarted++;
        s_stackBefore = Cpu.StackPointer;
    }

    [TestMethod]
    public static void A_null_dereference_fails_only_this_test()
    {
        s_testsStarted++;
        s_missing!.Value = 1;           // data abort in the unmapped low window: PANIC: null reference
        Assert.Fail("the dereference returned");
    }

    [TestMethod]
    public static void The_run_goes_on_after_the_fault()
    {
        s_testsStarted++;
        Assert.AreEqual(3, s_testsStarted, "every test started");
        Assert.AreEqual(s_stackBefore, Cpu.StackPointer, "same stack depth as before the fault");
        Assert.IsTrue(Cpu.InterruptsEnabled, "interrupts unmasked again");
        Assert.AreEqual(1u, Cpu.ExceptionLevel, "thread mode at EL1");
        // What the runner put after "PANIC: " on the failed test's line.
        Assert.AreEqual("null reference", Panic.LastReason, "the fault's reason is kept");
    }
}
