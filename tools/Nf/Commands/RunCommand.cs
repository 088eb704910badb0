// `./nf run`: build firmware/App and boot it with the console on this terminal; the exit code is the image's.
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
        bool modern = arguments.Contains("--modern");
        string? unknown = arguments.FirstOrDefault(a => a != "--modern");
        if (unknown is not null)
        {
            Progress.Say($"unknown argument '{unknown}' (usage: ./nf run [--modern])");
            return 2;
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
        var variant = new BootVariant(mode, manifest.PlatformProfiles.FirstOrDefault());
        BootResources resources;
        try
        {
            resources = await BootResources.StartAsync(manifest.Devices, layout.DaemonDll, variant.DaemonArguments, TimeSpan.FromSeconds(20), cancel);
        }
        catch (InvalidOperationException e)
        {
            Progress.Say(e.Message);
            return 3;
        }
        await using (resources)
        {
            IReadOnlyList<string> qemuArguments = profile.Arguments(resources.Apply(ImageBoot.Request(manifest, variant)));
            Progress.Say($"booting {manifest.Name} ({Path.GetRelativePath(layout.Root, manifest.ImagePath)}); Ctrl-A X quits QEMU");

            // The console is this terminal: QEMU inherits stdin, stdout and stderr.
            var info = new ProcessStartInfo(profile.Binary) { UseShellExecute = false };
            foreach (string argument in qemuArguments)
                info.ArgumentList.Add(argument);
            int exitCode = await ForegroundProcess.RunAsync(info, cancel);
            cancel.ThrowIfCancellationRequested();
            Progress.Say($"{manifest.Name} exited with {exitCode}");
            return exitCode;
        }
    }
}
