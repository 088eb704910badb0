// `./nf test` end to end on a real firmware suite that must fail (fixtures/firmware/Failing.Tests):
// built with the real image build, booted on QEMU, judged, reported, and the exit code non-zero.
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

        public async Task InitializeAsync()
        {
            string root = Qemu.LaunchProfile.FindRepoRoot();
            string noHostTests = Directory.CreateTempSubdirectory("nf-no-host-tests-").FullName;
            var layout = new RepoLayout(root, Path.Combine(root, "tests", "Nf.Tests", "fixtures", "firmware"), noHostTests);

            var output = new StringWriter();
            ExitCode = await TestCommand.RunAsync(layout, [], CancellationToken.None, output);
            Output = output.ToString();

            var listed = new StringWriter();
            ListExitCode = await TestCommand.RunAsync(layout, ["--list", "--no-build"], CancellationToken.None, listed);
            ListOutput = listed.ToString();
            Directory.Delete(noHostTests);
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
        // RunsAfterTheFault passed: 2 passed (Passes, RunsAfterTheFault), 2 failed, 1 skipped.
        Assert.EndsWith("2 passed, 2 failed, 1 skipped", _run.Output.TrimEnd());
    }

    [Fact]
    public void The_listing_comes_from_the_generated_catalog()
    {
        Assert.Equal(0, _run.ListExitCode);
        Assert.Contains("Failing.Tests (on-target, 5 test(s))", _run.ListOutput);
        Assert.Contains("  DeliberateFailures.FaultsOnANullPointer", _run.ListOutput);
    }
}
