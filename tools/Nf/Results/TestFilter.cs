// The FILTER of `./nf test FILTER`: a case-insensitive substring matched against suite and test names.
// When it names one or more suites, exactly those suites run, whole; only a FILTER that names no suite
// selects individual tests across all suites.
namespace Nf.Results;

public sealed class TestFilter
{
    public static readonly TestFilter All = new(null);

    /// <param name="text">The FILTER; null or blank selects everything.</param>
    /// <param name="suiteNames">Every suite's name, every platform profile's and board variant's name; when one contains the text,
    /// tests are not matched by name.</param>
    public TestFilter(string? text, IEnumerable<string>? suiteNames = null)
    {
        Text = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        NamesSuites = Text is not null && suiteNames is not null && suiteNames.Any(Contains);
    }

    public string? Text { get; }
    public bool IsAll => Text is null;

    /// <summary>True when the text is part of some suite's name: then it selects suites only.</summary>
    public bool NamesSuites { get; }

    /// <summary>Whether the suite runs whole.</summary>
    public bool SelectsSuite(string suiteName) => Text is null || Contains(suiteName);

    /// <summary>Whether one boot of a suite runs whole: the text is part of the suite's name, of the boot's profile
    /// name or of its board variant's name (flash, gicv3).</summary>
    public bool SelectsBoot(string suiteName, string? profileName, string? boardVariantName = null) =>
        SelectsSuite(suiteName)
        || (profileName is not null && Text is not null && Contains(profileName))
        || (boardVariantName is not null && Text is not null && Contains(boardVariantName));

    /// <summary>Whether a test of a suite that does not run whole is selected by its own name.</summary>
    public bool SelectsTest(string testName) => Text is null || (!NamesSuites && Contains(testName));

    /// <summary>
    /// Keeps what the filter selects: a selected suite keeps everything; otherwise only its selected
    /// cases, and its suite-level problems only when some case matched (a crash before the selected
    /// test still counts). Returns null when nothing in the suite is selected.
    /// </summary>
    public SuiteResult? Apply(SuiteResult suite, IReadOnlyList<string>? knownNames = null)
    {
        if (SelectsSuite(suite.Name))
            return suite;
        List<TestCaseResult> cases = suite.Cases.Where(c => SelectsTest(c.Name)).ToList();
        bool selected = cases.Count > 0 || (knownNames?.Any(SelectsTest) ?? false);
        if (!selected)
            return null;
        return suite with { Cases = cases };
    }

    private bool Contains(string name) => name.Contains(Text!, StringComparison.OrdinalIgnoreCase);
}
