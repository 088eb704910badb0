// Linux's genpd, scmi-regulator and scmi-reset and our agent against the same power, voltage, reset and power-cap domains.
using System.Text.RegularExpressions;
using Interop.Tests.Boot;
using Interop.Tests.DeviceTree;
using Interop.Tests.Ours;
using Interop.Tests.Raw;
using ScmiPlatform.Description;
using Xunit;

namespace Interop.Tests;

[Collection(LinuxGuestCollection.Name)]
public sealed partial class LinuxComparisonDomainTests(LinuxGuestFixture fixture)
{
    private LinuxGuestRun Run => fixture.Run;

    public static IEnumerable<object[]> PowerDomains() => DescriptionData.Names(d => d.PowerDomains.Select(p => p.Name));
    public static IEnumerable<object[]> ResetDomains() => DescriptionData.Names(d => d.ResetDomains.Select(r => r.Name));
    public static IEnumerable<object[]> VoltageDomains() => DescriptionData.Names(d => d.VoltageDomains.Select(v => v.Name));
    public static IEnumerable<object[]> PowerCapDomains() => DescriptionData.Names(d => d.PowerCapDomains.Select(p => p.Name));

    [LinuxTheory]
    [MemberData(nameof(PowerDomains))]
    public async Task LinuxGenpdShowsThePowerDomainOffUnlessOurAgentSeesItOnAndLocked(string name)
    {
        OurAgentReport ours = await OurAgent.ReportAsync();
        string state = ours.Row("power", name).Cells[0];
        string? linux = Run.Console.Section("pm_genpd").Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f.Length >= 2 && f[0] == name).Select(f => f[1]).SingleOrDefault();
        Assert.NotNull(linux);
        // genpd_power_off_unused (late_initcall_sync) sends POWER_STATE_SET(off) to every domain no device uses;
        // the platform refuses the locked ones, which genpd then keeps "on". genpd writes off as "off-<state index>".
        bool locked = Run.Description.PowerDomains.Single(p => p.Name == name).Locked;
        Assert.Equal(state == "on" && locked ? "on" : "off-0", linux);
    }

    [LinuxTheory]
    [MemberData(nameof(ResetDomains))]
    public async Task LinuxRawModeAndOurAgentReadTheSameResetDomain(string name)
    {
        OurAgentReport ours = await OurAgent.ReportAsync();
        int id = Run.Description.ResetDomains.ToList().FindIndex(r => r.Name == name);
        // scmi-reset is a reset controller with no sysfs or debugfs of its own: Linux's transport (raw mode) is its view.
        var attributes = new ReplyReader(Run.Raw[$"reset.{id}.domain-attributes"].Payload.ToArray());
        uint flags = attributes.U32(0);
        uint latency = attributes.U32(4);
        // SCMI (DEN0056E) §4.8.2.4: bit 29 "extended name" — the full name comes from RESET_DOMAIN_NAME_GET.
        string linuxName = (flags & 1u << 29) != 0
            ? new ReplyReader(Run.Raw[$"reset.{id}.name-get"].Payload.ToArray()).Name(4, 64)
            : attributes.Name(8);
        AgentRow row = ours.Table("reset").Single(r => r.Id == id);
        Assert.Equal(linuxName, row.Name);
        Assert.Equal(latency == 0xFFFF_FFFF ? "unknown" : $"{latency} us", row.Cells[0]);
        Assert.Equal((flags & 1u << 31) != 0 ? "yes" : "no", row.Cells[1]);
        Assert.Equal((flags & 1u << 30) != 0 ? "yes" : "no", row.Cells[2]);
    }

    [LinuxTheory]
    [MemberData(nameof(VoltageDomains))]
    public async Task LinuxRegulatorAndOurAgentShowTheSameVoltageAndState(string name)
    {
        OurAgentReport ours = await OurAgent.ReportAsync();
        AgentRow row = ours.Row("voltage", name);
        // scmi-regulator names each regulator from the device tree's regulator-name (the fixture writes the SCMI name,
        // characters outside [A-Za-z0-9_.-] as '_') and logs which domain it drives.
        string regulator = ScmiDeviceTreeSource.RegulatorName(Run.Description, row.Id);
        Assert.Contains(Run.Console.KernelLog, l => l.Contains($"Regulator {regulator} registered for domain [{row.Id}]", StringComparison.Ordinal));
        IReadOnlyDictionary<string, string> files = Run.Console.Files("regulator");
        string folder = files.Single(f => f.Key.EndsWith("/name", StringComparison.Ordinal) && f.Value == regulator).Key[..^"/name".Length];
        Assert.Equal(AppText.Voltage(long.Parse(files[folder + "/microvolts"])), row.Cells[0]);
        Assert.Equal(files[folder + "/state"] == "enabled" ? "on" : "off", row.Cells[1]);
    }

    [LinuxTheory]
    [MemberData(nameof(PowerCapDomains))]
    public async Task LinuxRawModeAndOurAgentReadTheSamePowerCapAndPower(string name)
    {
        OurAgentReport ours = await OurAgent.ReportAsync();
        int id = Run.Description.PowerCapDomains.ToList().FindIndex(p => p.Name == name);
        PowerCapDomainDescription domain = Run.Description.PowerCapDomains[id];
        Assert.Equal(PowerCapUnit.Milliwatts, domain.Unit);
        // The guest kernel has no SCMI powercap driver: raw mode, before any probe changes the cap, is Linux's view.
        uint cap = new ReplyReader(Run.Raw[$"powercap.{id}.cap-get"].Payload.ToArray()).U32(0);
        uint power = new ReplyReader(Run.Raw[$"powercap.{id}.measurements-get"].Payload.ToArray()).U32(0);
        AgentRow row = ours.Table("cap").Single(r => r.Id == id);
        Assert.Equal(name, row.Name);
        Assert.Equal(AppText.Power(cap * 1000L), row.Cells[0]);
        Assert.Equal(AppText.Power(power * 1000L), row.Cells[2]);
    }
}
