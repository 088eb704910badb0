// Linux's scmi-regulator, SCMI power-domain and perf-domain genpd drivers against our voltage, power and
// performance protocols: every domain of the description is registered.
using Interop.Tests.Boot;
using Interop.Tests.DeviceTree;
using Xunit;

namespace Interop.Tests;

[Collection(LinuxGuestCollection.Name)]
public sealed class LinuxRegulatorAndPowerDomainTests(LinuxGuestFixture fixture)
{
    private LinuxGuestRun Run => fixture.Run;

    [LinuxFact]
    public void LinuxRegistersEveryVoltageDomainAsARegulatorWithItsLevel()
    {
        Assert.NotEmpty(Run.Description.VoltageDomains);
        IReadOnlyDictionary<string, string> files = Run.Console.Files("regulator");
        for (int id = 0; id < Run.Description.VoltageDomains.Count; id++)
        {
            var domain = Run.Description.VoltageDomains[id];
            string name = ScmiDeviceTreeSource.RegulatorName(Run.Description, id);
            string? nameFile = files.FirstOrDefault(f => f.Key.EndsWith("/name") && f.Value == name).Key;
            Assert.True(nameFile is not null, $"no regulator named '{name}':\n" + string.Join('\n', Run.Console.Section("regulator")));
            string folder = nameFile[..^"/name".Length];
            int initial = domain.InitialLevel ?? domain.Levels?[0] ?? domain.Range!.Minimum;
            Assert.True(files.TryGetValue(folder + "/microvolts", out string? microvolts), $"{folder}/microvolts missing");
            Assert.Equal(initial.ToString(), microvolts);
        }
    }

    [LinuxFact]
    public void LinuxRegistersEveryPowerDomainWithGenpd()
    {
        Assert.NotEmpty(Run.Description.PowerDomains);
        IReadOnlyList<string> summary = Run.Console.Section("pm_genpd");
        foreach (var domain in Run.Description.PowerDomains)
            Assert.True(summary.Any(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() == domain.Name),
                $"power domain '{domain.Name}' is not in pm_genpd_summary:\n" + string.Join('\n', summary));
    }

    [LinuxFact]
    public void LinuxRegistersEveryPerformanceDomainWithGenpd()
    {
        Assert.NotEmpty(Run.Description.PerformanceDomains);
        IReadOnlyList<string> summary = Run.Console.Section("pm_genpd");
        // scmi_perf_domain sets GENPD_FLAG_DEV_NAME_FW: genpd appends "_<unique id>" to the firmware's name.
        foreach (var domain in Run.Description.PerformanceDomains)
            Assert.True(summary.Any(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() is { } shown
                    && shown.StartsWith(domain.Name + "_", StringComparison.Ordinal) && shown[(domain.Name.Length + 1)..].All(char.IsAsciiDigit)),
                $"performance domain '{domain.Name}' is not in pm_genpd_summary:\n" + string.Join('\n', summary));
    }

    [LinuxFact]
    public void LinuxRegistersTheResetDomains()
    {
        Assert.NotEmpty(Run.Description.ResetDomains);
        var devices = Run.Console.Section("scmi-devices").Select(ScmiDevice.Parse).OfType<ScmiDevice>();
        Assert.Contains(devices, d => d.Protocol == Raw.ProtocolNumber.ResetDomain && d.Driver == "scmi-reset");
    }
}
