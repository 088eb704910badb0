// Runs QEMU under a time limit, handing each console line to the caller as it arrives.
using System.Diagnostics;
using Nf.Results;

namespace Nf.Qemu;

public static class QemuProcess
{
    /// <summary>
    /// Starts <paramref name="binary"/> with <paramref name="arguments"/>, streams stdout and stderr line by
    /// line to <paramref name="onLine"/>, and kills the process (and anything it started) at
    /// <paramref name="timeLimit"/>. Returns how it ended.
    /// </summary>
    public static async Task<ImageRunOutcome> RunAsync(string binary, IReadOnlyList<string> arguments, TimeSpan timeLimit,
        Action<string> onLine, CancellationToken cancel = default)
    {
        var info = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // -nographic multiplexes the monitor onto stdin: keep it ours, so a keypress on the terminal
            // running the tests cannot reach the guest or quit QEMU.
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
            info.ArgumentList.Add(argument);

        var lineLock = new object();
        void Deliver(string? line)
        {
            if (line is null)
                return;
            // Both streams call back on pool threads; the caller sees one line at a time, in order of arrival.
            lock (lineLock)
                onLine(line);
        }

        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Deliver(e.Data);
        process.ErrorDataReceived += (_, e) => Deliver(e.Data);
        var clock = Stopwatch.StartNew();
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"cannot start {binary}: {e.Message} (run ./nf setup)", e);
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        deadline.CancelAfter(timeLimit);
        bool timedOut = false;
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            timedOut = !cancel.IsCancellationRequested;
            Kill(process);
            // Drain what the image printed before it was stopped; it names the last test that finished.
            await process.WaitForExitAsync(CancellationToken.None);
            cancel.ThrowIfCancellationRequested();
        }
        finally
        {
            if (!process.HasExited)
                Kill(process);
        }
        clock.Stop();
        return new ImageRunOutcome(timedOut ? -1 : process.ExitCode, timedOut, clock.Elapsed, timeLimit);
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
}
