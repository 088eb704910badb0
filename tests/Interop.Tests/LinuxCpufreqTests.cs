// Linux's scmi-cpufreq against our performance protocol: cpu0's frequency table is the domain's levels,
// and a frequency chosen through the userspace governor becomes the platform's level.
using Interop.Tests.Boot;
using Interop.Tests.Guest;
using ScmiPlatform.Description;
using Xunit;

namespace Interop.Tests;

[Collection(LinuxGuestCollection.Name)]
public sealed class LinuxCpufreqTests(LinuxGuestFixture fixture)
{
    private const string Policy = PerformanceChange.Policy;
    private LinuxGuestRun Run => fixture.Run;

    private PerformanceDomainDescription Cpu0Domain =>
        Run.Description.PerformanceDomains.Count > 0 ? Run.Description.PerformanceDomains[0] : throw new InvalidOperationException("the description has no performance domain");

    [LinuxFact]
    public void LinuxCpufreqListsThePerformanceDomainsLevels()
    {
        IReadOnlyDictionary<string, string> files = Run.Console.Files("cpufreq");
        Assert.True(files.TryGetValue(Policy + "/scaling_driver", out string? driver), "cpu0 has no cpufreq policy:\n" + string.Join('\n', Run.Console.Section("cpufreq")));
        Assert.Equal("scmi", driver);
        ulong[] expected = Cpu0Domain.Levels.Select(l => GuestActions.FrequencyKhz(Cpu0Domain, l.Level)).Order().ToArray();
        // Levels above the sustained frequency are boost frequencies for scmi-cpufreq; both lists together are the table.
        ulong[] listed = Frequencies(files, "scaling_available_frequencies").Concat(Frequencies(files, "scaling_boost_frequencies")).Order().ToArray();
        Assert.Equal(expected, listed);
        Assert.Equal(expected[0].ToString(), files[Policy + "/cpuinfo_min_freq"]);
        Assert.Equal(expected[^1].ToString(), files[Policy + "/cpuinfo_max_freq"]);
    }

    private static IEnumerable<ulong> Frequencies(IReadOnlyDictionary<string, string> files, string name) =>
        files.TryGetValue(Policy + "/" + name, out string? list) ? list.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(ulong.Parse) : [];

    [LinuxFact]
    public void LinuxCpufreqSetsAFrequencyThePlatformReportsBack()
    {
        PerformanceChange change = Run.Actions.Performance ?? throw new InvalidOperationException("performance domain 0 has fewer than two levels or refuses level changes");
        GuestWrite set = GuestWrite.For(Run.Console, PerformanceChange.SetSpeedPath);
        Assert.Equal(0, set.ExitCode);
        // cpuinfo_cur_freq is the driver's get(): PERFORMANCE_LEVEL_GET, converted back to kHz.
        GuestWrite hardware = GuestWrite.For(Run.Console, PerformanceChange.HardwareFrequencyPath);
        Assert.Equal(change.FrequencyKhz.ToString(), hardware.Readback);
    }
}
