// What `./nf test` builds: the SCMI platform daemon joins the build when a suite's manifest asks for an SCMI
// device, whatever the suite's project text says.
using Nf.Commands;
using Nf.Images;
using Nf.Qemu;
using Nf.Repository;
using Xunit;

namespace Nf.Tests;

public sealed class BuildSetTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("nf-buildset-").FullName;
    private readonly RepoLayout _layout;

    public BuildSetTests() => _layout = new RepoLayout(LaunchProfile.FindRepoRoot(), _folder, _folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>A suite project with <paramref name="projectText"/> whose last build left a manifest asking for <paramref name="devices"/>.</summary>
    private string Suite(string name, string projectText, string devices)
    {
        string directory = Directory.CreateDirectory(Path.Combine(_folder, name)).FullName;
        string project = Path.Combine(directory, name + ".csproj");
        File.WriteAllText(project, projectText);
        string output = Directory.CreateDirectory(Path.Combine(directory, "bin", RepoLayout.Configuration, "net10.0")).FullName;
        File.WriteAllText(Path.Combine(output, ImageManifest.FileName), $$"""{ "name": "{{name}}", "kind": "test", "devices": {{devices}} }""");
        return project;
    }

    [Fact]
    public void A_suite_whose_manifest_asks_for_a_second_scmi_device_gets_the_daemon_built_though_its_project_never_says_so()
    {
        string suite = Suite("Transport.Tests", "<Project><PropertyGroup><NfDevices>$(TransportDevices)</NfDevices></PropertyGroup></Project>", """["scmi2"]""");

        Assert.Contains(_layout.DaemonProject, TestCommand.ProjectsToBuild(_layout, [suite], []));
    }

    [Fact]
    public void A_suite_that_only_mentions_scmi_in_its_project_does_not_build_the_daemon()
    {
        string suite = Suite("Entropy.Tests", "<Project><!-- unlike the scmi suites, rng only --><PropertyGroup><NfDevices>rng</NfDevices></PropertyGroup></Project>", """["rng"]""");

        IReadOnlyList<string> projects = TestCommand.ProjectsToBuild(_layout, [suite], []);

        Assert.DoesNotContain(_layout.DaemonProject, projects);
        Assert.Equal([suite], projects);
    }
}
