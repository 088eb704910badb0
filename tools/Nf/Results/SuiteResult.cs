// One suite's results: its test cases plus anything that went wrong with the suite as a whole.
namespace Nf.Results;

/// <summary>Where a suite ran.</summary>
public enum SuiteKind
{
    OnTarget,
    Host,
}

/// <param name="Name">The suite's display name, with " [modern]" etc. when it boots in several modes.</param>
/// <param name="Problems">Suite-level failures (hang, crash, truncated output, build error); each counts as one failure.</param>
public sealed record SuiteResult(string Name, SuiteKind Kind, IReadOnlyList<TestCaseResult> Cases, IReadOnlyList<string> Problems, TimeSpan Duration)
{
    public int Passed => Cases.Count(c => c.Outcome == TestOutcome.Passed);
    public int Failed => Cases.Count(c => c.Outcome == TestOutcome.Failed) + Problems.Count;
    public int Skipped => Cases.Count(c => c.Outcome == TestOutcome.Skipped);
    public bool Ok => Failed == 0;

    /// <summary>A suite that produced no results at all, only a problem (a build failure, a missing image).</summary>
    public static SuiteResult Broken(string name, SuiteKind kind, string problem, TimeSpan duration = default) =>
        new(name, kind, [], [problem], duration);
}
