// The tree's bookkeeping: every project is in nf.sln (so `dotnet build nf.sln` builds it), named in the
// layouts of README.md / firmware/README.md, and takes its package versions from Directory.Packages.props.
using System.Text.RegularExpressions;
using Nf.Qemu;
using Xunit;

namespace Nf.Tests;

public class RepositoryLayoutTests
{
    private static readonly string Root = LaunchProfile.FindRepoRoot();

    /// <summary>Every project under tools/, firmware/ and tests/, relative with '/', except the runner's own fixtures.</summary>
    public static TheoryData<string> Projects()
    {
        var data = new TheoryData<string>();
        foreach (string top in new[] { "tools", "firmware", "tests" })
        {
            foreach (string path in Directory.EnumerateFiles(Path.Combine(Root, top), "*.csproj", SearchOption.AllDirectories)
                         .Select(p => Path.GetRelativePath(Root, p).Replace('\\', '/'))
                         .Where(p => !p.Contains("/bin/") && !p.Contains("/obj/") && !p.StartsWith("tests/Nf.Tests/fixtures/", StringComparison.Ordinal))
                         .Order(StringComparer.Ordinal))
            {
                data.Add(path);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void Every_project_is_in_the_solution(string project)
    {
        string solution = File.ReadAllText(Path.Combine(Root, "nf.sln")).Replace('\\', '/');

        Assert.Contains($"\"{project}\"", solution);
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void Every_project_is_named_in_a_layout(string project)
    {
        string[] parts = project.Split('/');
        // On-target suites are one entry, tests/Firmware.Tests/<Suite>/: the runner finds them by that path.
        if (parts[0] == "tests" && parts[1] == "Firmware.Tests")
            return;
        string folder = parts[^2] + "/";
        // Firmware projects are in both layouts: the tree's and the firmware's own table.
        string[] layouts = parts[0] == "firmware" ? ["README.md", "firmware/README.md"] : ["README.md"];
        foreach (string layout in layouts)
            Assert.True(File.ReadAllText(Path.Combine(Root, layout)).Contains(folder, StringComparison.Ordinal), $"{project}: '{folder}' is not in the layout of {layout}");
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void Package_versions_come_from_Directory_Packages_props(string project)
    {
        string text = File.ReadAllText(Path.Combine(Root, project));

        Assert.DoesNotMatch(new Regex(@"<PackageReference[^>]*\sVersion="), text);
    }

    [Fact]
    public void Versions_are_managed_centrally()
    {
        string props = File.ReadAllText(Path.Combine(Root, "Directory.Packages.props"));

        Assert.Contains("<ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>", props);
    }
}
