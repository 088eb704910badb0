// The SCMI platform daemon (scmi-platform) as a child process for one boot or one test: started on a socket,
// waited for until it listens, its output kept, stopped with SIGTERM. QEMU connects to the vhost-user socket
// as a client and fails at once when nothing listens there, so the daemon must be listening before QEMU starts.
using System.Diagnostics;

namespace Nf.Processes;

public sealed class PlatformDaemon : IAsyncDisposable
{
    /// <summary>What the daemon prints once its socket accepts connections and its signal handlers are in place.</summary>
    public const string ListeningPrefix = "listening on ";
    /// <summary>The daemon's file name in a build output folder.</summary>
    public const string DllName = "scmi-platform.dll";

    private readonly Process _process;
    private readonly string? _ownedDirectory;
    private readonly List<(bool IsError, string Text)> _lines = [];

    private PlatformDaemon(Process process, string socketPath, string? ownedDirectory)
    {
        _process = process;
        SocketPath = socketPath;
        _ownedDirectory = ownedDirectory;
    }

    /// <summary>The vhost-user socket the daemon listens on.</summary>
    public string SocketPath { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Every line printed so far, stdout and stderr in order of arrival.</summary>
    public IReadOnlyList<string> Lines
    {
        get { lock (_lines) return _lines.Select(l => l.Text).ToList(); }
    }

    /// <summary>What it printed on stdout ("listening on ...").</summary>
    public string Stdout => Join(isError: false);

    /// <summary>What it printed on stderr (log, warnings, --trace).</summary>
    public string Stderr => Join(isError: true);

    /// <summary>Everything it printed, as one text.</summary>
    public string Output
    {
        get { lock (_lines) return string.Concat(_lines.Select(l => l.Text + "\n")); }
    }

    /// <summary>The daemon built into the calling program's output folder (a project reference copies it there).</summary>
    public static string DefaultDll => Path.Combine(AppContext.BaseDirectory, DllName);

    /// <summary>
    /// Starts `dotnet <paramref name="daemonDll"/> --socket-path SOCKET <paramref name="arguments"/>` and returns
    /// once it printed "listening on SOCKET". Without <paramref name="socketPath"/> the socket goes into a fresh
    /// temporary folder that disposing removes. Throws InvalidOperationException, with all the daemon printed,
    /// when it is not built, exits, or does not listen within <paramref name="readyWithin"/>.
    /// </summary>
    public static async Task<PlatformDaemon> StartAsync(string daemonDll, IReadOnlyList<string> arguments, TimeSpan readyWithin,
        string? socketPath = null, CancellationToken cancel = default)
    {
        if (!File.Exists(daemonDll))
            throw new InvalidOperationException($"the SCMI platform daemon is not built: {daemonDll} is missing");
        string? ownedDirectory = null;
        if (socketPath is null)
        {
            // Unix socket paths are limited to 108 bytes, so the socket lives in a short folder under /tmp.
            ownedDirectory = Directory.CreateTempSubdirectory("nf-scmi-").FullName;
            socketPath = Path.Combine(ownedDirectory, "scmi.sock");
        }
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(daemonDll);
        info.ArgumentList.Add("--socket-path");
        info.ArgumentList.Add(socketPath);
        foreach (string argument in arguments)
            info.ArgumentList.Add(argument);

        var daemon = new PlatformDaemon(new Process { StartInfo = info }, socketPath, ownedDirectory);
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        string listeningLine = ListeningPrefix + socketPath;
        void Collect(string? line, bool isError)
        {
            if (line is null)
                return;
            lock (daemon._lines)
                daemon._lines.Add((isError, line));
            if (!isError && line == listeningLine)
                listening.TrySetResult();
        }
        daemon._process.OutputDataReceived += (_, e) => Collect(e.Data, isError: false);
        daemon._process.ErrorDataReceived += (_, e) => Collect(e.Data, isError: true);
        daemon._process.Start();
        daemon._process.StandardInput.Close();
        daemon._process.BeginOutputReadLine();
        daemon._process.BeginErrorReadLine();

        Task exited = daemon._process.WaitForExitAsync(CancellationToken.None);
        Task first = await Task.WhenAny(listening.Task, exited, Task.Delay(readyWithin, cancel));
        if (first == listening.Task)
            return daemon;
        // WaitForExitAsync has drained the redirected streams by now, so the message holds all it printed.
        string why = first == exited ? $"exited with {daemon._process.ExitCode}"
            : cancel.IsCancellationRequested ? "was cancelled before it listened"
            : $"did not print '{listeningLine}' within {readyWithin.TotalSeconds:0} s";
        await daemon.DisposeAsync();
        cancel.ThrowIfCancellationRequested();
        string printed = daemon.Output.TrimEnd();
        throw new InvalidOperationException($"the SCMI platform daemon {why}" + (printed.Length > 0 ? ":\n" + printed : ""));
    }

    /// <summary>Sends <paramref name="signal"/> (SIGTERM by default) and waits; returns the exit code, or null when it had to be killed.</summary>
    public Task<int?> StopAsync(TimeSpan within, int signal = Signals.SigTerm) => ChildProcess.StopAsync(_process, within, signal);

    /// <summary>Stops the daemon (SIGTERM, then SIGKILL after the grace time) and removes a socket folder it made.</summary>
    public async ValueTask DisposeAsync()
    {
        await ChildProcess.StopAsync(_process);
        _process.Dispose();
        if (_ownedDirectory is null)
            return;
        try
        {
            Directory.Delete(_ownedDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A socket still being torn down; /tmp is cleaned by the system later.
        }
    }

    private string Join(bool isError)
    {
        lock (_lines)
            return string.Concat(_lines.Where(l => l.IsError == isError).Select(l => l.Text + "\n"));
    }
}
