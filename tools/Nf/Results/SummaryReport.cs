// The end of `./nf test`: a table per suite, the failures spelled out, then the one line CI reads.
using System.Text;

namespace Nf.Results;

public static class SummaryReport
{
    /// <summary>The last line of a run: "N passed, N failed", with ", N skipped" when any were skipped.</summary>
    public static string TotalLine(IReadOnlyCollection<SuiteResult> suites)
    {
        int passed = suites.Sum(s => s.Passed), failed = suites.Sum(s => s.Failed), skipped = suites.Sum(s => s.Skipped);
        string line = $"{passed} passed, {failed} failed";
        return skipped > 0 ? line + $", {skipped} skipped" : line;
    }

    public static string Render(IReadOnlyCollection<SuiteResult> suites)
    {
        var text = new StringBuilder();
        int width = Math.Max("Suite".Length, suites.Count == 0 ? 0 : suites.Max(s => s.Name.Length));
        text.AppendLine($"{"Suite".PadRight(width)}  {"Where",-9}  {"Passed",6}  {"Failed",6}  {"Skipped",7}  {"Time",7}");
        foreach (SuiteResult suite in suites)
        {
            string where = suite.Kind == SuiteKind.OnTarget ? "on-target" : "host";
            text.AppendLine($"{suite.Name.PadRight(width)}  {where,-9}  {suite.Passed,6}  {suite.Failed,6}  {suite.Skipped,7}  {Seconds(suite.Duration),7}");
        }

        var failures = suites.SelectMany(s =>
                s.Problems.Select(p => $"  {s.Name}: {p}")
                 .Concat(s.Cases.Where(c => c.Outcome == TestOutcome.Failed).Select(c => $"  {s.Name}: {c.Name}: {c.Detail}")))
            .ToList();
        if (failures.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Failed:");
            foreach (string failure in failures)
                text.AppendLine(failure);
        }
        text.AppendLine();
        text.Append(TotalLine(suites));
        return text.ToString();
    }

    private static string Seconds(TimeSpan time) => $"{time.TotalSeconds:0.0} s";
}
