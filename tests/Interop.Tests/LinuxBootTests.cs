// Linux finds our platform: the transport, the banner, the protocols, a driver bound to each.
using System.Text.RegularExpressions;
using Interop.Tests.Boot;
using Interop.Tests.Raw;
using Nf.Linux;
using Xunit;

namespace Interop.Tests;

[Collection(LinuxGuestCollection.Name)]
public sealed partial class LinuxBootTests(LinuxGuestFixture fixture)
{
    private LinuxGuestRun Run => fixture.Run;

    [LinuxFact]
    public void LinuxGuestBootsRunsInitAndPowersOff()
    {
        Assert.True(Run.Console.Finished, "the guest's /init did not finish; last console lines:\n" + string.Join('\n', Run.Console.Lines.TakeLast(30)));
        Assert.False(Run.Qemu.TimedOut, $"QEMU was stopped at its {Run.Qemu.TimeLimit.TotalSeconds:0} s limit");
        Assert.Equal(0, Run.Qemu.ExitCode);
    }

    [LinuxFact]
    public void LinuxGuestKernelHonoursEveryLineOfTheConfigFragment()
    {
        // build-guest.sh leaves the final .config next to the Image and refuses to cache a kernel that
        // drops a line; this checks the kernel actually booted was built that way.
        string config = Path.Combine(Path.GetDirectoryName(Run.Images.Kernel)!, "config");
        HashSet<string> built = File.ReadAllLines(config).ToHashSet(StringComparer.Ordinal);
        var wanted = File.ReadAllLines(Path.Combine(GuestScript.GuestFolder, "kernel.config")).Where(l => l.StartsWith("CONFIG_")).ToList();
        Assert.NotEmpty(wanted);
        Assert.Empty(wanted.Except(built, StringComparer.Ordinal));
    }

    [LinuxFact]
    public void LinuxUsesTheVirtioTransport()
    {
        Assert.Contains(Run.Console.KernelLog, line => line.Contains("Using scmi_virtio_transport"));
        Assert.DoesNotContain(Run.Console.KernelLog, line => line.Contains("does not comply with spec version 1.x"));
    }

    [LinuxFact]
    public void LinuxBannerNamesTheDescriptionsVendorAndVersions()
    {
        Match banner = Run.Console.KernelLog.Select(line => Banner().Match(line)).FirstOrDefault(m => m.Success)
            ?? throw new Xunit.Sdk.XunitException("no SCMI banner in the kernel log:\n" + string.Join('\n', ScmiLines()));
        Assert.Equal(Run.Description.Vendor, banner.Groups["vendor"].Value);
        Assert.Equal(Run.Description.SubVendor, banner.Groups["sub"].Value);
        Assert.Equal(Run.Description.ImplementationVersion, Convert.ToUInt32(banner.Groups["firmware"].Value, 16));
        // The protocol version Linux prints is the one PROTOCOL_VERSION returns to a raw request.
        RawExchange version = Run.Raw["base.version"];
        Assert.NotNull(version.Reply);
        uint raw = BitConverter.ToUInt32(version.Reply, 8);
        Assert.Equal($"{raw >> 16}.{raw & 0xFFFF}", $"{banner.Groups["major"].Value}.{banner.Groups["minor"].Value}");
    }

    [LinuxFact]
    public void LinuxFindsEveryOfferedProtocolImplemented()
    {
        Assert.DoesNotContain(Run.Console.KernelLog, line => line.Contains("not implemented") && line.Contains("SCMI protocol"));
    }

    [LinuxFact]
    public void LinuxReportsNoCommunicationErrors()
    {
        string[] symptoms = ["timed out", "unable to communicate", "failed", "error", "malformed", "invalid", "unexpected", "-EPROTO"];
        var bad = ScmiLines().Where(line => symptoms.Any(s => line.Contains(s, StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.True(bad.Count == 0, "SCMI errors in the kernel log:\n" + string.Join('\n', bad));
    }

    [LinuxFact]
    public void LinuxBindsADriverToEveryOfferedProtocol()
    {
        var devices = Run.Console.Section("scmi-devices").Select(ScmiDevice.Parse).OfType<ScmiDevice>().ToList();
        // Protocols with a consumer driver in the guest kernel (guest/kernel.config); power capping has none there.
        byte[] withDriver = [ProtocolNumber.PowerDomain, ProtocolNumber.Performance, ProtocolNumber.Clock, ProtocolNumber.Sensor,
            ProtocolNumber.ResetDomain, ProtocolNumber.VoltageDomain];
        foreach (byte protocol in OfferedProtocols.Of(Run.Description).Intersect(withDriver))
        {
            Assert.True(devices.Any(d => d.Protocol == protocol && d.Driver != "none"),
                $"no driver bound for protocol 0x{protocol:x2}; devices:\n" + string.Join('\n', Run.Console.Section("scmi-devices")));
        }
    }

    private IEnumerable<string> ScmiLines() =>
        Run.Console.KernelLog.Where(line => line.Contains("scmi", StringComparison.OrdinalIgnoreCase));

    // drivers/firmware/arm_scmi/base.c: "SCMI Protocol v%d.%d '%s:%s' Firmware version 0x%x"
    [GeneratedRegex(@"SCMI Protocol v(?<major>\d+)\.(?<minor>\d+) '(?<vendor>[^:']*):(?<sub>[^']*)' Firmware version 0x(?<firmware>[0-9a-fA-F]+)")]
    private static partial Regex Banner();
}
