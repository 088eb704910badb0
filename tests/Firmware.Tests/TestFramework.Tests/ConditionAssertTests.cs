// IsTrue/IsFalse, IsNull/IsNotNull, AreSame, Fail and SkipTest: passing and failing, with messages.
using System;
using Nano.TestFramework;

namespace TestFramework.Tests;

[TestClass]
public static unsafe class ConditionAssertTests
{
    private static readonly object? Nothing = null;

    [TestMethod]
    public static void IsTrue_and_IsFalse_name_the_condition()
    {
        AssertOutcome.Passes(&TrueHolds);
        AssertOutcome.Fails(&TrueFails, "Expected true, got false (1 > 2)");
        AssertOutcome.Fails(&FalseFails, "Expected false, got true (2 > 1)");
    }

    private static void TrueHolds() => Assert.IsTrue(2 > 1);

    private static void TrueFails() => Assert.IsTrue(1 > 2);

    private static void FalseFails() => Assert.IsFalse(2 > 1);

    [TestMethod]
    public static void Null_checks_name_the_value()
    {
        AssertOutcome.Passes(&NullHolds);
        AssertOutcome.Fails(&NotNullFails, "Expected an object, got null (Nothing)");
        AssertOutcome.Fails(&NullFails, "Expected null, got an object (\"text\")");
    }

    private static void NullHolds() => Assert.IsNull(Nothing);

    private static void NotNullFails() => Assert.IsNotNull(Nothing);

    private static void NullFails() => Assert.IsNull("text");

    [TestMethod]
    public static void AreSame_compares_references_not_contents()
    {
        AssertOutcome.Passes(&SameHolds);
        AssertOutcome.Fails(&SameFails, "Expected the same object, got a different one (second)");
    }

    private static void SameHolds()
    {
        string text = "same";
        Assert.AreSame(text, text);
    }

    private static void SameFails()
    {
        Box first = new Box(), second = new Box();
        Assert.AreSame(first, second);
    }

    private sealed class Box
    {
    }

    [TestMethod]
    public static void Fail_and_SkipTest_end_the_test_with_the_given_text()
    {
        AssertOutcome.Fails(&Fails, "not implemented");
        AssertOutcome.Skips(&Skips, "needs the rng device");
    }

    private static void Fails() => Assert.Fail("not implemented");

    private static void Skips() => Assert.SkipTest("needs the rng device");

    [TestMethod]
    public static void A_message_longer_than_the_storage_is_cut_with_an_ellipsis()
    {
        int code = Nano.Runtime.Native.Recovery.Run(&VeryLong);
        Assert.AreEqual(TestEscape.Failed, code);
        int length = FailureMessage.Text.Length;
        bool ends = FailureMessage.Text.Slice(length - 3).SequenceEqual("...");
        Assert.AreEqual(FailureMessage.Capacity, length);
        Assert.IsTrue(ends);
    }

    private static void VeryLong() =>
        Assert.Fail("0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789" +
                    "0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789" +
                    "0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789");

    [TestMethod]
    public static void Line_breaks_in_a_message_become_spaces_so_the_result_stays_one_line()
    {
        AssertOutcome.Fails(&MultiLine, "first second");
    }

    private static void MultiLine() => Assert.Fail("first\nsecond");
}
