// The real scmi-platform daemon as a child process of a test: started, waited for, signalled, collected.
using System.Diagnostics;
using System.Text;
using ScmiPlatform.VhostUser;

namespace Platform.Tests.Integration;

/// <summary>Runs `dotnet scmi-platform.dll` from the test's output folder with a fresh socket path.</summary>
public sealed class DaemonProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public DaemonProcess(string socketPath, params string[] extraArguments)
    {
        SocketPath = socketPath;
        string dll = Path.Combine(AppContext.BaseDirectory, "scmi-platform.dll");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--socket-path=" + socketPath);
        foreach (string argument in extraArguments)
            info.ArgumentList.Add(argument);
        _process = new Process { StartInfo = info };
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
                return;
            lock (_stdout) _stdout.AppendLine(e.Data);
            if (e.Data == "listening on " + socketPath)
                _listening.TrySetResult();
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
                lock (_stderr) _stderr.AppendLine(e.Data);
        };
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string SocketPath { get; }
    public int Id => _process.Id;
    public string Stdout { get { lock (_stdout) return _stdout.ToString(); } }
    /// <summary>The log and trace lines.</summary>
    public string Stderr { get { lock (_stderr) return _stderr.ToString(); } }

    /// <summary>Waits for the "listening on PATH" line; false when the daemon died or took too long.</summary>
    public async Task<bool> WaitListeningAsync(TimeSpan within)
    {
        Task done = await Task.WhenAny(_listening.Task, _process.WaitForExitAsync(), Task.Delay(within));
        return done == _listening.Task;
    }

    /// <summary>Sends <paramref name="signal"/> (SIGTERM by default) and returns the exit code (null when it did not exit in time).</summary>
    public async Task<int?> TerminateAsync(TimeSpan within, int signal = Libc.SIGTERM)
    {
        Libc.Kill(_process.Id, signal);
        using var timeout = new CancellationTokenSource(within);
        try { await _process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException) { return null; }
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
