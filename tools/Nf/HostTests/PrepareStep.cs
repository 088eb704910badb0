// A host test project may carry an executable `nf-prepare` beside its csproj: long one-time work (the
// Linux guest's kernel build) that the runner does before `dotnet test`, with its progress on the
// terminal instead of silently inside a test fixture.
using System.Diagnostics;

namespace Nf.HostTests;

public static class PrepareStep
{
    public const string FileName = "nf-prepare";

    /// <summary>Runs the project's prepare script when it has one; its stderr lines go to <paramref name="onLine"/>.</summary>
    /// <returns>The script's exit code, or null when the project has none. A failure is not fatal here:
    /// the project's own tests report (or skip) what is missing.</returns>
    public static async Task<int?> RunAsync(string project, Action<string> onLine, CancellationToken cancel)
    {
        string script = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(project))!, FileName);
        if (!File.Exists(script))
            return null;
        var info = new ProcessStartInfo("bash")
        {
            WorkingDirectory = Path.GetDirectoryName(script)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(script);
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) onLine(e.Data); };
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancel);
        }
        catch (OperationCanceledException)
        {
            // Builds and test runs are thrown away whole; waiting makes sure none outlives the runner.
            await Nf.Processes.ChildProcess.KillAsync(process);
            throw;
        }
        return process.ExitCode;
    }
}
