// Linux's scmi-regulator, SCMI power-domain and perf-domain genpd drivers and scmi-reset against our voltage,
// power, performance and reset protocols: every domain of the description is registered.
using Interop.Tests.Boot;
using Interop.Tests.DeviceTree;
using Xunit;

namespace Interop.Tests;

[Collection(LinuxGuestCollection.Name)]
public sealed class LinuxRegulatorAndPowerDomainTests(LinuxGuestFixture fixture)
{
    private LinuxGuestRun Run => fixture.Run;

    public static IEnumerable<object[]> VoltageDomains() => DescriptionData.Names(d => d.VoltageDomains.Select(v => v.Name));
    public static IEnumerable<object[]> PowerDomains() => DescriptionData.Names(d => d.PowerDomains.Select(p => p.Name));
    public static IEnumerable<object[]> PerformanceDomains() => DescriptionData.Names(d => d.PerformanceDomains.Select(p => p.Name));

    [LinuxTheory]
    [MemberData(nameof(VoltageDomains))]
    public void LinuxRegistersTheVoltageDomainAsARegulatorWithItsLevel(string domainName)
    {
        int id = Run.Description.VoltageDomains.ToList().FindIndex(v => v.Name == domainName);
        var domain = Run.Description.VoltageDomains[id];
        IReadOnlyDictionary<string, string> files = Run.Console.Files("regulator");
        string name = ScmiDeviceTreeSource.RegulatorName(Run.Description, id);
        string? nameFile = files.FirstOrDefault(f => f.Key.EndsWith("/name") && f.Value == name).Key;
        Assert.True(nameFile is not null, $"no regulator named '{name}':\n" + string.Join('\n', Run.Console.Section("regulator")));
        string folder = nameFile[..^"/name".Length];
        int initial = domain.InitialLevel ?? domain.Levels?[0] ?? domain.Range!.Minimum;
        Assert.True(files.TryGetValue(folder + "/microvolts", out string? microvolts), $"{folder}/microvolts missing");
        Assert.Equal(initial.ToString(), microvolts);
    }

    [LinuxTheory]
    [MemberData(nameof(PowerDomains))]
    public void LinuxRegistersThePowerDomainWithGenpd(string name)
    {
        IReadOnlyList<string> summary = Run.Console.Section("pm_genpd");
        Assert.True(summary.Any(line => FirstWord(line) == name), $"power domain '{name}' is not in pm_genpd_summary:\n" + string.Join('\n', summary));
    }

    [LinuxTheory]
    [MemberData(nameof(PerformanceDomains))]
    public void LinuxRegistersThePerformanceDomainWithGenpd(string name)
    {
        IReadOnlyList<string> summary = Run.Console.Section("pm_genpd");
        // scmi_perf_domain sets GENPD_FLAG_DEV_NAME_FW: genpd appends "_<unique id>" to the firmware's name.
        Assert.True(summary.Any(line => FirstWord(line) is { } shown && shown.StartsWith(name + "_", StringComparison.Ordinal)
                && shown[(name.Length + 1)..].All(char.IsAsciiDigit)),
            $"performance domain '{name}' is not in pm_genpd_summary:\n" + string.Join('\n', summary));
    }

    [LinuxFact]
    public void LinuxRegistersTheResetDomains()
    {
        Assert.NotEmpty(Run.Description.ResetDomains);
        var devices = Run.Console.Section("scmi-devices").Select(ScmiDevice.Parse).OfType<ScmiDevice>();
        Assert.Contains(devices, d => d.Protocol == Raw.ProtocolNumber.ResetDomain && d.Driver == "scmi-reset");
    }

    private static string? FirstWord(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
}
