// Linux's agent and ours against the same platform description: identity, protocol list and every protocol's version.
using System.Globalization;
using Interop.Tests.Boot;
using Interop.Tests.Ours;
using Interop.Tests.Raw;
using Xunit;

namespace Interop.Tests;

[Collection(LinuxGuestCollection.Name)]
public sealed class LinuxComparisonBaseTests(LinuxGuestFixture fixture)
{
    private LinuxGuestRun Run => fixture.Run;

    [LinuxFact]
    public async Task LinuxAndOurAgentReportTheSameVendorsAndFirmwareVersion()
    {
        OurAgentReport ours = await OurAgent.ReportAsync();
        IReadOnlyDictionary<string, string> linux = Run.Console.Files("scmi-devices");
        string Sysfs(string file) => linux.Single(f => f.Key.EndsWith("/" + file, StringComparison.Ordinal)).Value;
        Assert.Equal(Sysfs("vendor_id"), ours.Info("vendor"));
        Assert.Equal(Sysfs("sub_vendor_id"), ours.Info("sub-vendor"));
        // Linux prints the implementation version as bare hex ("0x10000"); ours as major.minor and the word ("1.0 (0x00010000)").
        string implementation = ours.Info("implementation");
        uint oursWord = uint.Parse(implementation[(implementation.IndexOf("(0x", StringComparison.Ordinal) + 3)..^1], NumberStyles.HexNumber);
        Assert.Equal(Convert.ToUInt32(Sysfs("firmware_version"), 16), oursWord);
        Assert.Equal($"{oursWord >> 16}.{oursWord & 0xFFFF}", implementation.Split(' ')[0]);
        Assert.Equal(Sysfs("protocol_version"), ours.Protocols()[0x10].Version);
    }

    [LinuxFact]
    public async Task LinuxAndOurAgentSeeTheSameAgentsAndProtocols()
    {
        OurAgentReport ours = await OurAgent.ReportAsync();
        // Linux keeps BASE_PROTOCOL_ATTRIBUTES and the protocol list to itself: raw mode shows what it received.
        ReadOnlySpan<byte> attributes = Run.Raw["base.attributes"].Payload;
        Assert.Equal(attributes[1].ToString(CultureInfo.InvariantCulture), ours.Info("agents"));
        var list = new ReplyReader(Run.Raw["base.discover-list-protocols"].Payload.ToArray());
        byte[] linuxProtocols = list.Bytes.AsSpan(4, (int)list.U32(0)).ToArray();
        Assert.Equal(attributes[0].ToString(CultureInfo.InvariantCulture) + " besides Base", ours.Info("protocols"));
        Assert.Equal(linuxProtocols.Order(), ours.Protocols().Keys.Where(id => id != 0x10).Order());
    }

    /// <summary>Raw probe prefixes (Raw/*Probes.cs) and protocol ids of the protocols besides Base.</summary>
    public static TheoryData<string, byte> Protocols() => new()
    {
        { "power", 0x11 }, { "system", 0x12 }, { "perf", 0x13 }, { "clock", 0x14 },
        { "sensor", 0x15 }, { "reset", 0x16 }, { "voltage", 0x17 }, { "powercap", 0x18 },
    };

    [LinuxTheory]
    [MemberData(nameof(Protocols))]
    public async Task LinuxAndOurAgentReadTheSameProtocolVersion(string probe, byte protocol)
    {
        OurAgentReport ours = await OurAgent.ReportAsync();
        // Linux logs only Base's version; PROTOCOL_VERSION through raw mode is its transport's answer.
        uint version = new ReplyReader(Run.Raw[probe + ".version"].Payload.ToArray()).U32(0);
        Assert.Equal($"{version >> 16}.{version & 0xFFFF}", ours.Protocols()[protocol].Version);
    }
}
