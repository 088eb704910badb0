// Boots firmware/App once per test run (./nf run --script) with the list commands the comparison with Linux reads.
using App.Tests;
using ScmiPlatform.Description;

namespace Interop.Tests.Ours;

/// <summary>Our agent's view of the platform: one boot shared by every comparison test, started by the first to ask.</summary>
public static class OurAgent
{
    private static readonly Lazy<Task<OurAgentReport>> OneBoot = new(BootAsync);

    /// <summary>The report; the boot happens once, on first use.</summary>
    public static Task<OurAgentReport> ReportAsync() => OneBoot.Value;

    /// <summary>`info`, every protocol's table, then every clock's rates and every perf domain's levels in full.</summary>
    public static IReadOnlyList<string> Script(PlatformDescription description) =>
    [
        "info",
        "list clock",
        .. Enumerable.Range(0, description.Clocks.Count).Select(id => $"list clock {id}"),
        "list perf",
        .. Enumerable.Range(0, description.PerformanceDomains.Count).Select(id => $"list perf {id}"),
        "list sensor",
        "list power",
        "list reset",
        "list voltage",
        "list cap",
        "exit",
    ];

    private static async Task<OurAgentReport> BootAsync()
    {
        // ./nf run serves the daemon's default description; a comparison against another one would compare two platforms.
        string defaultFile = Path.GetFullPath(Path.Combine(Nf.Qemu.LaunchProfile.FindRepoRoot(), "tools", "ScmiPlatform", "platforms", "default.json"));
        if (Path.GetFullPath(LinuxGuestFixture.PlatformFile) != defaultFile)
            throw new InvalidOperationException($"./nf run boots our agent against {defaultFile}; the guest ran against {LinuxGuestFixture.PlatformFile}");
        PlatformDescription description = PlatformDescriptionLoader.LoadFile(defaultFile);
        ShellRun run = await ShellRun.WithScriptFileAsync(Script(description));
        if (run.ExitCode != 0)
            throw new InvalidOperationException($"./nf run --script exited with {run.ExitCode}:\n{run.Errors}\n{string.Join('\n', run.Lines.TakeLast(30))}");
        return new OurAgentReport(run);
    }
}
