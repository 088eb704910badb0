// The Linux runs of ./nf bench: the interop suite's guest, booted against the same platform daemon build, times the
// firmware bench's commands through Linux's SCMI raw mode with /bin/scmi-bench (tests/Interop.Tests/guest/scmi-bench.c).
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Nf.Linux;
using Nf.Qemu;
using Nf.Repository;

namespace Nf.Bench;

public static class LinuxLatency
{
    /// <summary>Booting takes seconds under TCG; 30,000 raw round trips at a few hundred µs each add under a minute.</summary>
    public static readonly TimeSpan BootTimeLimit = TimeSpan.FromMinutes(5);

    /// <summary>What /init prints after scmi-bench ends: "bench-exit CODE".</summary>
    public const string ExitPrefix = "bench-exit ";

    /// <summary>
    /// Prepares the guest (build-guest.sh: only a changed recipe costs anything), then boots it once per entry of
    /// <paramref name="runs"/> (run name, daemon arguments), each time asking scmi-bench for <paramref name="rounds"/>
    /// round trips per command. A machine that cannot have the guest (exit 77) records each run as skipped, not failed.
    /// </summary>
    /// <param name="prepare">Builds or finds the guest (default <see cref="GuestImages.PrepareAsync"/>); given its progress callback.</param>
    public static async Task RunAsync(RepoLayout layout, LaunchProfile profile, IReadOnlyList<(string Name, string[] DaemonArguments)> runs,
        int rounds, BenchResults results, CancellationToken cancel, Func<Action<string>, Task<GuestImages>>? prepare = null)
    {
        var clock = Stopwatch.StartNew();
        Progress.Say("preparing the Linux guest (tests/Interop.Tests/guest/build-guest.sh)...");
        GuestImages images;
        try
        {
            images = await (prepare ?? GuestImages.PrepareAsync)(line => Progress.Say(line));
        }
        catch (GuestUnavailableException e)
        {
            foreach ((string name, string[] arguments) in runs)
                results.AddRun(new BenchRun(name, Description(arguments), clock.Elapsed.TotalSeconds, null) { Skipped = "Linux guest unavailable: " + e.Message });
            return;
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            foreach ((string name, string[] arguments) in runs)
                results.AddRun(new BenchRun(name, Description(arguments), clock.Elapsed.TotalSeconds, e.Message));
            return;
        }

        foreach ((string name, string[] arguments) in runs)
            await BootAsync(layout, profile, images, name, arguments, rounds, results, cancel);
    }

    private static string Description(string[] daemonArguments) =>
        $"Linux guest, raw-mode latency, {(daemonArguments.Contains("--null") ? "null platform" : "SCMI model")} (scmi-bench)";

    private static async Task BootAsync(RepoLayout layout, LaunchProfile profile, GuestImages images, string name, string[] daemonArguments,
        int rounds, BenchResults results, CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        string folder = Path.Combine(layout.WorkDir, "bench-" + name);
        Directory.CreateDirectory(folder);
        var lines = new List<string>();
        int figures = 0;
        string? error = null;
        int? benchExit = null;
        try
        {
            var archive = new NewcArchive();
            archive.AddDirectory("nf");
            archive.AddFile("nf/bench", Encoding.ASCII.GetBytes(rounds.ToString(CultureInfo.InvariantCulture) + "\n"));
            string initramfs = Path.Combine(folder, "initramfs.cpio");
            Initramfs.WriteWithOverlay(images.Initramfs, archive.Finish(), initramfs);
            LinuxGuestBoot boot = await LinuxGuestBoot.PrepareAsync(profile, images, initramfs, BareScmiNode.Source, folder);

            Progress.Say($"booting the Linux guest ({name}, {rounds} round trips per command)...");
            LinuxGuestOutcome outcome = await boot.RunAsync(layout.DaemonDll, daemonArguments, BootTimeLimit, line =>
            {
                lines.Add(line);
                error ??= BenchOutputParser.FirmwareError(line);
                if (BenchOutputParser.FirmwareLine(name, line) is BenchFigure figure)
                {
                    results.Add(figure);
                    figures++;
                }
                if (line.StartsWith(ExitPrefix, StringComparison.Ordinal) && int.TryParse(line.AsSpan(ExitPrefix.Length), out int code))
                    benchExit = code;
            }, cancel);
            await File.WriteAllLinesAsync(Path.Combine(folder, "console.log"), lines, cancel);
            await File.WriteAllLinesAsync(Path.Combine(folder, "platform.log"), outcome.DaemonLines, cancel);
            error ??= outcome.Qemu.TimedOut ? $"timed out after {BootTimeLimit.TotalMinutes:0} min (console: {folder}/console.log)"
                : benchExit is null ? $"scmi-bench did not run (console: {folder}/console.log)"
                : benchExit != 0 ? $"scmi-bench exit code {benchExit}"
                : figures == 0 ? "no figures printed"
                : null;
        }
        catch (InvalidOperationException e)
        {
            error = e.Message;
        }
        results.AddRun(new BenchRun(name, Description(daemonArguments), clock.Elapsed.TotalSeconds, error));
        Progress.Say($"Linux guest ({name}): {figures} figures in {clock.Elapsed.TotalSeconds:F1} s{(error is null ? "" : ", " + error)}");
    }
}
