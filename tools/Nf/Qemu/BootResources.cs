// The host side of one boot, owned in one place: an SCMI platform daemon per SCMI device (started with the
// boot's profile arguments, listening before QEMU starts) and a scratch disk for a block device. Disposing
// stops the daemons and removes the disk.
using Nf.Processes;

namespace Nf.Qemu;

public sealed class BootResources : IAsyncDisposable
{
    /// <summary>The scratch disk a "blk" device gets: small, zero-filled, thrown away after the boot.</summary>
    public const long ScratchBytes = 1 << 20;

    private readonly List<(string Device, PlatformDaemon Daemon)> _daemons = [];

    private BootResources()
    {
    }

    /// <summary>The scratch disk, when a device asked for one.</summary>
    public string? Scratch { get; private set; }

    /// <summary>The socket each daemon-backed device connects to.</summary>
    public IReadOnlyDictionary<string, string> Sockets => _daemons.ToDictionary(d => d.Device, d => d.Daemon.SocketPath);

    /// <summary>The last lines the daemons printed, each prefixed with its device (for reports when a boot goes wrong).</summary>
    public string DaemonOutputTail(int lines = 3) =>
        string.Join(" | ", _daemons.SelectMany(d => d.Daemon.Lines.Where(l => l.Trim().Length > 0)
            .TakeLast(lines).Select(l => (_daemons.Count > 1 ? d.Device + ": " : "") + l.Trim())));

    /// <summary>True when some daemon printed anything at all.</summary>
    public bool DaemonsPrinted => _daemons.Any(d => d.Daemon.Lines.Count > 0);

    /// <summary>
    /// Sets up what <paramref name="devices"/> need: one daemon per SCMI device started as
    /// `scmi-platform --socket-path FRESH <paramref name="daemonArguments"/>`, a scratch disk for blk.
    /// Throws InvalidOperationException (with what a daemon printed) when a daemon cannot start; whatever
    /// was set up by then is released first.
    /// </summary>
    public static async Task<BootResources> StartAsync(IReadOnlyList<string> devices, string daemonDll, IReadOnlyList<string> daemonArguments,
        TimeSpan readyWithin, CancellationToken cancel = default)
    {
        var resources = new BootResources();
        try
        {
            foreach (string device in devices.Where(DeviceKeys.NeedsPlatformDaemon).Distinct())
                resources._daemons.Add((device, await PlatformDaemon.StartAsync(daemonDll, daemonArguments, readyWithin, cancel: cancel)));
            if (devices.Contains(DeviceKeys.Blk))
            {
                resources.Scratch = Path.GetTempFileName();
                await using FileStream file = File.OpenWrite(resources.Scratch);
                file.SetLength(ScratchBytes);
            }
            return resources;
        }
        catch
        {
            await resources.DisposeAsync();
            throw;
        }
    }

    /// <summary><paramref name="request"/> with this boot's sockets and scratch disk filled in.</summary>
    public LaunchRequest Apply(LaunchRequest request) => request with { Sockets = Sockets, Scratch = Scratch };

    public async ValueTask DisposeAsync()
    {
        foreach ((_, PlatformDaemon daemon) in _daemons)
            await daemon.DisposeAsync();
        _daemons.Clear();
        if (Scratch is not null)
            File.Delete(Scratch);
        Scratch = null;
    }
}
