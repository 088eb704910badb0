// One measured figure of ./nf bench: which run produced it, what it is, its value and unit.
namespace Nf.Bench;

/// <param name="Run">The boot or tool that measured it ("icount", "timing.null", "app", "platform").</param>
/// <param name="Key">Dotted name, e.g. "path.irq.base_version.send" or "latency.poll.base_version.p99".</param>
public sealed record BenchFigure(string Run, string Key, double Value, string Unit);

/// <summary>One boot or tool run of the bench and how it ended.</summary>
/// <param name="Error">Null when it ran to the end; else why its figures are missing or partial.</param>
public sealed record BenchRun(string Name, string Description, double Seconds, string? Error)
{
    /// <summary>Why the run could not happen on this machine at all (no Linux guest): not a failure, the bench still succeeds.</summary>
    public string? Skipped { get; init; }
}
