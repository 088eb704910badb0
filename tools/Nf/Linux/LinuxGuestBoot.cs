// One boot of the Linux guest against a fresh SCMI platform daemon: the QEMU machine (the board's launch profile,
// modern virtio-mmio, the vhost-user-scmi device), its device tree, the daemon's start and stop.
using Nf.Processes;
using Nf.Qemu;
using Nf.Results;

namespace Nf.Linux;

/// <summary>How a guest boot ended: QEMU's outcome and what the daemon did meanwhile.</summary>
/// <param name="DaemonAliveAfterBoot">The daemon was still running when the guest powered off.</param>
/// <param name="DaemonExitCode">Exit code after SIGTERM; null when it had to be killed.</param>
public sealed record LinuxGuestOutcome(ImageRunOutcome Qemu, bool DaemonAliveAfterBoot, int? DaemonExitCode, IReadOnlyList<string> DaemonLines);

/// <summary>A prepared boot: kernel, this boot's initramfs and device tree; <see cref="RunAsync"/> boots it.</summary>
public sealed class LinuxGuestBoot
{
    /// <summary>
    /// Kernel command line: PL011 console, our /init, reboot (so QEMU exits, -no-reboot) on panic, and
    /// regulator_ignore_unused: Linux switches off regulators no consumer claimed 30 s after boot
    /// (regulator core, late cleanup), so on a slow machine later probes would see voltage domains the
    /// kernel turned off rather than the platform's own state.
    /// </summary>
    public const string CommandLine = "console=ttyAMA0 rdinit=/init panic=1 regulator_ignore_unused";

    /// <summary>The guest's memory: the kernel, the initramfs unpacked, busybox; the board's default is for firmware.</summary>
    public const string Ram = "512M";

    private readonly LaunchProfile _profile;
    private readonly GuestImages _images;
    private readonly string _initramfs;
    private readonly string _dtb;

    private LinuxGuestBoot(LaunchProfile profile, GuestImages images, string initramfs, string dtb)
    {
        _profile = profile;
        _images = images;
        _initramfs = initramfs;
        _dtb = dtb;
    }

    /// <summary>
    /// Writes guest.dts/guest.dtb into <paramref name="folder"/>: QEMU's own device tree for this machine plus
    /// <paramref name="scmiSource"/> (the SCMI node); <paramref name="initramfs"/> is the archive this boot unpacks.
    /// </summary>
    public static async Task<LinuxGuestBoot> PrepareAsync(LaunchProfile profile, GuestImages images, string initramfs, string scmiSource,
        string folder)
    {
        string dtb = Path.Combine(folder, "guest.dtb");
        var boot = new LinuxGuestBoot(profile, images, initramfs, dtb);
        await GuestDeviceTree.BuildAsync(profile, boot.Machine(null), scmiSource, folder);
        return boot;
    }

    /// <summary>The QEMU request: the SCMI device on <paramref name="socket"/> (null: none, for the device tree dump).</summary>
    public LaunchRequest Machine(string? socket) => new(_images.Kernel)
    {
        Devices = ["scmi"],
        Modern = true,
        Socket = socket,
        Ram = Ram,
        Extra = ["-dtb", _dtb, "-initrd", _initramfs, "-append", CommandLine],
    };

    /// <summary>
    /// Starts <paramref name="daemonDll"/> with <paramref name="daemonArguments"/> on a fresh socket, boots the guest
    /// against it under <paramref name="timeLimit"/> with every console line handed to <paramref name="onLine"/>, then
    /// stops the daemon (SIGTERM, 10 s).
    /// </summary>
    public async Task<LinuxGuestOutcome> RunAsync(string daemonDll, IReadOnlyList<string> daemonArguments, TimeSpan timeLimit,
        Action<string> onLine, CancellationToken cancel = default)
    {
        await using PlatformDaemon daemon = await PlatformDaemon.StartAsync(daemonDll, daemonArguments, TimeSpan.FromSeconds(60), cancel: cancel);
        ImageRunOutcome outcome = await QemuProcess.RunAsync(_profile.Binary, _profile.Arguments(Machine(daemon.SocketPath)), timeLimit, onLine, cancel);
        bool alive = !daemon.HasExited;
        int? exitCode = await daemon.StopAsync(TimeSpan.FromSeconds(10));
        return new LinuxGuestOutcome(outcome, alive, exitCode, daemon.Lines);
    }
}
