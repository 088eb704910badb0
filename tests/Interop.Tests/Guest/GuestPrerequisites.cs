// Decides, once per test process, whether the Linux suite can run here at all: the only reason to skip
// is that the Debian packages the guest is built from cannot be fetched.
using Nf.Linux;

namespace Interop.Tests.Guest;

/// <summary>Runs `build-guest.sh --packages` (installs what is missing, quietly) and keeps the verdict.</summary>
public static class GuestPrerequisites
{
    private static readonly Lazy<string?> Verdict = new(Check, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Null when the suite can run; otherwise why it is skipped.</summary>
    public static string? SkipReason => Verdict.Value;

    private static string? Check()
    {
        var lines = new List<string>();
        (int exitCode, _) = GuestScript.RunAsync(["--packages"], line => { lock (lines) lines.Add(line); }, TimeSpan.FromMinutes(15))
            .GetAwaiter().GetResult();
        if (exitCode == GuestScript.ExitPackagesUnavailable)
            return "Linux guest unavailable: " + string.Join("; ", lines);
        // Any other failure is not a reason to skip: the fixture reruns the script and reports it as a failure.
        return null;
    }
}
