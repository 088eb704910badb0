// How a QEMU process ended, before anyone judges what it printed.
namespace Nf.Results;

/// <param name="ExitCode">QEMU's exit code (the image's, via semihosting); meaningless when <paramref name="TimedOut"/>.</param>
/// <param name="TimedOut">The image was still running at its time limit and was killed.</param>
public sealed record ImageRunOutcome(int ExitCode, bool TimedOut, TimeSpan Elapsed, TimeSpan TimeLimit);
