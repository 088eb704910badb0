// The FILTER of `./nf test FILTER`: a case-insensitive substring matched against suite and test names.
namespace Nf.Results;

public sealed class TestFilter(string? text)
{
    public static readonly TestFilter All = new(null);

    public string? Text { get; } = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    public bool IsAll => Text is null;

    public bool Matches(string name) => Text is null || name.Contains(Text, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Keeps what the filter selects: a suite whose name matches keeps everything; otherwise only its
    /// matching cases, and its suite-level problems only when some case matched (a crash before the
    /// selected test still counts). Returns null when nothing in the suite is selected.
    /// </summary>
    public SuiteResult? Apply(SuiteResult suite, IReadOnlyList<string>? knownNames = null)
    {
        if (Matches(suite.Name))
            return suite;
        List<TestCaseResult> cases = suite.Cases.Where(c => Matches(c.Name)).ToList();
        bool selected = cases.Count > 0 || (knownNames?.Any(Matches) ?? false);
        if (!selected)
            return null;
        return suite with { Cases = cases };
    }
}
