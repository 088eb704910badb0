// The keys of boards/qemu-virt/qemu.json "devices" the runner gives host resources to (a manifest's "devices").
namespace Nf.Qemu;

public static class DeviceKeys
{
    /// <summary>virtio-rng: needs nothing from the host.</summary>
    public const string Rng = "rng";
    /// <summary>virtio-blk on a scratch disk the runner makes for the boot.</summary>
    public const string Blk = "blk";
    /// <summary>vhost-user-scmi: an SCMI platform daemon listening on its own socket.</summary>
    public const string Scmi = "scmi";
    /// <summary>A second vhost-user-scmi device with a second daemon, for suites checking that only one SCMI device is driven.</summary>
    public const string Scmi2 = "scmi2";

    /// <summary>Devices each backed by an SCMI platform daemon; qemu.json names its socket {socket:KEY}.</summary>
    public static readonly IReadOnlyList<string> ScmiDevices = [Scmi, Scmi2];

    public static bool NeedsPlatformDaemon(string device) => ScmiDevices.Contains(device);
}
