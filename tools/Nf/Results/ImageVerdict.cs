// Judges one boot of an image: its exit code and console against its manifest (docs/conventions.md §1-3).
using Nf.Images;

namespace Nf.Results;

public static class ImageVerdict
{
    // docs/conventions.md §3.
    public const int ExitPassed = 0;
    public const int ExitTestFailed = 1;
    public const int ExitPanic = 2;
    public const int ExitRunnerBroke = 3;

    /// <summary>Turns one boot into a suite result named <paramref name="displayName"/>.</summary>
    public static SuiteResult Judge(ImageManifest manifest, string displayName, ImageRunOutcome run, SerialLog log)
    {
        if (manifest.ExpectsDeath || manifest.Kind == ImageKind.App)
            return JudgeByExit(manifest, displayName, run, log);

        var problems = new List<string>();
        int reportedFailures = log.Cases.Count(c => c.Outcome == TestOutcome.Failed);
        if (run.TimedOut)
        {
            problems.Add($"hung: killed after {run.TimeLimit.TotalSeconds:0} s{After(log)}");
        }
        else
        {
            switch (run.ExitCode)
            {
                case ExitPassed when reportedFailures > 0:
                    problems.Add($"exit code 0 although {reportedFailures} test(s) failed");
                    break;
                case ExitPassed or ExitTestFailed:
                    break;
                case ExitPanic:
                    problems.Add($"crashed (exit 2){PanicText(log)}{After(log)}");
                    break;
                case ExitRunnerBroke:
                    problems.Add($"the on-target test runner broke (exit 3){PanicText(log)}");
                    break;
                default:
                    problems.Add($"unexpected exit code {run.ExitCode}{PanicText(log)}");
                    break;
            }
            if (log.SuiteName is null && log.Cases.Count == 0 && problems.Count == 0)
            {
                // Nothing from the test runner at all: QEMU refused to start, or the image died in bring-up.
                problems.Add($"no test output (exit code {run.ExitCode}){PanicText(log)}; last lines: {LastLines(log)}");
                return new SuiteResult(displayName, SuiteKind.OnTarget, log.Cases, problems, run.Elapsed);
            }
            if (run.ExitCode == ExitTestFailed && reportedFailures == 0 && problems.Count == 0)
                problems.Add("exit code 1 but no test reported a failure");
            if (run.ExitCode is ExitPassed or ExitTestFailed)
            {
                if (log.Summary is not { } summary)
                {
                    problems.Add($"no summary line: the output ended early{After(log)}");
                }
                else if (summary != Count(log))
                {
                    problems.Add($"summary says {summary.Passed} passed, {summary.Failed} failed, {summary.Skipped} skipped " +
                                 $"but {Describe(Count(log))} were printed (lines lost?)");
                }
            }
        }
        return new SuiteResult(displayName, SuiteKind.OnTarget, log.Cases, problems, run.Elapsed);
    }

    // The app and images meant to die have no test lines: the whole boot is one case.
    private static SuiteResult JudgeByExit(ImageManifest manifest, string displayName, ImageRunOutcome run, SerialLog log)
    {
        string? why = null;
        if (run.TimedOut)
            why = $"hung: killed after {run.TimeLimit.TotalSeconds:0} s";
        else if (run.ExitCode != manifest.ExpectExit)
            why = $"exit code {run.ExitCode}, expected {manifest.ExpectExit}{PanicText(log)}";
        else if (manifest.ExpectOutput is { } expected && !log.Lines.Any(l => l.Contains(expected, StringComparison.Ordinal)))
            why = $"the output lacks \"{expected}\"";
        TestCaseResult single = why is null
            ? new TestCaseResult(displayName, TestOutcome.Passed)
            : new TestCaseResult(displayName, TestOutcome.Failed, why);
        return new SuiteResult(displayName, SuiteKind.OnTarget, [single], [], run.Elapsed);
    }

    private static TestSummary Count(SerialLog log) => new(
        log.Cases.Count(c => c.Outcome == TestOutcome.Passed),
        log.Cases.Count(c => c.Outcome == TestOutcome.Failed),
        log.Cases.Count(c => c.Outcome == TestOutcome.Skipped));

    private static string Describe(TestSummary s) => $"{s.Passed} passed, {s.Failed} failed, {s.Skipped} skipped";

    private static string LastLines(SerialLog log)
    {
        List<string> printed = log.Lines.Where(l => l.Trim().Length > 0).TakeLast(3).ToList();
        return printed.Count == 0 ? "(none)" : string.Join(" | ", printed);
    }

    private static string PanicText(SerialLog log) => log.Panic.Count > 0 ? ": " + string.Join(" | ", log.Panic) : "";

    // The framework prints a test's line when it ends, so the last line names the test before the one that died.
    private static string After(SerialLog log) => log.Cases.Count > 0 ? $" (after {log.Cases[^1].Name})" : " (before any test finished)";
}
