// What the host hands the guest, checked with the same tools the kernel and QEMU side use (cpio, dtc).
using System.Diagnostics;
using Interop.Tests.DeviceTree;
using Interop.Tests.Guest;
using Nf.Linux;
using ScmiPlatform.Description;
using Xunit;

namespace Interop.Tests;

public sealed class LinuxGuestInputTests
{
    [Fact]
    public void LinuxInitramfsOverlayListsItsFilesToCpio()
    {
        var archive = new NewcArchive();
        archive.AddDirectory("nf");
        archive.AddFile("nf/writes", "x y\n"u8);
        archive.AddFile("nf/odd-length", [1, 2, 3]);
        byte[] bytes = archive.Finish();
        Assert.Equal(0, bytes.Length % 4);
        (int exitCode, string listing) = Run("cpio", ["-it", "--quiet"], bytes);
        Assert.Equal(0, exitCode);
        Assert.Equal(["nf", "nf/writes", "nf/odd-length"], listing.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void LinuxInitramfsOverlayStartsOnAFourByteBoundary()
    {
        string folder = Directory.CreateTempSubdirectory("nf-initramfs-").FullName;
        try
        {
            string baseArchive = Path.Combine(folder, "base.cpio.gz"), combined = Path.Combine(folder, "combined.cpio");
            File.WriteAllBytes(baseArchive, [0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 3, 1]); // 11 bytes: an unaligned end
            var requests = new GuestRequests();
            requests.AddRaw("base.version", [0, 0, 0x40, 0]);
            requests.WriteInitramfs(baseArchive, combined);
            byte[] bytes = File.ReadAllBytes(combined);
            // initramfs.c: an uncompressed archive is recognised only at a 4-byte aligned "0707..." magic.
            Assert.Equal("070701"u8.ToArray(), bytes[12..18]);
            Assert.Equal(new byte[] { 0 }, bytes[11..12]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void LinuxDeviceTreeNodeCompilesWithAProtocolNodePerOfferedProtocol()
    {
        PlatformDescription description = PlatformDescriptionLoader.LoadFile(LinuxGuestFixture.PlatformFile);
        string source = "/dts-v1/;\n/ { #address-cells = <2>; #size-cells = <2>; cpus { #address-cells = <1>; #size-cells = <0>; cpu@0 { reg = <0>; }; }; };\n"
            + ScmiDeviceTreeSource.For(description);
        (int compiled, string dtb) = Run("bash", ["-c", "dtc -q -I dts -O dtb | dtc -q -I dtb -O dts"], System.Text.Encoding.ASCII.GetBytes(source));
        Assert.Equal(0, compiled);
        Assert.Contains("compatible = \"arm,scmi-virtio\";", dtb);
        foreach (byte protocol in Raw.OfferedProtocols.Of(description).Where(p => p != Raw.ProtocolNumber.SystemPower))
            Assert.Contains($"protocol@{protocol:x}", dtb);
        Assert.Contains("regulator@0", dtb);
        Assert.Contains("clocks = <", dtb);
    }

    private static (int ExitCode, string Output) Run(string binary, string[] arguments, byte[] input)
    {
        var info = new ProcessStartInfo(binary) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments)
            info.ArgumentList.Add(argument);
        using Process process = Process.Start(info)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        process.StandardInput.BaseStream.Write(input);
        process.StandardInput.Close();
        process.WaitForExit();
        return (process.ExitCode, output.Result);
    }
}
