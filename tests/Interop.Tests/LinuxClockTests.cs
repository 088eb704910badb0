// Linux's SCMI clock driver against our clock protocol: every clock registered with its rate; a rate set
// and an enable from Linux's clk debugfs reach the platform.
using Interop.Tests.Boot;
using Interop.Tests.Guest;
using ScmiPlatform.Description;
using Xunit;

namespace Interop.Tests;

[Collection(LinuxGuestCollection.Name)]
public sealed class LinuxClockTests(LinuxGuestFixture fixture)
{
    private LinuxGuestRun Run => fixture.Run;

    public static IEnumerable<object[]> Clocks() => DescriptionData.Names(d => d.Clocks.Select(c => c.Name));

    [LinuxTheory]
    [MemberData(nameof(Clocks))]
    public void LinuxRegistersTheClockWithItsResetRate(string name)
    {
        ClockDescription clock = Run.Description.Clocks.Single(c => c.Name == name);
        ClkSummaryRow? row = ClkSummaryRow.Parse(Run.Console.Section("clk_summary")).FirstOrDefault(r => r.Name == clock.Name);
        Assert.True(row is not null, $"clock '{clock.Name}' is not in clk_summary:\n" + string.Join('\n', Run.Console.Section("clk_summary")));
        Assert.Equal(GuestActions.InitialRate(clock), row.Rate);
    }

    /// <summary>include/linux/scmi_protocol.h (6.12): SCMI_MAX_NUM_RATES, the most discrete rates Linux keeps per clock.</summary>
    private const int LinuxMaximumDiscreteRates = 16;

    [LinuxFact]
    public void LinuxReadsTheWholeRateTableOfEveryClock()
    {
        // DEN0056 puts no bound on a clock's discrete rates; Linux stops at 16 and logs this line, keeping
        // only the rates of the pages it read before (so it cannot reach the highest ones).
        var cut = Run.Console.KernelLog.Where(line => line.Contains("No. of resources can't exceed")).ToList();
        var tooLong = Run.Description.Clocks.Where(c => c.Rates is { Count: > LinuxMaximumDiscreteRates }).Select(c => $"{c.Name} ({c.Rates!.Count} rates)");
        Assert.True(cut.Count == 0, "Linux could not read a whole rate table: " + string.Join("; ", cut)
            + $". Clocks with more than {LinuxMaximumDiscreteRates} discrete rates in the description: " + string.Join(", ", tooLong));
    }

    [LinuxFact]
    public void LinuxSetsAClockRateThroughDebugfs()
    {
        ClockChange change = Run.Actions.Clock ?? throw new InvalidOperationException("the description has no unlocked clock with two rates");
        GuestWrite write = GuestWrite.For(Run.Console, change.RatePath);
        Assert.Equal(0, write.ExitCode);
        // clk_rate reads back through CLOCK_RATE_GET (recalc_rate), so this is the platform's answer.
        Assert.Equal(change.Rate.ToString(), write.Readback);
    }

    [LinuxFact]
    public void LinuxClockRateSetReachesThePlatformTrace()
    {
        ClockChange change = Run.Actions.Clock ?? throw new InvalidOperationException("the description has no unlocked clock with two rates");
        // The raw probes set other clocks; only Linux's clk-scmi sets this one to this rate.
        string[] wanted = ["A>P CLOCK.CLOCK_RATE_SET ", $" clock_id={change.ClockId} ", $" rate={change.Rate} ", "=> SUCCESS"];
        Assert.True(Run.DaemonLines.Any(line => wanted.All(line.Contains)),
            $"the platform trace shows no successful CLOCK_RATE_SET of clock {change.ClockId} to {change.Rate} Hz:\n"
            + string.Join('\n', Run.DaemonLines.Where(line => line.Contains("CLOCK_RATE_SET"))));
    }

    [LinuxFact]
    public void LinuxEnablesAClockThroughDebugfs()
    {
        ClockChange change = Run.Actions.Clock ?? throw new InvalidOperationException("the description has no unlocked clock with two rates");
        GuestWrite write = GuestWrite.For(Run.Console, change.EnablePath);
        Assert.Equal(0, write.ExitCode);
        Assert.Equal("1", write.Readback);
    }
}
