// `./nf run --script FILE` (or stdin not a terminal): QEMU's serial input fed one script line per shell prompt.
using System.Diagnostics;
using System.Text;
using Nf.Processes;

namespace Nf.Qemu;

/// <summary>
/// Runs QEMU with its console on pipes: everything the image prints is copied to <paramref name="output"/> as it
/// arrives; each time the firmware's shell prompt (<see cref="Prompt"/>, at the start of a line) appears, the
/// next script line is written to QEMU's serial input; after the last line comes Ctrl-D, which the shell takes
/// as the end of input (firmware/App/Shell/LineEditor.cs). A prompt that does not come within
/// <c>promptWithin</c>, or an image still running that long after the end of input (a hung image), stops QEMU.
/// With <c>typeAhead</c> the first script line is written as QEMU starts, before the image runs (typed ahead),
/// and each later line one prompt early; the shell must still run every line once, in order.
/// </summary>
public static class ScriptedConsole
{
    /// <summary>The prompt firmware/App/Shell/ShellLoop.cs prints before each line.</summary>
    public const string Prompt = "nf> ";

    /// <summary>Ctrl-D: the end of input for the shell's line editor.</summary>
    public const char EndOfInput = '\u0004';

    /// <summary>The result: QEMU's exit code, or null when it was stopped because no prompt came in time.</summary>
    public static async Task<int?> RunAsync(ProcessStartInfo info, IReadOnlyList<string> script, TextWriter output,
        TimeSpan promptWithin, CancellationToken cancel, bool typeAhead = false)
    {
        info.RedirectStandardInput = true;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = false;
        info.UseShellExecute = false;
        using Process process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {info.FileName}");
        var prompts = new SemaphoreSlim(0);
        Task reading = CopyOutputAsync(process.StandardOutput, output, prompts);
        bool hung = false;
        try
        {
            int first = 0;
            if (typeAhead && script.Count > 0)
            {
                await WriteLineAsync(process, script[0], cancel);
                first = 1;
            }
            // Each line, then Ctrl-D, goes after a prompt; the image ending (a script's `exit`) ends the feeding.
            for (int i = first; i <= script.Count; i++)
            {
                Task<bool> prompt = prompts.WaitAsync(promptWithin, cancel);
                await Task.WhenAny(prompt, process.WaitForExitAsync(cancel));
                cancel.ThrowIfCancellationRequested();
                if (!prompt.IsCompleted || !prompt.Result)
                {
                    hung = !process.HasExited;
                    break;
                }
                if (i < script.Count)
                {
                    await WriteLineAsync(process, script[i], cancel);
                }
                else
                {
                    await process.StandardInput.WriteAsync(EndOfInput);
                    await process.StandardInput.FlushAsync(cancel);
                }
            }
            // After the end of input the image must end too; one that keeps running is as hung as one without a prompt.
            if (!hung)
            {
                using var ending = CancellationTokenSource.CreateLinkedTokenSource(cancel);
                ending.CancelAfter(promptWithin);
                try
                {
                    await process.WaitForExitAsync(ending.Token);
                }
                catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
                {
                    hung = true;
                }
            }
            if (hung)
            {
                await ChildProcess.StopAsync(process, TimeSpan.FromSeconds(2));
                await reading;
                return null;
            }
            await process.WaitForExitAsync(cancel);
            await reading;
            return process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return await ChildProcess.StopAsync(process, null) ?? -1;
        }
        catch (IOException)
        {
            // QEMU ended while a line was being written (the script's `exit` came before its last line).
            await process.WaitForExitAsync(CancellationToken.None);
            await reading;
            return process.ExitCode;
        }
    }

    /// <summary>Copies QEMU's output character by character (the prompt has no line end) and counts prompts.</summary>
    private static async Task CopyOutputAsync(StreamReader source, TextWriter output, SemaphoreSlim prompts)
    {
        var buffer = new char[4096];
        var lineStart = new StringBuilder();
        bool atLineStart = true;
        int read;
        while ((read = await source.ReadAsync(buffer)) > 0)
        {
            await output.WriteAsync(buffer.AsMemory(0, read));
            await output.FlushAsync();
            for (int i = 0; i < read; i++)
            {
                char c = buffer[i];
                if (c == '\n' || c == '\r')
                {
                    atLineStart = true;
                    lineStart.Clear();
                    continue;
                }
                if (!atLineStart)
                    continue;
                lineStart.Append(c);
                if (lineStart.Length == Prompt.Length)
                {
                    if (lineStart.ToString() == Prompt)
                        prompts.Release();
                    atLineStart = false;
                    lineStart.Clear();
                }
            }
        }
    }

    private static async Task WriteLineAsync(Process process, string line, CancellationToken cancel)
    {
        // Control characters other than tabs would edit the line: a script is plain text.
        await process.StandardInput.WriteAsync(Sanitize(line) + "\n");
        await process.StandardInput.FlushAsync(cancel);
    }

    private static string Sanitize(string line)
    {
        var clean = new StringBuilder(line.Length);
        foreach (char c in line)
            clean.Append(c == '\t' || c >= ' ' ? c : ' ');
        return clean.ToString();
    }
}
