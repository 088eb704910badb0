// Runs an assertion under its own recovery point and says how it ended, so a test can check that an
// assertion fails (and with which message) without failing itself.
using System;
using Nano.Runtime.Native;
using Nano.TestFramework;

namespace TestFramework.Tests;

internal static unsafe class AssertOutcome
{
    /// <summary>Checks that <paramref name="assertion"/> returns without failing.</summary>
    public static void Passes(delegate*<void> assertion)
    {
        int code = Recovery.Run(assertion);
        Assert.AreEqual(0, code, "the assertion should have passed");
    }

    /// <summary>Checks that <paramref name="assertion"/> fails with exactly <paramref name="message"/>.</summary>
    public static void Fails(delegate*<void> assertion, string message)
    {
        int code = Recovery.Run(assertion);
        // Copy before asserting: a failing check below rewrites the message storage.
        bool sameMessage = FailureMessage.Text.SequenceEqual(message);
        Assert.AreEqual(TestEscape.Failed, code, "the assertion should have failed");
        if (!sameMessage)
        {
            OutputHelper.Write("  message was: ");
            OutputHelper.WriteLine(FailureMessage.Text);
            Assert.Fail("the failure message differs from the expected one (printed above)");
        }
    }

    /// <summary>Checks that <paramref name="body"/> ends as skipped with <paramref name="reason"/>.</summary>
    public static void Skips(delegate*<void> body, string reason)
    {
        int code = Recovery.Run(body);
        bool sameReason = FailureMessage.Text.SequenceEqual(reason);
        Assert.AreEqual(TestEscape.Skipped, code, "the body should have been skipped");
        Assert.IsTrue(sameReason, "the skip reason differs");
    }
}
