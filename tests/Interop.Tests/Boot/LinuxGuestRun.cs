// One boot of the Linux guest against the platform daemon, and everything it left behind.
using System.Diagnostics;
using Interop.Tests.DeviceTree;
using Interop.Tests.Guest;
using Interop.Tests.Raw;
using Nf.Linux;
using Nf.Processes;
using Nf.Qemu;
using Nf.Results;
using ScmiPlatform.Description;

namespace Interop.Tests.Boot;

/// <summary>The outcome of a boot: the guest's console, the raw exchanges, the daemon's trace and exit.</summary>
public sealed class LinuxGuestRun
{
    /// <summary>The guest boots in a few seconds under TCG; hundreds of raw probes add a minute on a loaded machine.</summary>
    public static readonly TimeSpan BootTimeLimit = TimeSpan.FromMinutes(6);
    public required PlatformDescription Description { get; init; }
    /// <summary>The cached kernel and initramfs this boot used.</summary>
    public required GuestImages Images { get; init; }
    public required GuestActions Actions { get; init; }
    public required RawCatalogue Catalogue { get; init; }
    public required GuestConsole Console { get; init; }
    /// <summary>Raw exchanges by probe name.</summary>
    public required IReadOnlyDictionary<string, RawExchange> Raw { get; init; }
    /// <summary>Replies to the burst, in arrival order (null where none came in time).</summary>
    public required IReadOnlyList<byte[]?> BurstReplies { get; init; }
    /// <summary>"raw-error HEX" lines: replies Linux could not match to a request.</summary>
    public required IReadOnlyList<string> UnmatchedReplies { get; init; }
    public required ImageRunOutcome Qemu { get; init; }
    /// <summary>The daemon was still running when the guest powered off.</summary>
    public required bool DaemonAliveAfterBoot { get; init; }
    /// <summary>Exit code after SIGTERM; null when it had to be killed.</summary>
    public required int? DaemonExitCode { get; init; }
    public required IReadOnlyList<string> DaemonLines { get; init; }
    /// <summary>Where the console, device tree and daemon trace of this boot were saved.</summary>
    public required string ArtifactFolder { get; init; }
    public required TimeSpan PrepareTime { get; init; }
    public required TimeSpan BootTime { get; init; }

    /// <summary>Builds what is missing, boots once and collects the results.</summary>
    public static async Task<LinuxGuestRun> BootAsync(string platformFile, Action<string> progress)
    {
        var clock = Stopwatch.StartNew();
        PlatformDescription description = PlatformDescriptionLoader.LoadFile(platformFile);
        GuestImages images = await GuestImages.PrepareAsync(progress);

        string folder = Path.Combine(AppContext.BaseDirectory, "linux-guest");
        Directory.CreateDirectory(folder);
        string repoRoot = LaunchProfile.FindRepoRoot();
        LaunchProfile profile = LaunchProfile.Load(repoRoot);

        var actions = GuestActions.For(description);
        var catalogue = RawCatalogue.For(description, actions);
        var requests = new GuestRequests();
        actions.AddTo(requests);
        catalogue.AddTo(requests);
        string initramfs = Path.Combine(folder, "initramfs.cpio");
        requests.WriteInitramfs(images.Initramfs, initramfs);

        LinuxGuestBoot boot = await LinuxGuestBoot.PrepareAsync(profile, images, initramfs, ScmiDeviceTreeSource.For(description), folder);
        TimeSpan prepared = clock.Elapsed;
        progress($"guest: prepared in {prepared.TotalSeconds:0.0} s ({catalogue.Checks.Count} raw probes); booting");

        var lines = new List<string>();
        var bootClock = Stopwatch.StartNew();
        LinuxGuestOutcome run = await boot.RunAsync(PlatformDaemon.DefaultDll, ["--platform", platformFile, "--trace"], BootTimeLimit, lines.Add);
        bootClock.Stop();
        ImageRunOutcome outcome = run.Qemu;
        IReadOnlyList<string> daemonLines = run.DaemonLines;
        await File.WriteAllLinesAsync(Path.Combine(folder, "console.log"), lines);
        await File.WriteAllLinesAsync(Path.Combine(folder, "platform.log"), daemonLines);
        progress($"guest: ran {bootClock.Elapsed.TotalSeconds:0.0} s (QEMU exit {outcome.ExitCode}{(outcome.TimedOut ? ", timed out" : "")}); logs in {folder}");

        var console = new GuestConsole(lines);
        var raw = new Dictionary<string, RawExchange>(StringComparer.Ordinal);
        var unmatched = new List<string>();
        var burst = new List<byte[]?>();
        if (console.HasSection("raw"))
        {
            foreach (string line in console.Section("raw"))
            {
                if (RawExchange.Parse(line) is { } exchange)
                {
                    int index = int.Parse(exchange.Stem[..4]);
                    raw[catalogue.Checks[index].Name] = exchange;
                }
                else if (line.StartsWith("raw-error "))
                {
                    unmatched.Add(line["raw-error ".Length..]);
                }
                else if (line.StartsWith("burst reply="))
                {
                    burst.Add(line["burst reply=".Length..] is "none" ? null : Convert.FromHexString(line["burst reply=".Length..]));
                }
            }
        }
        return new LinuxGuestRun
        {
            Description = description, Images = images, Actions = actions, Catalogue = catalogue, Console = console, Raw = raw,
            UnmatchedReplies = unmatched, BurstReplies = burst, Qemu = outcome, DaemonAliveAfterBoot = run.DaemonAliveAfterBoot, DaemonExitCode = run.DaemonExitCode,
            DaemonLines = daemonLines, ArtifactFolder = folder, PrepareTime = prepared, BootTime = bootClock.Elapsed,
        };
    }
}
