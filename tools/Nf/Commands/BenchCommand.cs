// `./nf bench [--quick]`: builds the benchmark firmware, boots it against the SCMI platform and its --null floor, times
// Linux's SCMI stack against the same daemon in the Linux guest, runs the App and the platform's host benchmark, and
// writes bench/results.md, bench/results.json and bench/latency.png.
using System.Diagnostics;
using Nf.Bench;
using Nf.Building;
using Nf.Images;
using Nf.Qemu;
using Nf.Repository;
using Nf.Results;

namespace Nf.Commands;

public static class BenchCommand
{
    /// <summary>The firmware boots: run name, daemon arguments, under -icount, what it measures.</summary>
    private static readonly (string Name, string[] DaemonArguments, bool Icount, string Description)[] Boots =
    [
        ("icount", [], true, "agent path length, SCMI model (-icount shift=0)"),
        ("icount.null", ["--null"], true, "agent path length, null platform (-icount shift=0)"),
        ("timing", [], false, "latency and throughput, SCMI model"),
        ("timing.null", ["--null"], false, "latency and throughput, null platform"),
        ("timing.eventidx", [], false, "throughput with VIRTIO_F_EVENT_IDX (ring-index notification suppression), SCMI model"),
    ];

    /// <summary>The Linux guest's runs: the same daemon build and options as "timing" and "timing.null".</summary>
    private static readonly (string Name, string[] DaemonArguments)[] LinuxRuns =
    [
        ("linux", []),
        ("linux.null", ["--null"]),
    ];

    /// <summary>As many as the firmware's latency rounds (firmware/Bench/Program.cs), per command.</summary>
    private const int LinuxRounds = 10_000;
    private const int QuickLinuxRounds = 300;

    private const int PlatformRequests = 200_000;
    private const int QuickPlatformRequests = 20_000;

    public static async Task<int> RunAsync(RepoLayout layout, IReadOnlyList<string> arguments, CancellationToken cancel)
    {
        bool quick = arguments.Contains("--quick");
        string? unknown = arguments.FirstOrDefault(a => a != "--quick");
        if (unknown is not null)
        {
            Progress.Say($"unknown argument '{unknown}' (usage: ./nf bench [--quick])");
            return 2;
        }
        var clock = Stopwatch.StartNew();
        string benchProject = Path.Combine(layout.Root, "firmware", "Bench", "Bench.csproj");
        string platformBenchProject = Path.Combine(layout.Root, "tools", "ScmiPlatform.Bench", "ScmiPlatform.Bench.csproj");

        Progress.Say("building firmware/Bench, firmware/App, the platform and its benchmark...");
        BuildOutcome build = await ImageBuild.BuildAsync(layout, "bench", [benchProject, layout.AppProject, layout.DaemonProject, platformBenchProject], cancel);
        if (!build.Succeeded)
        {
            foreach (string error in build.Errors)
                Console.Error.WriteLine(error);
            Progress.Say("build failed");
            return 3;
        }
        Progress.Say($"built in {build.Elapsed.TotalSeconds:F1} s");

        var results = new BenchResults(quick, DateTimeOffset.UtcNow, await HostDescriptionAsync(layout, cancel));
        var profile = LaunchProfile.Load(layout.Root);
        var boot = new ImageBoot(profile, layout);

        ImageManifest? bench = ReadManifest(benchProject);
        if (bench is null)
        {
            Progress.Say("the build left no manifest for firmware/Bench");
            return 3;
        }
        foreach ((string name, string[] daemonArguments, bool icount, string description) in Boots)
        {
            ImageManifest manifest = icount ? bench with { Devices = [.. bench.Devices, "icount-exact"] } : bench;
            // The firmware reads what to measure from the profile's name (firmware/Bench/Program.cs).
            var variant = new BootVariant(VirtioMode.Modern, new PlatformProfile(quick ? name + "-quick" : name, daemonArguments));
            await BootAsync(boot, manifest, variant, name, description, results,
                line => BenchOutputParser.FirmwareLine(name, line) is BenchFigure figure ? [figure] : [], cancel);
        }

        // The quick run boots the guest once (the model); the full run also against the null platform.
        await LinuxLatency.RunAsync(layout, profile, quick ? LinuxRuns[..1] : LinuxRuns, quick ? QuickLinuxRounds : LinuxRounds, results, cancel);

        ImageManifest? app = ReadManifest(layout.AppProject);
        if (app is not null)
        {
            await AppAsync(layout, profile, app, results, cancel);
            results.AddRange(await SizeAsync("app", app.ImagePath, cancel));
        }
        results.AddRange(await SizeAsync("bench", bench.ImagePath, cancel));

        await PlatformBenchAsync(layout, quick ? QuickPlatformRequests : PlatformRequests, results, cancel);

        string outputDir = Path.Combine(layout.Root, "bench");
        Directory.CreateDirectory(outputDir);
        await File.WriteAllTextAsync(Path.Combine(outputDir, "results.json"), results.ToJson(), cancel);
        string markdown = results.ToMarkdown();
        await File.WriteAllTextAsync(Path.Combine(outputDir, "results.md"), markdown, cancel);
        int groups = BenchPlot.WriteLatency(results, Path.Combine(outputDir, "latency.png"));
        Console.Write(markdown);
        if (groups > 0)
            Progress.Say($"drew bench/latency.png ({groups} configurations)");
        Progress.Say($"wrote bench/results.md and bench/results.json in {clock.Elapsed.TotalSeconds:F1} s");
        foreach (BenchRun failed in results.Runs.Where(r => r.Error is not null))
            Progress.Say($"{failed.Name}: {failed.Error}");
        foreach (BenchRun skipped in results.Runs.Where(r => r.Skipped is not null))
            Progress.Say($"{skipped.Name}: skipped, {skipped.Skipped}");
        return results.Succeeded ? 0 : 1;
    }

