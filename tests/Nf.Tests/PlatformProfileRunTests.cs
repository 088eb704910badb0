// Platform profiles end to end: the real suite tests/Firmware.Tests/PlatformProfile.Tests, built by the real
// image build (its NfPlatformProfile items into nf-image.json), booted once per profile against its own SCMI
// platform daemon, each boot's firmware printing the profile name it found in /chosen/bootargs.
using Nf.Commands;
using Nf.Images;
using Nf.Qemu;
using Nf.Repository;
using Nf.Results;
using Xunit;

namespace Nf.Tests;

public class PlatformProfileRunTests : IClassFixture<PlatformProfileRunTests.SuiteRun>
{
    public const string Suite = "PlatformProfile.Tests";

    /// <summary>
    /// Builds and runs the suite once for the class (a FILTER naming a suite builds that suite alone), then runs
    /// it again unbuilt through a layout that sees only this suite (NuGet restore refuses a symlinked project
    /// path, so the build goes through the real one).
    /// </summary>
    public sealed class SuiteRun : IAsyncLifetime
    {
        private string _folder = "";

        public RepoLayout Layout { get; private set; } = null!;
        public int ExitCode { get; private set; }
        public string Output { get; private set; } = "";
        public int FilteredExitCode { get; private set; }
        public string FilteredOutput { get; private set; } = "";

        public async Task InitializeAsync()
        {
            string root = LaunchProfile.FindRepoRoot();
            _folder = Directory.CreateTempSubdirectory("nf-profiles-").FullName;
            string suites = Directory.CreateDirectory(Path.Combine(_folder, "firmware")).FullName;
            string hosts = Directory.CreateDirectory(Path.Combine(_folder, "host")).FullName;
            Directory.CreateSymbolicLink(Path.Combine(suites, Suite), Path.Combine(root, "tests", "Firmware.Tests", Suite));
            Layout = new RepoLayout(root, suites, hosts);

            var output = new StringWriter();
            ExitCode = await TestCommand.RunAsync(new RepoLayout(root, testsDir: hosts), [Suite], CancellationToken.None, output);
            Output = output.ToString();

            var filtered = new StringWriter();
            FilteredExitCode = await TestCommand.RunAsync(Layout, ["--no-build", "delayed"], CancellationToken.None, filtered);
            FilteredOutput = filtered.ToString();
        }

        public Task DisposeAsync()
        {
            Directory.Delete(_folder, recursive: true);
            return Task.CompletedTask;
        }

        public ImageManifest Manifest() =>
            ImageManifest.Read(RepoLayout.FindManifest(Layout.OnTargetSuiteProjects().Single()) ?? throw new InvalidOperationException("not built"));
    }

    private readonly SuiteRun _run;

    public PlatformProfileRunTests(SuiteRun run) => _run = run;

    [Fact]
    public void The_build_writes_the_profiles_into_the_manifest_with_a_relative_platform_file_made_absolute()
    {
        ImageManifest manifest = _run.Manifest();

        Assert.Equal(["seeded", "delayed"], manifest.PlatformProfiles.Select(p => p.Name));
        IReadOnlyList<string> seeded = manifest.PlatformProfiles[0].Arguments;
        Assert.Equal(4, seeded.Count);
        Assert.Equal(["--seed", "7", "--platform"], seeded.Take(3));
        Assert.True(Path.IsPathRooted(seeded[3]), seeded[3]);
        Assert.True(File.Exists(seeded[3]), seeded[3]);
        Assert.Equal(["--fault", "delay=1ms..3ms", "--seed", "11"], manifest.PlatformProfiles[1].Arguments);
    }

    [Fact]
    public void Each_profile_is_its_own_row_and_both_pass()
    {
        Assert.True(_run.ExitCode == 0, _run.Output);
        Assert.Matches(@"PlatformProfile\.Tests \[seeded\]\s+on-target\s+2\s+0\s+0\s", _run.Output);
        Assert.Matches(@"PlatformProfile\.Tests \[delayed\]\s+on-target\s+2\s+0\s+0\s", _run.Output);
        Assert.EndsWith("4 passed, 0 failed", _run.Output.TrimEnd());
    }

    [Fact]
    public void A_filter_naming_a_profile_runs_that_profiles_boot_whole()
    {
        Assert.Equal(0, _run.FilteredExitCode);
        Assert.Matches(@"PlatformProfile\.Tests \[delayed\]\s+on-target\s+2\s+0\s+0\s", _run.FilteredOutput);
        Assert.DoesNotContain("[seeded]", _run.FilteredOutput);
        Assert.EndsWith("2 passed, 0 failed", _run.FilteredOutput.TrimEnd());
    }

    [Fact]
    public async Task Each_boots_firmware_sees_its_own_profile_name_in_the_boot_arguments()
    {
        ImageManifest manifest = _run.Manifest();
        var boot = new ImageBoot(LaunchProfile.Load(_run.Layout.Root), _run.Layout);
        foreach (BootVariant variant in BootVariant.For(manifest))
        {
            var lines = new List<string>();
            SuiteResult result = await boot.RunAsync(manifest, variant, lines.Add);

            Assert.True(result.Ok, string.Join("; ", result.Problems.Concat(result.Cases.Select(c => c.Name + ": " + c.Detail))));
            Assert.Contains("platform profile: " + variant.Profile!.Name, lines.Select(l => l.TrimEnd()));
        }
    }

    [Fact]
    public async Task A_profile_the_daemon_refuses_breaks_that_boot_with_the_daemons_words()
    {
        ImageManifest manifest = _run.Manifest() with { PlatformProfiles = [new PlatformProfile("bad", ["--seed", "nope"])] };
        var boot = new ImageBoot(LaunchProfile.Load(_run.Layout.Root), _run.Layout);

        SuiteResult result = await boot.RunAsync(manifest, BootVariant.For(manifest).Single());

        Assert.Equal("PlatformProfile.Tests [bad]", result.Name);
        Assert.Contains("--seed needs an integer, found 'nope'", Assert.Single(result.Problems));
    }
}
