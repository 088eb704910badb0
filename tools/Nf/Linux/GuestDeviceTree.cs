// The device tree the guest boots with: QEMU's own for the same machine options, plus our SCMI node.
using System.Diagnostics;
using Nf.Qemu;

namespace Nf.Linux;

/// <summary>Dumps QEMU's DTB, decompiles it with dtc, appends the SCMI source and compiles the result.</summary>
public static class GuestDeviceTree
{
    /// <summary>Writes `guest.dts` and `guest.dtb` into <paramref name="folder"/>; returns the DTB path.</summary>
    /// <param name="machine">The launch request of the real boot; its devices are left out of the dump
    /// (the DTB lists all 32 virtio-mmio slots whatever is plugged, and the vhost-user device would need
    /// a listening backend).</param>
    public static async Task<string> BuildAsync(LaunchProfile profile, LaunchRequest machine, string scmiSource, string folder)
    {
        string qemuDtb = Path.Combine(folder, "qemu-virt.dtb");
        string qemuDts = Path.Combine(folder, "qemu-virt.dts");
        string guestDts = Path.Combine(folder, "guest.dts");
        string guestDtb = Path.Combine(folder, "guest.dtb");

        var dump = machine with { Devices = [], Socket = null, Extra = ["-machine", "dumpdtb=" + qemuDtb] };
        await RunAsync(profile.Binary, profile.Arguments(dump));
        if (!File.Exists(qemuDtb))
            throw new InvalidOperationException($"QEMU did not dump its device tree to {qemuDtb}");
        await RunAsync("dtc", ["-q", "-I", "dtb", "-O", "dts", "-o", qemuDts, qemuDtb]);
        await File.WriteAllTextAsync(guestDts, await File.ReadAllTextAsync(qemuDts) + "\n" + scmiSource);
        await RunAsync("dtc", ["-q", "-I", "dts", "-O", "dtb", "-o", guestDtb, guestDts]);
        return guestDtb;
    }

    private static async Task RunAsync(string binary, IReadOnlyList<string> arguments)
    {
        var info = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (string argument in arguments)
            info.ArgumentList.Add(argument);
        using Process process = Process.Start(info) ?? throw new InvalidOperationException("cannot start " + binary);
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> errors = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(deadline.Token);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{binary} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await errors}{await output}");
    }
}
