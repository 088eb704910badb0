// The nf-image.json manifest a firmware build leaves next to image.elf (docs/conventions.md §1).
using System.Text.Json;

namespace Nf.Images;

/// <summary>What the runner must know to boot one image and judge its run.</summary>
public sealed record ImageManifest
{
    /// <summary>The file name every firmware build writes into its output folder.</summary>
    public const string FileName = "nf-image.json";

    public required string Name { get; init; }
    public required ImageKind Kind { get; init; }
    /// <summary>Keys of the launch profile's "devices" table.</summary>
    public IReadOnlyList<string> Devices { get; init; } = [];
    /// <summary>Virtio-mmio register layouts to run under, each a separate boot.</summary>
    public IReadOnlyList<VirtioMode> Modes { get; init; } = [VirtioMode.Legacy];
    /// <summary>How the image is put on the board, each a separate boot per mode and profile (kernel when absent).</summary>
    public IReadOnlyList<BoardVariant> BoardVariants { get; init; } = [BoardVariant.Kernel];
    /// <summary>The exit code a passing run ends with (0 unless the image is meant to die).</summary>
    public int ExpectExit { get; init; }
    /// <summary>Text a passing run must print, for images that are meant to die.</summary>
    public string? ExpectOutput { get; init; }
    public int TimeoutSeconds { get; init; } = 60;
    /// <summary>Guest CPUs to boot with (QEMU -smp, multi-threaded TCG above 1); 1..8, default 1.</summary>
    public int Cpus { get; init; } = 1;
    /// <summary>SCMI platform profiles to boot under, each a separate boot per mode; empty: one boot with the daemon's defaults.</summary>
    public IReadOnlyList<PlatformProfile> PlatformProfiles { get; init; } = [];
    /// <summary>The folder holding the manifest, image.elf and the IL assembly.</summary>
    public string Directory { get; init; } = "";

    public string ImagePath => Path.Combine(Directory, "image.elf");

    /// <summary>The flash bank 0 image every build leaves beside image.elf (the flash board variant boots it).</summary>
    public string FlashImagePath => Path.Combine(Directory, "flash.img");

    /// <summary>The ELF image a board variant loads: gicv3/image.elf for GICv3, image.elf otherwise.</summary>
    public string ImagePathFor(BoardVariant board) =>
        board == BoardVariant.GicV3 ? Path.Combine(Directory, "gicv3", "image.elf") : ImagePath;

    /// <summary>The file a board variant boots from: flash.img for flash, its ELF image otherwise.</summary>
    public string BootFileFor(BoardVariant board) => board == BoardVariant.Flash ? FlashImagePath : ImagePathFor(board);

    /// <summary>True for images judged by exit code and output instead of test lines.</summary>
    public bool ExpectsDeath => ExpectExit != 0 || ExpectOutput is not null;

    public static ImageManifest Read(string path)
    {
        string text = File.ReadAllText(path);
        return Parse(text, Path.GetDirectoryName(Path.GetFullPath(path))!, path);
    }

    /// <summary>Parses manifest text; <paramref name="origin"/> names it in error messages.</summary>
    public static ImageManifest Parse(string json, string directory, string origin = ImageManifest.FileName)
    {
        JsonElement root;
        try
        {
            using JsonDocument doc = JsonDocument.Parse(json);
            root = doc.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{origin}: not JSON: {e.Message}");
        }
        if (root.ValueKind != JsonValueKind.Object)
            throw new InvalidDataException($"{origin}: expected an object");

        string name = RequiredString(root, "name", origin);
        if (name.Length == 0 || name.Contains(',') || name.Contains('\n'))
            throw new InvalidDataException($"{origin}: name '{name}' must be non-empty without commas or newlines");
        ImageKind kind = RequiredString(root, "kind", origin) switch
        {
            "app" => ImageKind.App,
            "test" => ImageKind.Test,
            string other => throw new InvalidDataException($"{origin}: kind '{other}' is neither 'app' nor 'test'"),
        };
        IReadOnlyList<string> devices = StringList(root, "devices", origin) ?? [];
        IReadOnlyList<VirtioMode> modes = (StringList(root, "modes", origin) ?? ["legacy"])
            .Select(m => m switch
            {
                "legacy" => VirtioMode.Legacy,
                "modern" => VirtioMode.Modern,
                _ => throw new InvalidDataException($"{origin}: mode '{m}' is neither 'legacy' nor 'modern'"),
            })
            .Distinct()
            .ToList();
        if (modes.Count == 0)
            throw new InvalidDataException($"{origin}: modes is empty; leave it out for the legacy default");

        IReadOnlyList<BoardVariant> boards = (StringList(root, "boardVariants", origin) ?? ["kernel"])
            .Select(b => BoardVariantNames.TryParse(b, out BoardVariant board)
                ? board
                : throw new InvalidDataException($"{origin}: board variant '{b}' is not one of {BoardVariantNames.AllNames}"))
            .Distinct()
            .ToList();
        if (boards.Count == 0)
            throw new InvalidDataException($"{origin}: boardVariants is empty; leave it out for the kernel default");

        int expectExit = OptionalInt(root, "expectExit", origin) ?? 0;
        if (expectExit is < 0 or > 255)
            throw new InvalidDataException($"{origin}: expectExit {expectExit} is not a process exit code (0..255)");
        int timeout = OptionalInt(root, "timeoutSeconds", origin) ?? 60;
        if (timeout <= 0)
            throw new InvalidDataException($"{origin}: timeoutSeconds must be positive, got {timeout}");
        int cpus = OptionalInt(root, "cpus", origin) ?? 1;
        if (cpus is < 1 or > Nf.Qemu.LaunchProfile.MaximumCpus)
            throw new InvalidDataException($"{origin}: cpus {cpus} is not 1..{Nf.Qemu.LaunchProfile.MaximumCpus}");
        string? expectOutput = OptionalString(root, "expectOutput", origin);
        if (expectOutput is "")
            expectOutput = null;
        IReadOnlyList<PlatformProfile> profiles = Profiles(root, origin);

        return new ImageManifest
        {
            Name = name,
            Kind = kind,
            Devices = devices,
            Modes = modes,
            BoardVariants = boards,
            ExpectExit = expectExit,
            ExpectOutput = expectOutput,
            TimeoutSeconds = timeout,
            Cpus = cpus,
            PlatformProfiles = profiles,
            Directory = directory,
        };
    }

