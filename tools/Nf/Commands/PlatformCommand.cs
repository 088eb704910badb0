// `./nf platform [OPTIONS]`: build the SCMI platform daemon and run it in the foreground, options passed through.
using System.Diagnostics;
using Nf.Building;
using Nf.Processes;
using Nf.Repository;

namespace Nf.Commands;

public static class PlatformCommand
{
    public static async Task<int> RunAsync(RepoLayout layout, IReadOnlyList<string> arguments, CancellationToken cancel)
    {
        if (!File.Exists(layout.DaemonProject))
        {
            Progress.Say($"no SCMI platform daemon at {Path.GetRelativePath(layout.Root, layout.DaemonProject)}");
            return 3;
        }
        Progress.Say("building the SCMI platform...");
        BuildOutcome build = await ImageBuild.BuildAsync(layout, "platform", [layout.DaemonProject], cancel);
        if (!build.Succeeded)
        {
            foreach (string error in build.Errors)
                Console.Error.WriteLine(error);
            Progress.Say("build failed");
            return 3;
        }
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false };
        info.ArgumentList.Add(layout.DaemonDll);
        foreach (string argument in arguments)
            info.ArgumentList.Add(argument);
        // A stop signal to the runner (SIGTERM from a script, Ctrl-C) is passed on to the daemon, which then
        // closes its socket; the runner returns only once it is gone.
        return await ForegroundProcess.RunAsync(info, cancel);
    }
}