    private static ImageManifest? ReadManifest(string project)
    {
        string? path = RepoLayout.FindManifest(project);
        return path is null ? null : ImageManifest.Read(path);
    }

    private static async Task BootAsync(ImageBoot boot, ImageManifest manifest, BootVariant variant, string name, string description,
        BenchResults results, Func<string, IEnumerable<BenchFigure>> parse, CancellationToken cancel)
    {
        Progress.Say($"booting {manifest.Name} ({name})...");
        string? firmwareError = null;
        int figures = 0;
        SuiteResult result = await boot.RunAsync(manifest, variant, line =>
        {
            firmwareError ??= BenchOutputParser.FirmwareError(line);
            foreach (BenchFigure figure in parse(line))
            {
                results.Add(figure);
                figures++;
            }
        }, cancel: cancel);
        string? error = firmwareError ?? result.Problems.FirstOrDefault() ?? (figures == 0 ? "no figures printed" : null);
        results.AddRun(new BenchRun(name, description, result.Duration.TotalSeconds, error));
        Progress.Say($"{manifest.Name} ({name}): {figures} figures in {result.Duration.TotalSeconds:F1} s{(error is null ? "" : ", " + error)}");
    }

    /// <summary>
    /// Boots firmware/App with a one-line script, `exit`, fed at its first shell prompt (as `./nf run --script` does), so
    /// the boot ends as soon as the banner, the inventory and the stack marks are printed instead of at its time limit.
    /// </summary>
    private static async Task AppAsync(RepoLayout layout, LaunchProfile profile, ImageManifest app, BenchResults results, CancellationToken cancel)
    {
        const string Name = "app";
        const string Description = "firmware/App: heap at the seal, stack high-water marks (script: exit)";
        Progress.Say($"booting {app.Name} ({Name})...");
        var clock = Stopwatch.StartNew();
        var variant = new BootVariant(app.Modes[0], app.PlatformProfiles.FirstOrDefault());
        int figures = 0;
        string? error;
        try
        {
            await using BootResources resources = await BootResources.StartAsync(app.Devices, layout.DaemonDll, variant.DaemonArguments,
                BootResources.DaemonReadyWithin, cancel);
            var info = new ProcessStartInfo(profile.Binary) { UseShellExecute = false };
            foreach (string argument in profile.Arguments(resources.Apply(ImageBoot.Request(app, variant))))
                info.ArgumentList.Add(argument);
            int? exit;
            using (var console = new LineSink(line =>
            {
                foreach (BenchFigure figure in BenchOutputParser.AppLine(line))
                {
                    results.Add(figure);
                    figures++;
                }
            }))
            {
                exit = await ScriptedConsole.RunAsync(info, ["exit"], console, TimeSpan.FromSeconds(app.TimeoutSeconds), cancel);
            }
            error = exit is null ? $"no shell prompt within {app.TimeoutSeconds} s"
                : exit != 0 ? $"exit code {exit}"
                : figures == 0 ? "no figures printed"
                : null;
        }
        catch (InvalidOperationException e)
        {
            error = e.Message;
        }
        results.AddRun(new BenchRun(Name, Description, clock.Elapsed.TotalSeconds, error));
        Progress.Say($"{app.Name} ({Name}): {figures} figures in {clock.Elapsed.TotalSeconds:F1} s{(error is null ? "" : ", " + error)}");
    }

