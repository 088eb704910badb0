// The runner against real QEMU: images that pass, fail, crash and hang, judged as `./nf test` judges them.
using Nf.Images;
using Nf.Qemu;
using Nf.Repository;
using Nf.Results;
using Xunit;

namespace Nf.Tests;

public class QemuRunTests
{
    private static readonly RepoLayout Layout = RepoLayout.Find();
    private static readonly ImageBoot Boot = new(LaunchProfile.Load(Layout.Root), Layout);
    private static readonly BootVariant Legacy = new(VirtioMode.Legacy, null);

    [Fact]
    public async Task A_passing_image_passes_and_its_lines_stream_as_they_come()
    {
        using var image = ScriptedImage.Build("Pass", ["Test suite,Pass", "Test passed,A.B,12", "Test summary,1,0,0"], exitCode: 0);
        var streamed = new List<string>();

        SuiteResult result = await Boot.RunAsync(image.Manifest, Legacy, streamed.Add);

        Assert.True(result.Ok, string.Join("; ", result.Problems));
        Assert.Equal(1, result.Passed);
        Assert.Contains("Test passed,A.B,12", streamed);
    }

    [Fact]
    public async Task A_failing_assertion_fails_the_suite_and_names_the_test()
    {
        using var image = ScriptedImage.Build("Failing",
            ["Test suite,Failing", "Test passed,Math.Adds,3", "Test failed,Math.Subtracts,Expected 1, got 2 (a - b)", "Test summary,1,1,0"], exitCode: 1);

        SuiteResult result = await Boot.RunAsync(image.Manifest, Legacy);

        Assert.False(result.Ok);
        TestCaseResult failed = Assert.Single(result.Cases, c => c.Outcome == TestOutcome.Failed);
        Assert.Equal("Math.Subtracts", failed.Name);
        Assert.Equal("Expected 1, got 2 (a - b)", failed.Detail);
        Assert.Contains("Failing: Math.Subtracts: Expected 1, got 2 (a - b)", SummaryReport.Render([result]));
        Assert.EndsWith("1 passed, 1 failed", SummaryReport.Render([result]));
    }

    [Fact]
    public async Task A_crashing_image_is_reported_with_its_panic_and_exit_code()
    {
        using var image = ScriptedImage.Build("Crash",
            ["Test suite,Crash", "Test passed,Queue.Fills,1", "PANIC: synchronous exception", "  ESR: 0x96000004 FAR: 0x0000000000000008"], exitCode: 2);

        SuiteResult result = await Boot.RunAsync(image.Manifest, Legacy);

        string problem = Assert.Single(result.Problems);
        Assert.Contains("crashed (exit 2)", problem);
        Assert.Contains("PANIC: synchronous exception", problem);
        Assert.Contains("after Queue.Fills", problem);
        Assert.Equal(1, result.Failed);
    }

    [Fact]
    public async Task A_hung_image_is_killed_at_its_time_limit_and_reported_by_name()
    {
        using var image = ScriptedImage.Build("Hang", ["Test suite,Hang", "Test passed,Spin.First,1"], exitCode: null, timeoutSeconds: 2);

        SuiteResult result = await Boot.RunAsync(image.Manifest, Legacy);

        Assert.Equal("Hang", result.Name);
        string problem = Assert.Single(result.Problems);
        Assert.Contains("hung: killed after 2 s", problem);
        Assert.Contains("after Spin.First", problem);
        Assert.InRange(result.Duration.TotalSeconds, 1.9, 15);
        Assert.False(QemuStillRunning(image.Manifest.ImagePath), "QEMU survived the kill");
    }

    [Fact]
    public async Task A_missing_image_is_a_problem_not_a_crash_of_the_runner()
    {
        ImageManifest manifest = ImageManifest.Parse("""{ "name": "Ghost", "kind": "test" }""", "/nonexistent");

        SuiteResult result = await Boot.RunAsync(manifest, Legacy);

        Assert.Contains("no image at", Assert.Single(result.Problems));
    }

    [Fact]
    public async Task A_missing_QEMU_is_reported_not_thrown()
    {
        using var image = ScriptedImage.Build("NoQemu", ["Test summary,0,0,0"], exitCode: 0);
        string profileDir = System.IO.Directory.CreateTempSubdirectory("nf-profile-").FullName;
        try
        {
            string boards = Path.Combine(profileDir, "boards", "qemu-virt");
            System.IO.Directory.CreateDirectory(boards);
            string profile = File.ReadAllText(Path.Combine(Layout.Root, "boards", "qemu-virt", "qemu.json"))
                .Replace("\"qemu-system-aarch64\"", "\"/nonexistent/qemu-system-aarch64\"");
            File.WriteAllText(Path.Combine(boards, "qemu.json"), profile);
            var boot = new ImageBoot(LaunchProfile.Load(profileDir), Layout);

            SuiteResult result = await boot.RunAsync(image.Manifest, Legacy);

            Assert.Contains("cannot start /nonexistent/qemu-system-aarch64", Assert.Single(result.Problems));
        }
        finally
        {
            System.IO.Directory.Delete(profileDir, true);
        }
    }

    // QEMU's command line holds the image path, which is unique to this test's temp folder.
    private static bool QemuStillRunning(string imagePath) =>
        System.IO.Directory.EnumerateDirectories("/proc")
            .Where(d => int.TryParse(Path.GetFileName(d), out _))
            .Any(d =>
            {
                try { return File.ReadAllText(Path.Combine(d, "cmdline")).Contains(imagePath, StringComparison.Ordinal); }
                catch (IOException) { return false; }
                catch (UnauthorizedAccessException) { return false; }
            });
}
