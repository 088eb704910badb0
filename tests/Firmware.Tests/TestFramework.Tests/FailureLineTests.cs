// The message on a failed case's result line: a fault or panic below the case names its reason
// ("PANIC: null reference"), so the line stands without the board's report above it.
using System;
using Nano.Runtime;
using Nano.Runtime.Native;
using Nano.TestFramework;

namespace TestFramework.Tests;

internal sealed class Slot
{
    public int Value;
}

[TestClass]
public static unsafe class FailureLineTests
{
#pragma warning disable CS0649 // deliberately null
    private static Slot? s_missing;
#pragma warning restore CS0649

    private static void NullDereference() => s_missing!.Value = 1;

    private static void DeliberatePanic() => Panic.Fail("deliberate, with a comma");

    private static void FailingAssertion() => Assert.AreEqual(5, 4, "own text");

    [TestMethod]
    public static void A_fault_inside_a_case_is_reported_with_the_panics_reason()
    {
        int code = Recovery.Run(&NullDereference);
        TestRunner.DescribeFailure(code);
        ExpectMessage("PANIC: null reference");
        Assert.AreEqual(ExitCodes.Panic, code);
    }

    [TestMethod]
    public static void A_panic_inside_a_case_is_reported_with_its_whole_reason()
    {
        int code = Recovery.Run(&DeliberatePanic);
        TestRunner.DescribeFailure(code);
        ExpectMessage("PANIC: deliberate, with a comma");
        Assert.AreEqual(ExitCodes.Panic, code);
    }

    [TestMethod]
    public static void A_failed_assertion_keeps_its_own_message_and_no_panic_text()
    {
        Recovery.Run(&NullDereference);
        int code = Recovery.Run(&FailingAssertion);
        TestRunner.DescribeFailure(code);
        ExpectMessage("Expected 5, got 4 (4); own text");
        Assert.AreEqual(TestEscape.Failed, code);
    }

    [TestMethod]
    public static void An_unexpected_escape_code_is_named_not_taken_for_a_panic()
    {
        TestRunner.DescribeFailure(7);
        ExpectMessage("left the test with unexpected code 7");
    }

    // Compared before asserting: a failing check rewrites the message storage.
    private static void ExpectMessage(string expected)
    {
        if (FailureMessage.Text.SequenceEqual(expected))
            return;
        OutputHelper.Write("  message was: ");
        OutputHelper.WriteLine(FailureMessage.Text);
        Assert.Fail("the failure message differs from the expected one (printed above)");
    }
}
