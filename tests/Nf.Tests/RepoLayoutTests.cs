// Where the runner looks for suites: tests/Firmware.Tests/<Suite>/<Suite>.csproj on target,
// tests/<Name>/*.Tests.csproj on the host, and the newest manifest nf's own build (Debug) left.
using Nf.Images;
using Nf.Repository;
using Xunit;

namespace Nf.Tests;

public sealed class RepoLayoutTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("nf-layout-").FullName;

    private string Touch(string relative, string text = "<Project />")
    {
        string path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void On_target_suites_are_the_folders_holding_a_project_of_their_own_name()
    {
        string a = Touch("tests/Firmware.Tests/A.Tests/A.Tests.csproj");
        Touch("tests/Firmware.Tests/B.Tests/Other.csproj");
        Touch("tests/Firmware.Tests/C.Tests/readme.md");
        Touch("tests/Firmware.Tests/Nested/Deeper/Deeper.csproj");

        Assert.Equal([a], new RepoLayout(_root).OnTargetSuiteProjects());
    }

    [Fact]
    public void Host_projects_are_Tests_projects_under_tests_except_the_firmware_suites()
    {
        string platform = Touch("tests/Platform.Tests/Platform.Tests.csproj");
        string interop = Touch("tests/Interop.Tests/Interop.Tests.csproj");
        Touch("tests/Tools/Tools.csproj");
        Touch("tests/Firmware.Tests/Firmware.Tests.csproj");
        Touch("tests/Firmware.Tests/A.Tests/A.Tests.csproj");
        Touch("tests/Platform.Tests/fixtures/Inner.Tests/Inner.Tests.csproj");

        Assert.Equal([interop, platform], new RepoLayout(_root).HostTestProjects());
    }

    [Fact]
    public void No_tests_folder_means_no_suites()
    {
        var layout = new RepoLayout(_root);

        Assert.Empty(layout.OnTargetSuiteProjects());
        Assert.Empty(layout.HostTestProjects());
    }

    [Fact]
    public void The_newest_manifest_under_bin_wins()
    {
        string project = Touch("tests/Firmware.Tests/A.Tests/A.Tests.csproj");
        string old = Touch("tests/Firmware.Tests/A.Tests/bin/Release/net10.0/" + ImageManifest.FileName, "{}");
        string fresh = Touch("tests/Firmware.Tests/A.Tests/bin/Debug/net10.0/" + ImageManifest.FileName, "{}");
        File.SetLastWriteTimeUtc(old, DateTime.UtcNow.AddMinutes(-5));

        Assert.Equal(fresh, RepoLayout.FindManifest(project));
        Assert.Null(RepoLayout.FindManifest(Touch("tests/Firmware.Tests/B.Tests/B.Tests.csproj")));
    }

    [Fact]
    public void A_newer_build_of_another_configuration_is_not_taken_for_the_one_nf_builds()
    {
        string project = Touch("tests/Firmware.Tests/A.Tests/A.Tests.csproj");
        string ours = Touch($"tests/Firmware.Tests/A.Tests/bin/{RepoLayout.Configuration}/net10.0/" + ImageManifest.FileName, "{}");
        Touch("tests/Firmware.Tests/A.Tests/bin/Release/net10.0/" + ImageManifest.FileName, "{}");
        File.SetLastWriteTimeUtc(ours, DateTime.UtcNow.AddMinutes(-5));

        Assert.Equal(ours, RepoLayout.FindManifest(project));
        Touch("tests/Firmware.Tests/C.Tests/bin/Release/net10.0/" + ImageManifest.FileName, "{}");
        Assert.Null(RepoLayout.FindManifest(Touch("tests/Firmware.Tests/C.Tests/C.Tests.csproj")));
    }
}
