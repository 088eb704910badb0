// The last line CI reads and the table before it.
using Nf.Results;
using Xunit;

namespace Nf.Tests;

public class SummaryReportTests
{
    [Fact]
    public void The_total_line_is_plain_and_adds_skipped_only_when_any()
    {
        var passing = new SuiteResult("A", SuiteKind.Host, [new("t1", TestOutcome.Passed), new("t2", TestOutcome.Passed)], [], TimeSpan.Zero);
        var mixed = new SuiteResult("B", SuiteKind.OnTarget, [new("t3", TestOutcome.Failed, "no"), new("t4", TestOutcome.Skipped)], ["hung"], TimeSpan.Zero);

        Assert.Equal("2 passed, 0 failed", SummaryReport.TotalLine([passing]));
        Assert.Equal("2 passed, 2 failed, 1 skipped", SummaryReport.TotalLine([passing, mixed]));
    }

    [Fact]
    public void The_report_names_each_failure_and_ends_with_the_total()
    {
        var suite = new SuiteResult("Virtio.Tests [modern]", SuiteKind.OnTarget,
            [new("QueueTests.Wrap", TestOutcome.Failed, "Expected 1, got 0")], ["crashed (exit 2): PANIC: data abort"], TimeSpan.FromSeconds(2));

        string report = SummaryReport.Render([suite]);

        Assert.Contains("Virtio.Tests [modern]: QueueTests.Wrap: Expected 1, got 0", report);
        Assert.Contains("Virtio.Tests [modern]: crashed (exit 2): PANIC: data abort", report);
        Assert.EndsWith("0 passed, 2 failed", report);
    }
}
