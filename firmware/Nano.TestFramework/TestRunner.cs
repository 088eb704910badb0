// The on-target runner the generated entry point drives: runs each setup, case and cleanup under its
// own recovery point, prints one result line per case (docs/conventions.md §2), and ends the machine
// with 0 when nothing failed, 1 otherwise. A fault inside a test (the board's fault handler escapes
// with the panic code after printing its PANIC report) fails only that test; the run goes on.
using System;
using Nano.Runtime;
using Nano.Runtime.Native;

namespace Nano.TestFramework;

public static unsafe class TestRunner
{
    private static int s_passed;
    private static int s_failed;
    private static int s_skipped;

    /// <summary>Announces the suite: "Test suite,&lt;name&gt;".</summary>
    public static void BeginSuite(string suiteName)
    {
        s_passed = s_failed = s_skipped = 0;
        Line("Test suite,", suiteName);
    }

    /// <summary>Runs the class's setup (creating its instance, when it has instance members).
    /// Returns false when it failed; the class's cases are then reported as skipped.</summary>
    public static bool BeginClass(string className, delegate*<void> setup)
    {
        if (setup == null)
            return true;
        int outcome = Recovery.Run(setup);
        if (outcome == 0)
            return true;
        ReportFixtureFailure(className, ".Setup", outcome);
        return false;
    }

    /// <summary>Runs one case and prints its result line.</summary>
    public static void Run(string testName, delegate*<void> body, bool classReady)
    {
        if (!classReady)
        {
            s_skipped++;
            Line("Test skipped,", testName, ",the class setup failed");
            return;
        }
        FailureMessage.Clear();
        ulong start = Clock.Ticks;
        int outcome = Recovery.Run(body);
        ulong elapsed = Clock.Ticks - start;
        switch (outcome)
        {
            case 0:
                s_passed++;
                Console.Write("Test passed,");
                Console.Write(testName);
                Console.Write(',');
                Console.Write(elapsed);
                Console.WriteLine();
                break;
            case TestEscape.Skipped:
                s_skipped++;
                Line("Test skipped,", testName, ",", FailureMessage.Text);
                break;
            default:
                s_failed++;
                Console.Write("Test failed,");
                Console.Write(testName);
                Console.Write(',');
                WriteWhy(outcome);
                Console.WriteLine();
                break;
        }
    }

    /// <summary>Runs the class's cleanup, when its setup succeeded.</summary>
    public static void EndClass(string className, delegate*<void> cleanup, bool classReady)
    {
        if (cleanup == null || !classReady)
            return;
        FailureMessage.Clear();
        int outcome = Recovery.Run(cleanup);
        if (outcome != 0)
            ReportFixtureFailure(className, ".Cleanup", outcome);
    }

    /// <summary>Prints "Test summary,p,f,s" and ends the machine: 0 when nothing failed, else 1.</summary>
    public static int EndSuite()
    {
        Console.Write("Test summary,");
        Console.Write(s_passed);
        Console.Write(',');
        Console.Write(s_failed);
        Console.Write(',');
        Console.Write(s_skipped);
        Console.WriteLine();
        int code = s_failed == 0 ? ExitCodes.AllPassed : ExitCodes.TestFailed;
        Power.Exit(code);
        return code;
    }

    // A failing setup or cleanup is reported as a failed case named Class.Setup / Class.Cleanup.
    private static void ReportFixtureFailure(string className, string which, int outcome)
    {
        s_failed++;
        Console.Write("Test failed,");
        Console.Write(className);
        Console.Write(which);
        Console.Write(',');
        WriteWhy(outcome == TestEscape.Skipped ? TestEscape.Failed : outcome);
        Console.WriteLine();
    }

    private static void WriteWhy(int outcome)
    {
        DescribeFailure(outcome);
        Console.Write(FailureMessage.Text);
    }

    /// <summary>Leaves in <see cref="FailureMessage"/> why a case came back with <paramref name="outcome"/>:
    /// an assertion's own message, "PANIC: &lt;what&gt;" for a fault or panic below the case (the board's
    /// report with its detail lines is just above the result line), or the unexpected escape code.</summary>
    internal static void DescribeFailure(int outcome)
    {
        if (outcome == TestEscape.Failed)
            return;
        FailureMessage.Clear();
        if (outcome == ExitCodes.Panic)
        {
            FailureMessage.Append("PANIC: ");
            FailureMessage.Append(Panic.LastReason.Length > 0 ? Panic.LastReason : "escaped with the panic code");
            return;
        }
        FailureMessage.Append("left the test with unexpected code ");
        FailureMessage.Append((long)outcome);
    }

    private static void Line(string a, ReadOnlySpan<char> b)
    {
        Console.Write(a);
        Console.WriteLine(b);
    }

    private static void Line(string a, ReadOnlySpan<char> b, ReadOnlySpan<char> c)
    {
        Console.Write(a);
        Console.Write(b);
        Console.WriteLine(c);
    }

    private static void Line(string a, ReadOnlySpan<char> b, string c, ReadOnlySpan<char> d)
    {
        Console.Write(a);
        Console.Write(b);
        Console.Write(c);
        Console.WriteLine(d);
    }
}
