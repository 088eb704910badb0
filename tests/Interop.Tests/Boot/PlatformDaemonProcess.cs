// Runs the SCMI platform daemon for one guest boot: started before QEMU (QEMU connects as the vhost-user
// client and fails at once when nothing listens), watched while the guest runs, stopped with SIGTERM.
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Interop.Tests.Boot;

/// <summary>`scmi-platform --socket-path PATH --platform FILE --trace`, with everything it prints kept.</summary>
public sealed class PlatformDaemonProcess : IAsyncDisposable
{
    /// <summary>What the daemon prints once its socket accepts connections.</summary>
    public const string ListeningPrefix = "listening on ";
    private const int SigTerm = 15;

    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly string _directory;

    private PlatformDaemonProcess(Process process, string directory, string socketPath)
    {
        _process = process;
        _directory = directory;
        SocketPath = socketPath;
    }

    public string SocketPath { get; }

    /// <summary>Every line the daemon printed so far (stdout and stderr, in arrival order).</summary>
    public IReadOnlyList<string> Lines
    {
        get { lock (_lines) return [.. _lines]; }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>The daemon built next to this assembly (the project reference copies it here).</summary>
    public static string DefaultDll => Path.Combine(AppContext.BaseDirectory, "scmi-platform.dll");

    /// <summary>Starts the daemon and returns once it printed "listening on PATH".</summary>
    public static async Task<PlatformDaemonProcess> StartAsync(string daemonDll, string platformFile, TimeSpan readyWithin)
    {
        if (!File.Exists(daemonDll))
            throw new InvalidOperationException($"the SCMI platform daemon is not built: {daemonDll} is missing");
        // Unix socket paths are limited to 108 bytes: a short folder under /tmp.
        string directory = Directory.CreateTempSubdirectory("nf-linux-").FullName;
        string socket = Path.Combine(directory, "scmi.sock");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { daemonDll, "--socket-path", socket, "--platform", platformFile, "--trace" })
            info.ArgumentList.Add(argument);
        var daemon = new PlatformDaemonProcess(new Process { StartInfo = info }, directory, socket);
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Collect(string? line)
        {
            if (line is null)
                return;
            lock (daemon._lines)
                daemon._lines.Add(line);
            if (line.Contains(ListeningPrefix + socket, StringComparison.Ordinal))
                listening.TrySetResult();
        }
        daemon._process.OutputDataReceived += (_, e) => Collect(e.Data);
        daemon._process.ErrorDataReceived += (_, e) => Collect(e.Data);
        daemon._process.Start();
        daemon._process.BeginOutputReadLine();
        daemon._process.BeginErrorReadLine();

        Task exited = daemon._process.WaitForExitAsync();
        Task first = await Task.WhenAny(listening.Task, exited, Task.Delay(readyWithin));
        if (first != listening.Task)
        {
            string why = first == exited ? $"exited with {daemon._process.ExitCode}" : $"did not print '{ListeningPrefix}{socket}' within {readyWithin.TotalSeconds:0} s";
            string printed = string.Join('\n', daemon.Lines);
            await daemon.DisposeAsync();
            throw new InvalidOperationException($"the SCMI platform daemon {why}" + (printed.Length > 0 ? ":\n" + printed : ""));
        }
        return daemon;
    }

    /// <summary>Sends SIGTERM and waits; returns the exit code, or null when it had to be killed.</summary>
    public async Task<int?> StopAsync(TimeSpan within)
    {
        if (_process.HasExited)
            return _process.ExitCode;
        Kill(_process.Id, SigTerm);
        using var deadline = new CancellationTokenSource(within);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // The socket may still be going away; /tmp is cleaned by the system.
        }
    }

    // .NET has no API to send a signal other than SIGKILL; the daemon's clean shutdown is on SIGTERM.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
