// `./nf run [--modern] [--flash | --gicv3] [--smp N] [--script FILE] [--type-ahead]`: build firmware/App and boot it (from QEMU's
// -kernel, from flash bank 0, or on the GICv3 machine; with N CPUs) with the console on this terminal, or fed a
// script; the exit code is the image's.
using System.Diagnostics;
using Nf.Building;
using Nf.Images;
using Nf.Processes;
using Nf.Qemu;
using Nf.Repository;

namespace Nf.Commands;

public static class RunCommand
{
    public static async Task<int> RunAsync(RepoLayout layout, IReadOnlyList<string> arguments, CancellationToken cancel)
    {
        bool modern = false;
        BoardVariant board = BoardVariant.Kernel;
        int? cpus = null;
        bool typeAhead = false;
        string? scriptPath = null;
        for (int i = 0; i < arguments.Count; i++)
        {
            if (arguments[i] == "--modern")
            {
                modern = true;
            }
            else if ((arguments[i] == "--flash" || arguments[i] == "--gicv3") && board == BoardVariant.Kernel)
            {
                board = arguments[i] == "--flash" ? BoardVariant.Flash : BoardVariant.GicV3;
            }
            else if (arguments[i] == "--smp" && i + 1 < arguments.Count)
            {
                if (!int.TryParse(arguments[++i], out int count) || count is < 1 or > LaunchProfile.MaximumCpus)
                {
                    Progress.Say($"--smp takes 1..{LaunchProfile.MaximumCpus} CPUs, not '{arguments[i]}'");
                    return 2;
                }
                cpus = count;
            }
            else if (arguments[i] == "--type-ahead")
            {
                typeAhead = true;
            }
            else if (arguments[i] == "--script" && i + 1 < arguments.Count)
            {
                scriptPath = arguments[++i];
            }
            else
            {
                Progress.Say($"unknown argument '{arguments[i]}' (usage: ./nf run [--modern] [--flash | --gicv3] [--smp N] [--script FILE] [--type-ahead])");
                return 2;
            }
        }
        // A script file, or stdin that is not a terminal (a pipe, a file), feeds the shell line by line.
        IReadOnlyList<string>? script = null;
        if (scriptPath is not null)
        {
            if (!File.Exists(scriptPath))
            {
                Progress.Say($"no script at {scriptPath}");
                return 2;
            }
            script = File.ReadAllLines(scriptPath);
        }
        else if (Console.IsInputRedirected)
        {
            script = ReadAllLines(Console.In);
        }
        if (!File.Exists(layout.AppProject))
        {
            Progress.Say($"no firmware program at {Path.GetRelativePath(layout.Root, layout.AppProject)}");
            return 3;
        }

        Progress.Say("building firmware/App...");
        var projects = new List<string> { layout.AppProject };
        if (File.Exists(layout.DaemonProject))
            projects.Add(layout.DaemonProject);
        BuildOutcome build = await ImageBuild.BuildAsync(layout, "run", projects, cancel);
        if (!build.Succeeded)
        {
            foreach (string error in build.Errors)
                Console.Error.WriteLine(error);
            Progress.Say("build failed");
            return 3;
        }
        string? manifestPath = RepoLayout.FindManifest(layout.AppProject);
        if (manifestPath is null)
        {
            Progress.Say($"the build left no {ImageManifest.FileName} for the app");
            return 3;
        }
        ImageManifest manifest = ImageManifest.Read(manifestPath);
        VirtioMode mode = modern ? VirtioMode.Modern : manifest.Modes[0];

        var profile = LaunchProfile.Load(layout.Root);
        // An app that lists platform profiles runs under the first.
        var variant = new BootVariant(mode, manifest.PlatformProfiles.FirstOrDefault(), board);
        string bootFile = manifest.BootFileFor(board);
        if (!File.Exists(bootFile))
        {
            Progress.Say($"the build left no {Path.GetRelativePath(layout.Root, bootFile)}");
            return 3;
        }
        BootResources resources;
        try
        {
            resources = await BootResources.StartAsync(manifest.Devices, layout.DaemonDll, variant.DaemonArguments, BootResources.DaemonReadyWithin, cancel);
        }
        catch (InvalidOperationException e)
        {
            Progress.Say(e.Message);
            return 3;
        }
        await using (resources)
        {
            LaunchRequest request = ImageBoot.Request(manifest, variant);
            if (cpus is int count)
                request = request with { Cpus = count };
            IReadOnlyList<string> qemuArguments = profile.Arguments(resources.Apply(request));
            var info = new ProcessStartInfo(profile.Binary) { UseShellExecute = false };
            foreach (string argument in qemuArguments)
                info.ArgumentList.Add(argument);
            int exitCode;
            if (script is not null)
            {
                Progress.Say($"booting {manifest.Name} ({Path.GetRelativePath(layout.Root, bootFile)}) with a script of {script.Count} line(s)");
                int? scripted = await ScriptedConsole.RunAsync(info, script, Console.Out, TimeSpan.FromSeconds(manifest.TimeoutSeconds), cancel, typeAhead);
                cancel.ThrowIfCancellationRequested();
                if (scripted is null)
                {
                    Progress.Say($"{manifest.Name} showed no prompt within {manifest.TimeoutSeconds} s; stopped");
                    return 3;
                }
                exitCode = scripted.Value;
            }
            else
            {
                Progress.Say($"booting {manifest.Name} ({Path.GetRelativePath(layout.Root, bootFile)}); Ctrl-A X quits QEMU");
                // The console is this terminal: QEMU inherits stdin, stdout and stderr.
                exitCode = await ForegroundProcess.RunAsync(info, cancel);
            }
            cancel.ThrowIfCancellationRequested();
            Progress.Say($"{manifest.Name} exited with {exitCode}");
            return exitCode;
        }
    }

    private static List<string> ReadAllLines(TextReader reader)
    {
        var lines = new List<string>();
        string? line;
        while ((line = reader.ReadLine()) is not null)
            lines.Add(line);
        return lines;
    }
}
