// Runs one `dotnet` command and collects its output, for builds and host test runs.
using System.Diagnostics;
using System.Text;

namespace Nf.Building;

/// <param name="Output">stdout and stderr interleaved, as printed.</param>
public sealed record CommandResult(int ExitCode, string Output, TimeSpan Elapsed);

public static class DotnetCommand
{
    public static async Task<CommandResult> RunAsync(string workingDirectory, IEnumerable<string> arguments,
        Action<string>? onLine = null, CancellationToken cancel = default)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
            info.ArgumentList.Add(argument);
        // Quiet, repeatable output: no first-run banners, no telemetry notice, no terminal logger.
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["MSBUILDTERMINALLOGGER"] = "off";

        var output = new StringBuilder();
        void Take(string? line)
        {
            if (line is null)
                return;
            lock (output)
            {
                output.AppendLine(line);
                onLine?.Invoke(line);
            }
        }

        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Take(e.Data);
        process.ErrorDataReceived += (_, e) => Take(e.Data);
        var clock = Stopwatch.StartNew();
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
        return new CommandResult(process.ExitCode, output.ToString(), clock.Elapsed);
    }
}