    // "platformProfiles": [{ "name": "delay", "arguments": ["--fault", "delay=1..3"] }, ...]
    private static IReadOnlyList<PlatformProfile> Profiles(JsonElement root, string origin)
    {
        if (!root.TryGetProperty("platformProfiles", out JsonElement value) || value.ValueKind == JsonValueKind.Null)
            return [];
        if (value.ValueKind != JsonValueKind.Array)
            throw new InvalidDataException($"{origin}: 'platformProfiles' must be an array of {{ name, arguments }}");
        var profiles = new List<PlatformProfile>();
        foreach (JsonElement item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
                throw new InvalidDataException($"{origin}: each platform profile must be an object {{ name, arguments }}");
            string name = RequiredString(item, "name", origin);
            if (!PlatformProfile.IsValidName(name))
                throw new InvalidDataException($"{origin}: platform profile name '{name}' must be letters, digits, '.', '_' or '-'");
            if (profiles.Any(p => p.Name == name))
                throw new InvalidDataException($"{origin}: platform profile '{name}' is listed twice");
            IReadOnlyList<string> arguments = [];
            if (item.TryGetProperty("arguments", out JsonElement list) && list.ValueKind != JsonValueKind.Null)
            {
                // Arguments are kept one by one: a ';' or ',' inside one (a fault selector) is not a separator.
                if (list.ValueKind != JsonValueKind.Array || list.EnumerateArray().Any(a => a.ValueKind != JsonValueKind.String))
                    throw new InvalidDataException($"{origin}: the arguments of platform profile '{name}' must be an array of strings");
                arguments = list.EnumerateArray().Select(a => a.GetString()!).ToList();
            }
            profiles.Add(new PlatformProfile(name, arguments));
        }
        return profiles;
    }

    private static string RequiredString(JsonElement root, string key, string origin) =>
        OptionalString(root, key, origin) ?? throw new InvalidDataException($"{origin}: '{key}' is missing");

    private static string? OptionalString(JsonElement root, string key, string origin)
    {
        if (!root.TryGetProperty(key, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
            return null;
        if (value.ValueKind != JsonValueKind.String)
            throw new InvalidDataException($"{origin}: '{key}' must be a string");
        return value.GetString();
    }

    private static int? OptionalInt(JsonElement root, string key, string origin)
    {
        if (!root.TryGetProperty(key, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
            return null;
        // MSBuild writes properties as text, so "60" is accepted as well as 60.
        if (value.ValueKind == JsonValueKind.String && int.TryParse(value.GetString(), out int parsed))
            return parsed;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int number))
            return number;
        throw new InvalidDataException($"{origin}: '{key}' must be an integer");
    }

    private static IReadOnlyList<string>? StringList(JsonElement root, string key, string origin)
    {
        if (!root.TryGetProperty(key, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
            return null;
        // An MSBuild property list may arrive as "rng;scmi" rather than an array.
        if (value.ValueKind == JsonValueKind.String)
            return value.GetString()!.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (value.ValueKind != JsonValueKind.Array)
            throw new InvalidDataException($"{origin}: '{key}' must be an array of strings");
        var list = new List<string>();
        foreach (JsonElement item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
                throw new InvalidDataException($"{origin}: '{key}' must hold only strings");
            list.Add(item.GetString()!);
        }
        return list;
    }
}
