// How one boot is judged from its exit code and console (docs/conventions.md §1-3).
using Nf.Images;
using Nf.Results;
using Xunit;

namespace Nf.Tests;

public class ImageVerdictTests
{
    private static readonly ImageManifest Suite = ImageManifest.Parse("""{ "name": "S", "kind": "test" }""", "/out");
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    private static ImageRunOutcome Exit(int code) => new(code, false, TimeSpan.FromSeconds(1), Limit);

    private static SuiteResult Judge(ImageManifest manifest, ImageRunOutcome run, params string[] lines) =>
        ImageVerdict.Judge(manifest, manifest.Name, run, SerialLog.Parse(lines));

    [Fact]
    public void A_clean_pass_has_no_problems()
    {
        SuiteResult result = Judge(Suite, Exit(0), "Test suite,S", "Test passed,A.B,1", "Test summary,1,0,0");

        Assert.True(result.Ok);
        Assert.Equal((1, 0, 0), (result.Passed, result.Failed, result.Skipped));
    }

    [Fact]
    public void A_failed_test_with_exit_1_counts_once()
    {
        SuiteResult result = Judge(Suite, Exit(1), "Test failed,A.B,Expected 1, got 2", "Test summary,0,1,0");

        Assert.False(result.Ok);
        Assert.Equal(1, result.Failed);
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void A_hang_is_reported_with_the_time_limit_and_the_last_finished_test()
    {
        SuiteResult result = Judge(Suite, new ImageRunOutcome(-1, true, Limit, Limit), "Test suite,S", "Test passed,A.B,1");

        string problem = Assert.Single(result.Problems);
        Assert.Contains("hung: killed after 30 s", problem);
        Assert.Contains("after A.B", problem);
        Assert.Equal(1, result.Failed);
    }

    [Fact]
    public void A_crash_carries_the_panic_text()
    {
        SuiteResult result = Judge(Suite, Exit(2), "Test passed,A.B,1", "PANIC: data abort", "  ESR: 0x96000004");

        string problem = Assert.Single(result.Problems);
        Assert.Contains("crashed (exit 2)", problem);
        Assert.Contains("PANIC: data abort |   ESR: 0x96000004", problem);
    }

    [Theory]
    [InlineData(3, "the on-target test runner broke")]
    [InlineData(7, "unexpected exit code 7")]
    public void Other_exit_codes_are_problems(int code, string expected)
    {
        SuiteResult result = Judge(Suite, Exit(code), "Test summary,0,0,0");

        Assert.Contains(expected, Assert.Single(result.Problems));
    }

    [Fact]
    public void Exit_0_with_a_failed_test_is_not_trusted()
    {
        SuiteResult result = Judge(Suite, Exit(0), "Test failed,A.B,no", "Test summary,0,1,0");

        Assert.Contains("exit code 0 although 1 test(s) failed", Assert.Single(result.Problems));
    }

    [Fact]
    public void Exit_1_without_a_failed_test_is_a_problem()
    {
        SuiteResult result = Judge(Suite, Exit(1), "Test passed,A.B,1", "Test summary,1,0,0");

        Assert.Contains("exit code 1 but no test reported a failure", Assert.Single(result.Problems));
    }

    [Fact]
    public void Missing_summary_means_truncated_output()
    {
        SuiteResult result = Judge(Suite, Exit(0), "Test passed,A.B,1");

        Assert.Contains("no summary line", Assert.Single(result.Problems));
    }

    [Fact]
    public void A_summary_that_disagrees_with_the_lines_reveals_lost_lines()
    {
        SuiteResult result = Judge(Suite, Exit(0), "Test passed,A.B,1", "Test summary,2,0,0");

        Assert.Contains("summary says 2 passed", Assert.Single(result.Problems));
    }

    [Fact]
    public void An_image_meant_to_die_passes_only_with_its_code_and_text()
    {
        ImageManifest seal = ImageManifest.Parse("""{ "name": "Seal", "kind": "test", "expectExit": 2, "expectOutput": "after seal" }""", "/out");

        Assert.True(Judge(seal, Exit(2), "PANIC: allocation after seal").Ok);
        Assert.Contains("exit code 0, expected 2", Judge(seal, Exit(0), "PANIC: allocation after seal").Cases[0].Detail);
        Assert.Contains("lacks \"after seal\"", Judge(seal, Exit(2), "PANIC: data abort").Cases[0].Detail);
        Assert.Contains("hung", Judge(seal, new ImageRunOutcome(-1, true, Limit, Limit)).Cases[0].Detail);
    }

    [Fact]
    public void An_image_that_prints_no_results_is_reported_with_its_last_lines()
    {
        SuiteResult result = Judge(Suite, Exit(1), "qemu-system-aarch64: -chardev socket,id=scmi0,path=/x: Failed to connect to '/x': No such file or directory");

        string problem = Assert.Single(result.Problems);
        Assert.Contains("no test output (exit code 1)", problem);
        Assert.Contains("Failed to connect", problem);
    }
}
