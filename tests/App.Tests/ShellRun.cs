// Runs `./nf run` with a script against the real firmware image and platform daemon, and keeps what the console printed.
using System.Diagnostics;

namespace App.Tests;

/// <summary>One boot of firmware/App fed a script (by --script FILE or on stdin); its exit code and console lines.</summary>
public sealed class ShellRun
{
    private static readonly TimeSpan TimeLimit = TimeSpan.FromMinutes(10);

    private ShellRun(int exitCode, IReadOnlyList<string> lines, string errors)
    {
        ExitCode = exitCode;
        Lines = lines;
        Errors = errors;
    }

    public int ExitCode { get; }

    /// <summary>stdout, one entry per line, line ends and trailing spaces removed.</summary>
    public IReadOnlyList<string> Lines { get; }

    /// <summary>stderr (the runner's progress lines).</summary>
    public string Errors { get; }

    /// <summary>The lines printed after the prompt line holding <paramref name="command"/>, up to the next prompt.</summary>
    public IReadOnlyList<string> ReplyTo(string command)
    {
        int start = Lines.ToList().FindIndex(l => l == "nf> " + command);
        Xunit.Assert.True(start >= 0, $"no prompt line 'nf> {command}' in:\n{string.Join('\n', Lines)}");
        return Lines.Skip(start + 1).TakeWhile(l => !l.StartsWith("nf> ", StringComparison.Ordinal)).ToList();
    }

    /// <summary>Boots with <paramref name="script"/> as a file; <paramref name="typeAhead"/>: its first line is typed before the image runs;
    /// <paramref name="boot"/>: more `./nf run` options (e.g. --flash, --smp 4).</summary>
    public static Task<ShellRun> WithScriptFileAsync(IEnumerable<string> script, bool typeAhead = false, IReadOnlyList<string>? boot = null)
    {
        string file = Path.GetTempFileName();
        File.WriteAllLines(file, script);
        string[] arguments = ["run", .. boot ?? [], .. typeAhead ? new[] { "--type-ahead" } : [], "--script", file];
        return RunAsync(arguments, stdin: null, cleanup: file);
    }

    public static Task<ShellRun> WithStdinAsync(IEnumerable<string> script) =>
        RunAsync(["run"], stdin: string.Join('\n', script) + "\n", cleanup: null);

    private static async Task<ShellRun> RunAsync(string[] arguments, string? stdin, string? cleanup)
    {
        string root = RepositoryRoot();
        var info = new ProcessStartInfo(Path.Combine(root, "nf"))
        {
            WorkingDirectory = root,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
            info.ArgumentList.Add(argument);
        using Process process = Process.Start(info)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> errors = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
            await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        using var limit = new CancellationTokenSource(TimeLimit);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        finally
        {
            if (cleanup is not null)
                File.Delete(cleanup);
        }
        string[] lines = (await output).Replace("\r", "").Split('\n').Select(l => l.TrimEnd()).ToArray();
        // The prompt itself ends in a space; keep "nf> " whole on prompt lines that carry a command.
        lines = lines.Select(l => l == "nf>" ? "nf> " : l).ToArray();
        return new ShellRun(process.ExitCode, lines, await errors);
    }

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "nf")) && File.Exists(Path.Combine(directory.FullName, "nf.sln")))
                return directory.FullName;
        }
        throw new InvalidOperationException("repository root (./nf, nf.sln) not found above " + AppContext.BaseDirectory);
    }
}
