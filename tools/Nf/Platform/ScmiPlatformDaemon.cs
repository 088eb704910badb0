// Starts the SCMI platform daemon for one QEMU run and stops it afterwards.
// QEMU connects to the vhost-user socket as a client and fails at once when nothing listens there
// (docs: qemu-and-linux-peer.md), so the daemon must be listening before QEMU starts.
using System.Diagnostics;
using System.Text;

namespace Nf.Platform;

public sealed class ScmiPlatformDaemon : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _directory;
    private readonly StringBuilder _output;

    private ScmiPlatformDaemon(Process process, string directory, string socketPath, StringBuilder output)
    {
        _process = process;
        _directory = directory;
        SocketPath = socketPath;
        _output = output;
    }

    /// <summary>The vhost-user socket QEMU's scmi device connects to.</summary>
    public string SocketPath { get; }

    /// <summary>What the daemon printed so far (for reports when a run goes wrong).</summary>
    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <summary>Starts `dotnet <paramref name="daemonDll"/> --socket-path &lt;fresh socket&gt;` and waits until the socket exists.</summary>
    public static async Task<ScmiPlatformDaemon> StartAsync(string daemonDll, TimeSpan readyWithin, IReadOnlyList<string>? extraArguments = null)
    {
        if (!File.Exists(daemonDll))
            throw new InvalidOperationException($"the SCMI platform daemon is not built: {daemonDll} is missing");
        // Unix socket paths are limited to 108 bytes, so the socket lives in a short temp folder.
        string directory = Directory.CreateTempSubdirectory("nf-scmi-").FullName;
        string socket = Path.Combine(directory, "scmi.sock");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(daemonDll);
        info.ArgumentList.Add("--socket-path");
        info.ArgumentList.Add(socket);
        foreach (string argument in extraArguments ?? [])
            info.ArgumentList.Add(argument);

        var output = new StringBuilder();
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var daemon = new ScmiPlatformDaemon(process, directory, socket, output);

        var clock = Stopwatch.StartNew();
        while (!File.Exists(socket))
        {
            if (process.HasExited || clock.Elapsed > readyWithin)
            {
                string why = process.HasExited ? $"exited with {process.ExitCode}" : $"did not listen within {readyWithin.TotalSeconds:0} s";
                // HasExited can be true before the last output lines arrive; waiting drains the redirected streams.
                if (process.HasExited)
                    await process.WaitForExitAsync();
                string printed = daemon.Output;
                await daemon.DisposeAsync();
                throw new InvalidOperationException($"the SCMI platform daemon {why}" + (printed.Length > 0 ? ":\n" + printed.TrimEnd() : ""));
            }
            await Task.Delay(25);
        }
        return daemon;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A socket still being torn down; the temp folder is cleaned by the system later.
        }
    }
}
