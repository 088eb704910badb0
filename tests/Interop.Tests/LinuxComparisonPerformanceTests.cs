// Linux's scmi-cpufreq and perf-domain genpd and our agent against the same performance domains: levels as frequencies.
using Interop.Tests.Boot;
using Interop.Tests.Guest;
using Interop.Tests.Ours;
using Xunit;

namespace Interop.Tests;

[Collection(LinuxGuestCollection.Name)]
public sealed class LinuxComparisonPerformanceTests(LinuxGuestFixture fixture)
{
    private const string Policy = PerformanceChange.Policy;
    private LinuxGuestRun Run => fixture.Run;

    [LinuxFact]
    public async Task LinuxCpufreqAndOurAgentShowCpu0sDomainWithTheSameFrequencies()
    {
        OurAgentReport ours = await OurAgent.ReportAsync();
        IReadOnlyDictionary<string, string> files = Run.Console.Files("cpufreq");
        // cpu@0's clocks = <&scmi_dvfs 0>: policy0 is performance domain 0.
        var (levels, sustained) = ours.PerformanceLevels(0);
        Assert.NotNull(sustained);
        string[] Khz(string name) => files.TryGetValue(Policy + "/" + name, out string? list)
            ? list.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(k => AppText.Frequency(ulong.Parse(k) * 1000)).ToArray()
            : [];
        // scmi-cpufreq: frequency = level × (sustained kHz × 1000 / sustained level); levels above the sustained
        // one are boost frequencies, listed apart from the available ones.
        Assert.Equal(levels.Where(l => l.Level <= sustained).Select(l => l.Frequency), Khz("scaling_available_frequencies"));
        Assert.Equal(levels.Where(l => l.Level > sustained).Select(l => l.Frequency), Khz("scaling_boost_frequencies"));
        Assert.Equal([levels[0].Frequency], Khz("cpuinfo_min_freq"));
        Assert.Equal([levels[^1].Frequency], Khz("cpuinfo_max_freq"));
        // The section is printed before any write: the current frequency is the level our agent reads at its start.
        uint current = uint.Parse(ours.Row("perf", Run.Description.PerformanceDomains[0].Name).Cells[0]);
        Assert.Equal([levels.Single(l => l.Level == current).Frequency], Khz("cpuinfo_cur_freq"));
        // Linux's transition latency is the slowest level's, in nanoseconds.
        Assert.Equal((levels.Max(l => l.LatencyUs) * 1000).ToString(), files[Policy + "/cpuinfo_transition_latency"]);
    }

    [LinuxFact]
    public async Task LinuxGenpdNamesOurAgentsPerformanceDomainsWithASuffix()
    {
        OurAgentReport ours = await OurAgent.ReportAsync();
        // scmi_perf_domain sets GENPD_FLAG_DEV_NAME_FW: genpd names each domain "<firmware name>_<n>", n from its
        // own counter (the order the perf domains register, which is the domain id here).
        var linux = Run.Console.Section("pm_genpd").Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "").ToHashSet();
        foreach (AgentRow domain in ours.Table("perf"))
            Assert.Contains($"{domain.Name}_{domain.Id}", linux);
    }
}