    /// <summary>text/data/bss of an image from the cross binutils' `size`.</summary>
    private static async Task<IReadOnlyList<BenchFigure>> SizeAsync(string program, string image, CancellationToken cancel)
    {
        (int exit, string output) = await RunToolAsync("aarch64-linux-gnu-size", [image], cancel);
        return exit == 0 ? BenchOutputParser.SizeOutput(program, output) : [];
    }

    private static async Task PlatformBenchAsync(RepoLayout layout, int requests, BenchResults results, CancellationToken cancel)
    {
        string dll = Path.Combine(layout.Root, "tools", "ScmiPlatform.Bench", "bin", RepoLayout.Configuration, "net10.0", "ScmiPlatform.Bench.dll");
        Progress.Say($"running the platform's host benchmark ({requests} requests per scenario)...");
        int figures = 0;
        CommandResult run = await DotnetCommand.RunAsync(layout.Root, [dll, requests.ToString(System.Globalization.CultureInfo.InvariantCulture)], line =>
        {
            foreach (BenchFigure figure in BenchOutputParser.PlatformLine(line).Concat(BenchOutputParser.PlatformSplitLine(line)))
            {
                results.Add(figure);
                figures++;
            }
        }, cancel);
        string? error = run.ExitCode != 0 ? $"exit code {run.ExitCode}" : figures == 0 ? "no figures printed" : null;
        results.AddRun(new BenchRun("platform", "SCMI platform host-only and vhost-user benchmark (tools/ScmiPlatform.Bench)", run.Elapsed.TotalSeconds, error));
    }

    private static async Task<string> HostDescriptionAsync(RepoLayout layout, CancellationToken cancel)
    {
        (int exit, string output) = await RunToolAsync(LaunchProfile.Load(layout.Root).Binary, ["--version"], cancel);
        string qemu = exit == 0 ? output.Split('\n')[0].Trim() : "QEMU version unknown";
        return $"{Environment.ProcessorCount} CPUs, {qemu}";
    }

    private static async Task<(int Exit, string Output)> RunToolAsync(string binary, IReadOnlyList<string> arguments, CancellationToken cancel)
    {
        var info = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
            info.ArgumentList.Add(argument);
        try
        {
            using Process process = Process.Start(info)!;
            string output = await process.StandardOutput.ReadToEndAsync(cancel);
            await process.WaitForExitAsync(cancel);
            return (process.ExitCode, output);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, e.Message);
        }
    }
}
