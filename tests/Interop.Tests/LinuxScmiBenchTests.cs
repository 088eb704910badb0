// ./nf bench's Linux run: the guest's scmi-bench times every command through raw mode and prints sane percentiles.
using Nf.Bench;
using Nf.Qemu;
using Nf.Repository;
using Xunit;

namespace Interop.Tests;

/// <summary>Boots its own guest (the bench's, not the suite's shared boot), so it runs alone with `--filter LinuxScmiBench`.</summary>
public sealed class LinuxScmiBenchTests
{
    private const int Rounds = 50;

    [LinuxFact]
    public async Task LinuxScmiBenchTimesEveryCommandThroughRawMode()
    {
        RepoLayout layout = RepoLayout.Find();
        var results = new BenchResults(quick: true, DateTimeOffset.UtcNow, "interop test");
        await LinuxLatency.RunAsync(layout, LaunchProfile.Load(layout.Root), [("linux.check", [])], Rounds, results, CancellationToken.None);

        BenchRun run = Assert.Single(results.Runs);
        Assert.Null(run.Skipped);
        Assert.Null(run.Error);
        foreach ((string command, _) in BenchResults.Commands)
        {
            double Figure(string what) => results.Get("linux.check", $"latency.linux.{command}.{what}")
                ?? throw new Xunit.Sdk.XunitException($"no {what} for {command}");
            Assert.Equal(Rounds, Figure("count"));
            Assert.True(Figure("min") > 0, $"{command}: a round trip of no time");
            Assert.True(Figure("min") <= Figure("p50") && Figure("p50") <= Figure("p90") && Figure("p90") <= Figure("p99")
                && Figure("p99") <= Figure("max"), $"{command}: percentiles out of order");
            Assert.True(Figure("rate") > 0);
        }
    }
}
