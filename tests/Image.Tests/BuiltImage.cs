// A built firmware image, disassembled once: its functions by symbol (from the ELF symbol table, through objdump).
using System.Diagnostics;
using System.Reflection;

namespace Image.Tests;

/// <summary>
/// Loads an image named by the assembly metadata the project file writes (the path of a suite's image.elf),
/// runs <c>aarch64-linux-gnu-objdump -d</c> on it and keeps the parsed functions.
/// </summary>
public sealed class BuiltImage
{
    public const string Objdump = "aarch64-linux-gnu-objdump";

    private static readonly Dictionary<string, BuiltImage> Loaded = new();

    private BuiltImage(string path, Dictionary<string, List<Instruction>> functions)
    {
        Path = path;
        Functions = functions;
    }

    public string Path { get; }
    public Dictionary<string, List<Instruction>> Functions { get; }

    /// <summary>The Virtio.Ring.Tests image: MMIO accessors, barrier entry points, the split virtqueue.</summary>
    public static BuiltImage Ring => Load("RingImage", "tests/Firmware.Tests/Virtio.Ring.Tests");

    /// <summary>The same build's image for the GICv3 board variant (gicv3/image.elf).</summary>
    public static BuiltImage RingGicV3 => Load("RingGicV3Image", "tests/Firmware.Tests/Virtio.Ring.Tests");

    /// <summary>The CoreLib.Tests image: Interlocked expanded inline by ilc, and the corelib's own uses.</summary>
    public static BuiltImage CoreLib => Load("CoreLibImage", "tests/Firmware.Tests/CoreLib.Tests");

    /// <summary>The Runtime.Smp.Tests image: the SMP runtime and the four-CPU races over Interlocked and Volatile.</summary>
    public static BuiltImage Smp => Load("SmpImage", "tests/Firmware.Tests/Runtime.Smp.Tests");

    /// <summary>The Scmi.Smp.Tests image: the SCMI virtio transport as it runs with pollers on four CPUs.</summary>
    public static BuiltImage ScmiSmp => Load("ScmiSmpImage", "tests/Firmware.Tests/Scmi.Smp.Tests");

    /// <summary>The instructions of <paramref name="symbol"/>; fails the test naming the image when it is absent.</summary>
    public List<Instruction> Function(string symbol)
    {
        Assert.True(Functions.TryGetValue(symbol, out List<Instruction>? body), $"{symbol} is not in {Path}");
        return body!;
    }

    private static BuiltImage Load(string key, string project)
    {
        lock (Loaded)
        {
            if (Loaded.TryGetValue(key, out BuiltImage? image))
                return image;
            string? path = typeof(BuiltImage).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .FirstOrDefault(a => a.Key == key)?.Value;
            Assert.False(path is null, $"no {key} metadata in the test assembly");
            path = System.IO.Path.GetFullPath(path!);
            Assert.True(File.Exists(path), $"{path} does not exist: build {project} first (dotnet build tests/Image.Tests does)");
            var start = new ProcessStartInfo(Objdump, $"-d \"{path}\"")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using Process objdump = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {Objdump}");
            Task<string> errors = objdump.StandardError.ReadToEndAsync();
            string listing = objdump.StandardOutput.ReadToEnd();
            objdump.WaitForExit();
            Assert.True(objdump.ExitCode == 0, $"{Objdump} failed on {path}: {errors.Result}");
            image = new BuiltImage(path, ObjdumpParser.Parse(listing));
            Loaded[key] = image;
            return image;
        }
    }
}
