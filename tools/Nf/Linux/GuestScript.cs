// Locates tests/Interop.Tests/guest/ and runs its build script (the kernel, the initramfs, the packages): the Linux guest
// the interop suite boots and ./nf bench times Linux's SCMI stack in.
using System.Diagnostics;
using Nf.Qemu;

namespace Nf.Linux;

/// <summary>The guest folder and the one script that prepares everything the guest needs.</summary>
public static class GuestScript
{
    /// <summary>build-guest.sh exits with this when the Debian packages it needs cannot be fetched.</summary>
    public const int ExitPackagesUnavailable = 77;

    /// <summary>tests/Interop.Tests/guest in the clone this assembly was built from.</summary>
    public static string GuestFolder => Path.Combine(LaunchProfile.FindRepoRoot(), "tests", "Interop.Tests", "guest");

    /// <summary>The build script.</summary>
    public static string BuildScript => Path.Combine(GuestFolder, "build-guest.sh");

    /// <summary>
    /// Runs build-guest.sh with <paramref name="arguments"/>, handing each stderr line (progress) to
    /// <paramref name="onProgress"/>; returns its exit code and stdout.
    /// </summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(IReadOnlyList<string> arguments, Action<string> onProgress,
        TimeSpan timeLimit)
    {
        var info = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(BuildScript);
        foreach (string argument in arguments)
            info.ArgumentList.Add(argument);
        using var process = new Process { StartInfo = info };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) onProgress(e.Data); };
        process.Start();
        process.BeginErrorReadLine();
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeLimit);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{BuildScript} did not finish within {timeLimit.TotalMinutes:0} minutes");
        }
        return (process.ExitCode, await output);
    }
}
