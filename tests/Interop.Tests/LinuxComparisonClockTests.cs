// Linux's clk-scmi and our agent against the same clocks: names, rates, rate limits, and what Linux switches off at boot.
using System.Text.RegularExpressions;
using Interop.Tests.Boot;
using Interop.Tests.Ours;
using Xunit;

namespace Interop.Tests;

[Collection(LinuxGuestCollection.Name)]
public sealed partial class LinuxComparisonClockTests(LinuxGuestFixture fixture)
{
    private LinuxGuestRun Run => fixture.Run;

    public static IEnumerable<object[]> Clocks() => DescriptionData.Names(d => d.Clocks.Select(c => c.Name));

    [LinuxTheory]
    [MemberData(nameof(Clocks))]
    public async Task LinuxAndOurAgentShowTheClockWithTheSameRateAndLimits(string name)
    {
        OurAgentReport ours = await OurAgent.ReportAsync();
        AgentRow row = ours.Row("clock", name);
        ClkSummaryRow linux = ClkSummaryRow.Parse(Run.Console.Section("clk_summary")).Single(r => r.Name == name);
        // clk_summary gives Hz; ours prints at most three decimals of the largest unit (truncated): equal as our text.
        Assert.Equal(AppText.Frequency(linux.Rate), row.Cells[1]);

        // clk-scmi sets the clock's rate range to the first and last discrete rate, or the range's ends (no step).
        IReadOnlyDictionary<string, string> debugfs = Run.Console.Files("clk");
        string low = AppText.Frequency(ulong.Parse(debugfs[$"/sys/kernel/debug/clk/{name}/clk_min_rate"]));
        string high = AppText.Frequency(ulong.Parse(debugfs[$"/sys/kernel/debug/clk/{name}/clk_max_rate"]));
        IReadOnlyList<string> rates = ours.ClockRates(row.Id);
        if (rates.Count == 1 && rates[0].Contains(" .. ", StringComparison.Ordinal))
        {
            Assert.StartsWith($"{low} .. {high} step ", rates[0]);
        }
        else
        {
            Assert.Equal(low, rates[0]);
            Assert.Equal(high, rates[^1]);
        }
    }

    [LinuxFact]
    public async Task LinuxListsOurAgentsClocksPlusTheBoardsFixedClocks()
    {
        OurAgentReport ours = await OurAgent.ReportAsync();
        var linux = ClkSummaryRow.Parse(Run.Console.Section("clk_summary")).Select(r => r.Name).ToHashSet();
        var oursNames = ours.Table("clock").Select(r => r.Name).ToHashSet();
        Assert.Subset(linux, oursNames);
        // The rest come from QEMU's device tree (fixed-clock nodes, e.g. the PL011's apb_pclk "clk24mhz"), not from SCMI.
        string dts = File.ReadAllText(Path.Combine(Run.ArtifactFolder, "guest.dts"));
        Assert.All(linux.Except(oursNames), extra => Assert.Contains($"clock-output-names = \"{extra}\"", dts));
    }

    [LinuxFact]
    public async Task LinuxSwitchesOffEveryClockOurAgentShowsOnExceptTheLockedOnes()
    {
        OurAgentReport ours = await OurAgent.ReportAsync();
        // clk_disable_unused (late_initcall_sync) unprepares every clock no consumer holds that is_prepared
        // (CLOCK_ATTRIBUTES' enabled bit) reports on: one CLOCK_CONFIG_SET(disable) each. The platform refuses
        // the locked ones (DENIED), so those stay on.
        var disabled = Run.DaemonLines.Select(l => ConfigSetOff().Match(l)).Where(m => m.Success)
            .ToDictionary(m => int.Parse(m.Groups[1].Value), m => m.Groups[2].Value);
        var on = ours.Table("clock").Where(r => r.Cells[0] == "on").ToList();
        Assert.Equal(on.Select(r => r.Id).Order(), disabled.Keys.Order());
        foreach (AgentRow clock in on)
            Assert.Equal(Run.Description.Clocks[clock.Id].Locked ? "DENIED" : "SUCCESS", disabled[clock.Id]);
        // clk_summary cannot show it: without is_enabled/enable ops (non-atomic clocks) its hardware column is always
        // "Y" and its counts are Linux's own consumers (none).
        Assert.All(ClkSummaryRow.Parse(Run.Console.Section("clk_summary")).Where(r => on.Concat(ours.Table("clock")).Any(o => o.Name == r.Name)),
            r => Assert.Equal((0, 0), (r.EnableCount, r.PrepareCount)));
    }

    [GeneratedRegex(@"A>P CLOCK\.CLOCK_CONFIG_SET .*\bclock_id=(\d+) attributes=0x0 => (\w+)")]
    private static partial Regex ConfigSetOff();
}
