// Composes the QEMU command line from boards/<board>/qemu.json, the only file that knows it.
using System.Text.Json;
using Nf.Images;

namespace Nf.Qemu;

/// <summary>What one QEMU run needs; the profile turns it into arguments.</summary>
public sealed record LaunchRequest(string Image)
{
    /// <summary>Device keys from the profile's "devices" table (rng, blk, scmi...).</summary>
    public IReadOnlyList<string> Devices { get; init; } = [];
    /// <summary>Modern (version 2) virtio-mmio registers instead of QEMU's legacy default.</summary>
    public bool Modern { get; init; }
    /// <summary>Deterministic instruction counting for benchmarks.</summary>
    public bool Icount { get; init; }
    /// <summary>vhost-user socket path for the scmi device (shorthand for Sockets["scmi"]).</summary>
    public string? Socket { get; init; }
    /// <summary>vhost-user socket path per device key, for {socket:KEY}.</summary>
    public IReadOnlyDictionary<string, string> Sockets { get; init; } = new Dictionary<string, string>();
    /// <summary>The platform profile's name, passed to the firmware as "nf.profile=NAME" in /chosen/bootargs.</summary>
    public string? Profile { get; init; }
    /// <summary>Scratch file for block devices.</summary>
    public string? Scratch { get; init; }
    /// <summary>Guest CPUs (-smp), 1..8; more than one adds the profile's "multiCore" arguments (MTTCG).</summary>
    public int Cpus { get; init; } = 1;
    /// <summary>Overrides the profile's guest RAM size.</summary>
    public string? Ram { get; init; }
    /// <summary>How the image gets onto the board: -kernel (default), flash bank 0, or the GICv3 machine.</summary>
    public BoardVariant Board { get; init; }
    /// <summary>The flash bank 0 image (flash.img) for the flash variant.</summary>
    public string? Flash { get; init; }
    /// <summary>Appended verbatim (for example -dtb, -initrd, -append for a Linux guest).</summary>
    public IReadOnlyList<string> Extra { get; init; } = [];
}

/// <summary>The board's QEMU launch profile.</summary>
public sealed partial class LaunchProfile
{
    // {socket:KEY}: the vhost-user socket of device KEY.
    [System.Text.RegularExpressions.GeneratedRegex(@"\{socket:(?<device>[A-Za-z0-9_-]+)\}")]
    private static partial System.Text.RegularExpressions.Regex SocketPlaceholder();

    /// <summary>CPUs the images have stacks for (boards/qemu-virt/board-map.h MaxCpus).</summary>
    public const int MaximumCpus = 8;

    private readonly JsonElement _root;

    private LaunchProfile(JsonElement root) => _root = root;

    public string Binary => _root.GetProperty("binary").GetString()!;

    /// <summary>Loads boards/{board}/qemu.json below the repository root.</summary>
    public static LaunchProfile Load(string repoRoot, string board = "qemu-virt")
    {
        string path = Path.Combine(repoRoot, "boards", board, "qemu.json");
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(path));
        return new LaunchProfile(doc.RootElement.Clone());
    }

    /// <summary>Finds the repository root (the folder holding nf.sln) from a starting folder upwards.</summary>
    public static string FindRepoRoot(string? start = null)
    {
        DirectoryInfo? dir = new(start ?? AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "nf.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("nf.sln not found above " + (start ?? AppContext.BaseDirectory));
    }

    /// <summary>The full argument list (without the binary) for one run.</summary>
    public IReadOnlyList<string> Arguments(LaunchRequest request)
    {
        string ram = request.Ram ?? _root.GetProperty("ram").GetString()!;
        if (request.Cpus is < 1 or > MaximumCpus)
            throw new ArgumentException($"{request.Cpus} CPUs: the board takes 1..{MaximumCpus}");
        var args = new List<string>();
        Add(args, _root.GetProperty("base"), request, ram);
        JsonElement boot = _root.GetProperty("boot");
        if (!boot.TryGetProperty(request.Board.Name(), out JsonElement bootArgs))
            throw new ArgumentException($"board variant '{request.Board.Name()}' is not in the launch profile's boot table");
        Add(args, bootArgs, request, ram);
        if (request.Cpus > 1)
            Add(args, _root.GetProperty("multiCore"), request, ram);
        JsonElement devices = _root.GetProperty("devices");
        var shared = _root.GetProperty("needsSharedMemory").EnumerateArray().Select(e => e.GetString()).ToHashSet();
        if (request.Devices.Any(shared.Contains))
            Add(args, _root.GetProperty("sharedMemory"), request, ram);
        if (request.Modern)
            Add(args, _root.GetProperty("modern"), request, ram);
        if (request.Icount)
            Add(args, _root.GetProperty("icount"), request, ram);
        if (request.Profile is not null)
        {
            if (request.Board == BoardVariant.Flash)
                Add(args, _root.GetProperty("flashProfile"), request, ram);
            Add(args, _root.GetProperty("profile"), request, ram);
        }
        foreach (string device in request.Devices)
        {
            if (!devices.TryGetProperty(device, out JsonElement deviceArgs))
                throw new ArgumentException($"device '{device}' is not in the launch profile; known: {string.Join(", ", devices.EnumerateObject().Select(p => p.Name))}");
            Add(args, deviceArgs, request, ram);
        }
        args.AddRange(request.Extra);
        return args;
    }

    private static void Add(List<string> args, JsonElement list, LaunchRequest request, string ram)
    {
        foreach (JsonElement item in list.EnumerateArray())
        {
            string arg = item.GetString()!
                .Replace("{image}", request.Image)
                .Replace("{ram}", ram)
                .Replace("{cpus}", request.Cpus.ToString(System.Globalization.CultureInfo.InvariantCulture));
            foreach (System.Text.RegularExpressions.Match socket in SocketPlaceholder().Matches(arg))
            {
                string device = socket.Groups["device"].Value;
                string? path = request.Sockets.GetValueOrDefault(device) ?? (device == DeviceKeys.Scmi ? request.Socket : null);
                arg = arg.Replace(socket.Value, path ?? throw new ArgumentException($"the {device} device needs a socket path"));
            }
            if (arg.Contains("{profile}"))
                arg = arg.Replace("{profile}", request.Profile ?? throw new ArgumentException("the profile arguments need a profile name"));
            if (arg.Contains("{flash}"))
                arg = arg.Replace("{flash}", request.Flash ?? throw new ArgumentException("the flash board variant needs a flash image"));
            if (arg.Contains("{scratch}"))
                arg = arg.Replace("{scratch}", request.Scratch ?? throw new ArgumentException("the blk device needs a scratch file"));
            args.Add(arg);
        }
    }
}
