// Reads an image's console, line by line, into test results (docs/conventions.md §2).
// The console is untrusted text: a line that does not parse as a result is kept as plain output,
// never guessed at, so garbage or a line cut off by a dying image cannot fake a pass.
namespace Nf.Results;

/// <summary>Accumulates what one boot printed.</summary>
public sealed class SerialLog
{
    private const string SuitePrefix = "Test suite,";
    private const string PassedPrefix = "Test passed,";
    private const string FailedPrefix = "Test failed,";
    private const string SkippedPrefix = "Test skipped,";
    private const string SummaryPrefix = "Test summary,";
    public const string PanicPrefix = "PANIC:";

    // Enough of a panic report to say what happened without flooding the summary.
    private const int PanicDetailLines = 4;

    private readonly List<string> _lines = [];
    private readonly List<TestCaseResult> _cases = [];
    private readonly List<string> _panic = [];
    private bool _inPanic;
    // The PANIC report printed since the last result line: the on-target runner reports a fault inside
    // a test as "Test failed,<name>,PANIC: ..." right after the board's report, which holds the detail.
    private readonly List<string> _recentPanic = [];
    private bool _inRecentPanic;

    /// <summary>The suite name the image announced, if it did.</summary>
    public string? SuiteName { get; private set; }
    public IReadOnlyList<TestCaseResult> Cases => _cases;
    /// <summary>The summary line, when the image got as far as printing it.</summary>
    public TestSummary? Summary { get; private set; }
    /// <summary>The first PANIC line and a few detail lines after it.</summary>
    public IReadOnlyList<string> Panic => _panic;
    /// <summary>Every line as printed (control characters removed).</summary>
    public IReadOnlyList<string> Lines => _lines;

    /// <summary>Lines after the summary line or before the suite line are output, not results.</summary>
    public bool Complete => Summary is not null;

    public static SerialLog Parse(IEnumerable<string> lines)
    {
        var log = new SerialLog();
        foreach (string line in lines)
            log.Add(line);
        return log;
    }

    /// <summary>Takes one console line; returns the result it carried, if any.</summary>
    public TestCaseResult? Add(string rawLine)
    {
        string line = Clean(rawLine);
        _lines.Add(line);

        if (line.StartsWith(PanicPrefix, StringComparison.Ordinal))
        {
            if (_panic.Count == 0)
            {
                _panic.Add(line);
                _inPanic = true;
            }
            _recentPanic.Clear();
            _recentPanic.Add(line);
            _inRecentPanic = true;
            return null;
        }
        bool resultLine = line.StartsWith("Test ", StringComparison.Ordinal);
        if (_inPanic)
        {
            if (resultLine || _panic.Count > PanicDetailLines)
                _inPanic = false;
            else if (line.Length > 0)
                _panic.Add(line);
        }
        if (_inRecentPanic)
        {
            if (resultLine || _recentPanic.Count > PanicDetailLines)
                _inRecentPanic = false;
            else if (line.Length > 0)
                _recentPanic.Add(line);
        }

        if (line.StartsWith(SuitePrefix, StringComparison.Ordinal))
        {
            string name = line[SuitePrefix.Length..];
            if (name.Length > 0)
                SuiteName ??= name;
            return null;
        }
        if (line.StartsWith(SummaryPrefix, StringComparison.Ordinal))
        {
            string[] counts = line[SummaryPrefix.Length..].Split(',');
            if (Summary is null && counts.Length == 3
                && int.TryParse(counts[0], out int p) && int.TryParse(counts[1], out int f) && int.TryParse(counts[2], out int s)
                && p >= 0 && f >= 0 && s >= 0)
            {
                Summary = new TestSummary(p, f, s);
            }
            return null;
        }
        if (Summary is not null)
            return null;

        TestCaseResult? result = null;
        if (line.StartsWith(PassedPrefix, StringComparison.Ordinal))
            result = ParsePassed(line[PassedPrefix.Length..]);
        else if (line.StartsWith(FailedPrefix, StringComparison.Ordinal))
            result = ParseWithMessage(line[FailedPrefix.Length..], TestOutcome.Failed);
        else if (line.StartsWith(SkippedPrefix, StringComparison.Ordinal))
            result = ParseWithMessage(line[SkippedPrefix.Length..], TestOutcome.Skipped);
        if (result is not null)
        {
            if (result.Outcome == TestOutcome.Failed && result.Detail.StartsWith(PanicPrefix, StringComparison.Ordinal) && _recentPanic.Count > 0)
                result = result with { Detail = string.Join(" | ", _recentPanic.Select(l => l.Trim())) };
            _cases.Add(result);
        }
        if (resultLine)
        {
            _recentPanic.Clear();
            _inRecentPanic = false;
        }
        return result;
    }

    // "Test passed,<name>,<ticks>": the name may hold commas inside a data row's parentheses,
    // so the ticks are the text after the name, found by the same bracket-aware scan as below.
    private static TestCaseResult? ParsePassed(string rest)
    {
        int end = NameEnd(rest);
        if (end <= 0 || end >= rest.Length)
            return null;
        if (!long.TryParse(rest.AsSpan(end + 1), out long ticks) || ticks < 0)
            return null;
        return new TestCaseResult(rest[..end], TestOutcome.Passed, "", ticks);
    }

    // "Test failed,<name>,<message>": the message is everything after the name, commas included.
    private static TestCaseResult? ParseWithMessage(string rest, TestOutcome outcome)
    {
        int end = NameEnd(rest);
        if (end <= 0)
            return null;
        string message = end < rest.Length ? rest[(end + 1)..] : "";
        return new TestCaseResult(rest[..end], outcome, message);
    }

    /// <summary>
    /// Index of the comma ending a test name (or the text's length when there is none), or -1 when
    /// the name is malformed: a name is Class.Method optionally followed by "(args)", where the
    /// arguments may hold commas, parentheses inside quoted strings, and backslash escapes.
    /// </summary>
    internal static int NameEnd(string text)
    {
        int depth = 0;
        char quote = '\0';
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quote != '\0')
            {
                if (c == '\\')
                    i++;
                else if (c == quote)
                    quote = '\0';
                continue;
            }
            switch (c)
            {
                case '"' or '\'' when depth > 0:
                    quote = c;
                    break;
                case '(':
                    depth++;
                    break;
                case ')':
                    if (--depth < 0)
                        return -1;
                    break;
                case ',' when depth == 0:
                    return i;
            }
        }
        return depth == 0 && quote == '\0' ? text.Length : -1;
    }

    // Serial lines arrive with \r\n and may carry stray control bytes from a dying image.
    private static string Clean(string line)
    {
        ReadOnlySpan<char> span = line.AsSpan().TrimEnd("\r\n");
        bool clean = true;
        foreach (char c in span)
            if (char.IsControl(c) && c != '\t') { clean = false; break; }
        if (clean)
            return span.ToString();
        var kept = new System.Text.StringBuilder(span.Length);
        foreach (char c in span)
        {
            if (!char.IsControl(c) || c == '\t')
                kept.Append(c);
        }
        return kept.ToString();
    }
}
