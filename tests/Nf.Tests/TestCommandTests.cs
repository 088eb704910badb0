// `./nf test` end to end on a real firmware suite that must fail (fixtures/firmware/Failing.Tests) and a
// host project with every outcome (fixtures/host/Sample.Tests): built in one go with the real image build,
// the image booted on QEMU, the host project run by dotnet test, judged, reported, the exit code non-zero.
using Nf.Commands;
using Nf.Repository;
using Xunit;

namespace Nf.Tests;

public class TestCommandTests : IClassFixture<TestCommandTests.FailingSuiteRun>
{
    /// <summary>Runs the command once for the class: building and booting an image takes seconds.</summary>
    public sealed class FailingSuiteRun : IAsyncLifetime
    {
        public int ExitCode { get; private set; }
        public string Output { get; private set; } = "";
        public int ListExitCode { get; private set; }
        public string ListOutput { get; private set; } = "";
        public int FilteredExitCode { get; private set; }
        public string FilteredOutput { get; private set; } = "";

        public async Task InitializeAsync()
        {
            string root = Qemu.LaunchProfile.FindRepoRoot();
            string fixtures = Path.Combine(root, "tests", "Nf.Tests", "fixtures");
            var layout = new RepoLayout(root, Path.Combine(fixtures, "firmware"), Path.Combine(fixtures, "host"));

            var output = new StringWriter();
            ExitCode = await TestCommand.RunAsync(layout, [], CancellationToken.None, output);
            Output = output.ToString();

            var listed = new StringWriter();
            ListExitCode = await TestCommand.RunAsync(layout, ["--list", "--no-build"], CancellationToken.None, listed);
            ListOutput = listed.ToString();

            var filtered = new StringWriter();
            FilteredExitCode = await TestCommand.RunAsync(layout, ["--no-build", "passes"], CancellationToken.None, filtered);
            FilteredOutput = filtered.ToString();
        }

        public Task DisposeAsync() => Task.CompletedTask;
    }

    private readonly FailingSuiteRun _run;

    public TestCommandTests(FailingSuiteRun run) => _run = run;

    [Fact]
    public void A_failing_assertion_makes_the_run_fail_and_is_named_with_its_message()
    {
        Assert.Equal(1, _run.ExitCode);
        Assert.Contains("Failing.Tests: DeliberateFailures.FailsAnAssertion: Expected 5, got 4 (sum)", _run.Output);
    }

    [Fact]
    public void A_fault_inside_a_test_fails_that_test_with_the_panic_text_and_the_run_goes_on()
    {
        Assert.Contains("Failing.Tests: DeliberateFailures.FaultsOnANullPointer: PANIC: null reference", _run.Output);
        Assert.Matches(@"Failing\.Tests\s+on-target\s+2\s+2\s+1\s", _run.Output);
    }

    [Fact]
    public void Host_results_are_counted_per_outcome_and_added_to_the_total()
    {
        Assert.Matches(@"Sample\.Tests\s+host\s+3\s+1\s+1\s", _run.Output);
        Assert.Contains("Sample.Tests: Sample.Tests.OutcomeTests.Fails: Assert.Equal() Failure", _run.Output);
        // On target 2 passed, 2 failed, 1 skipped; on the host 3 passed, 1 failed, 1 skipped.
        Assert.EndsWith("5 passed, 3 failed, 2 skipped", _run.Output.TrimEnd());
    }

    [Fact]
    public void A_filter_keeps_only_matching_tests_on_both_sides()
    {
        Assert.Equal(0, _run.FilteredExitCode);
        // "passes" names DeliberateFailures.Passes on target and OutcomeTests.Passes on the host, nothing else.
        Assert.Matches(@"Failing\.Tests\s+on-target\s+1\s+0\s+0\s", _run.FilteredOutput);
        Assert.Matches(@"Sample\.Tests\s+host\s+1\s+0\s+0\s", _run.FilteredOutput);
        Assert.EndsWith("2 passed, 0 failed", _run.FilteredOutput.TrimEnd());
    }

    [Fact]
    public void The_listing_comes_from_the_generated_catalog()
    {
        Assert.Equal(0, _run.ListExitCode);
        Assert.Contains("Failing.Tests (on-target, 5 test(s))", _run.ListOutput);
        Assert.Contains("  DeliberateFailures.FaultsOnANullPointer", _run.ListOutput);
        Assert.Contains("Sample.Tests (host, 5 test(s))", _run.ListOutput);
    }
}
