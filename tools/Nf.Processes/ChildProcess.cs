// Stopping a child process the way a terminal would: a signal first, so it can clean up, then SIGKILL to it
// and everything it started when it does not end in time; always waiting until it is gone, so that no child
// outlives the process that started it.
using System.Diagnostics;

namespace Nf.Processes;

public static class ChildProcess
{
    /// <summary>How long a child gets to end after SIGTERM before it is killed.</summary>
    public static readonly TimeSpan DefaultGrace = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Sends <paramref name="signal"/> (SIGTERM by default) and waits up to <paramref name="grace"/>; then
    /// kills the process tree and waits for it. Returns the exit code, or null when it had to be killed.
    /// </summary>
    public static async Task<int?> StopAsync(Process process, TimeSpan? grace = null, int signal = Signals.SigTerm)
    {
        if (HasExited(process))
        {
            await process.WaitForExitAsync(CancellationToken.None);
            return process.ExitCode;
        }
        Signals.Send(process.Id, signal);
        using var deadline = new CancellationTokenSource(grace ?? DefaultGrace);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
            return process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            await process.WaitForExitAsync(CancellationToken.None);
            return null;
        }
    }

    /// <summary>SIGKILL to the process and everything it started, then waits (drains redirected output too).</summary>
    public static async Task KillAsync(Process process)
    {
        Kill(process);
        await process.WaitForExitAsync(CancellationToken.None);
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It ended between the check and the kill.
        }
    }

    private static bool HasExited(Process process)
    {
        try
        {
            return process.HasExited;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }
}
