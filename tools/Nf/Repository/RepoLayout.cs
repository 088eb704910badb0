// Where things live in the tree: suites, host test projects, the app, the platform daemon.
namespace Nf.Repository;

public sealed class RepoLayout
{
    /// <summary>The build configuration images and host tests are built in; the same as a plain
    /// `dotnet build nf.sln`, so both share one set of outputs.</summary>
    public const string Configuration = "Debug";

    /// <param name="firmwareTestsDir">Where on-target suites live; tests point it at their fixtures.</param>
    /// <param name="testsDir">Where host test projects are searched; tests point it at an empty folder.</param>
    public RepoLayout(string root, string? firmwareTestsDir = null, string? testsDir = null)
    {
        Root = Path.GetFullPath(root);
        FirmwareTestsDir = firmwareTestsDir ?? Path.Combine(Root, "tests", "Firmware.Tests");
        TestsDir = testsDir ?? Path.Combine(Root, "tests");
    }

    public string Root { get; }
    public string FirmwareTestsDir { get; }
    public string TestsDir { get; }
    public string AppProject => Path.Combine(Root, "firmware", "App", "App.csproj");
    public string DaemonProject => Path.Combine(Root, "tools", "ScmiPlatform.Daemon", "ScmiPlatform.Daemon.csproj");
    public string DaemonDll => Path.Combine(Root, "tools", "ScmiPlatform.Daemon", "bin", Configuration, "net10.0", "scmi-platform.dll");
    /// <summary>Scratch space the runner owns (ignored by git).</summary>
    public string WorkDir => Path.Combine(Root, ".nf");

    public static RepoLayout Find(string? start = null) => new(Qemu.LaunchProfile.FindRepoRoot(start));

    /// <summary>On-target suites: tests/Firmware.Tests/&lt;Suite&gt;/&lt;Suite&gt;.csproj.</summary>
    public IReadOnlyList<string> OnTargetSuiteProjects()
    {
        if (!Directory.Exists(FirmwareTestsDir))
            return [];
        return Directory.EnumerateDirectories(FirmwareTestsDir)
            .Select(dir => Path.Combine(dir, Path.GetFileName(dir) + ".csproj"))
            .Where(File.Exists)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Host test projects: every *.Tests.csproj under tests/ except the on-target suites.</summary>
    public IReadOnlyList<string> HostTestProjects()
    {
        if (!Directory.Exists(TestsDir))
            return [];
        return Directory.EnumerateDirectories(TestsDir)
            .Where(dir => !Path.GetFullPath(dir).Equals(Path.GetFullPath(FirmwareTestsDir), StringComparison.Ordinal))
            .SelectMany(dir => Directory.EnumerateFiles(dir, "*.Tests.csproj", SearchOption.TopDirectoryOnly))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The newest manifest the build `nf` makes (<see cref="Configuration"/>) of <paramref name="project"/> left in its
    /// output folders; a `dotnet build -c Release` of the same project is never picked up in its place.
    /// </summary>
    public static string? FindManifest(string project)
    {
        string bin = Path.Combine(Path.GetDirectoryName(project)!, "bin", Configuration);
        if (!Directory.Exists(bin))
            return null;
        return Directory.EnumerateFiles(bin, Images.ImageManifest.FileName, SearchOption.AllDirectories)
            .OrderByDescending(File.GetLastWriteTimeUtc)
            .FirstOrDefault();
    }

    /// <summary>The project's name as a suite name (its file name without .csproj).</summary>
    public static string ProjectName(string project) => Path.GetFileNameWithoutExtension(project);
}
