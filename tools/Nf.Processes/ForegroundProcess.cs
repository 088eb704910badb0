// A child that shares the terminal (QEMU's console for ./nf run, the daemon for ./nf platform): when the
// runner is asked to stop, the child is stopped too and waited for, so it is never left running behind it.
using System.Diagnostics;

namespace Nf.Processes;

public static class ForegroundProcess
{
    /// <summary>
    /// Starts <paramref name="info"/> and waits for it. On <paramref name="cancel"/> the child gets SIGTERM
    /// (SIGKILL after <paramref name="grace"/>) and is waited for. Returns its exit code (-1 when it had to be killed).
    /// </summary>
    public static async Task<int> RunAsync(ProcessStartInfo info, CancellationToken cancel, TimeSpan? grace = null)
    {
        using Process process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {info.FileName}");
        try
        {
            await process.WaitForExitAsync(cancel);
            return process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return await ChildProcess.StopAsync(process, grace) ?? -1;
        }
    }
}
