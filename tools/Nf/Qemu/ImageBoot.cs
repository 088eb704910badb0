// Boots one image in one virtio mode with the devices its manifest asks for, and judges the run.
using Nf.Images;
using Nf.Platform;
using Nf.Repository;
using Nf.Results;

namespace Nf.Qemu;

public sealed class ImageBoot(LaunchProfile profile, RepoLayout layout)
{
    // The scratch disk a "blk" device gets: small, zero-filled, thrown away after the run.
    private const long ScratchBytes = 1 << 20;

    /// <summary>Time the SCMI daemon gets to start listening.</summary>
    public TimeSpan DaemonReadyWithin { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>The suite's name for one mode: plain when it boots in one mode, "Name [modern]" otherwise.</summary>
    public static string DisplayName(ImageManifest manifest, VirtioMode mode) =>
        manifest.Modes.Count > 1 ? $"{manifest.Name} [{mode.ToString().ToLowerInvariant()}]" : manifest.Name;

    /// <summary>The QEMU request for one boot of <paramref name="manifest"/> in <paramref name="mode"/>.</summary>
    public static LaunchRequest Request(ImageManifest manifest, VirtioMode mode, string? socket = null, string? scratch = null) =>
        new(manifest.ImagePath)
        {
            Devices = manifest.Devices,
            Modern = mode == VirtioMode.Modern,
            Socket = socket,
            Scratch = scratch,
        };

    /// <summary>Boots, streaming each console line to <paramref name="onLine"/>, and returns the judged result.</summary>
    public async Task<SuiteResult> RunAsync(ImageManifest manifest, VirtioMode mode, Action<string>? onLine = null,
        TimeSpan? timeLimit = null, CancellationToken cancel = default)
    {
        string name = DisplayName(manifest, mode);
        if (!File.Exists(manifest.ImagePath))
            return SuiteResult.Broken(name, SuiteKind.OnTarget, $"no image at {manifest.ImagePath}");

        ScmiPlatformDaemon? daemon = null;
        string? scratch = null;
        try
        {
            if (manifest.Devices.Contains("scmi"))
            {
                try
                {
                    daemon = await ScmiPlatformDaemon.StartAsync(layout.DaemonDll, DaemonReadyWithin);
                }
                catch (InvalidOperationException e)
                {
                    return SuiteResult.Broken(name, SuiteKind.OnTarget, e.Message);
                }
            }
            if (manifest.Devices.Contains("blk"))
            {
                scratch = Path.GetTempFileName();
                using FileStream file = File.OpenWrite(scratch);
                file.SetLength(ScratchBytes);
            }

            IReadOnlyList<string> arguments = profile.Arguments(Request(manifest, mode, daemon?.SocketPath, scratch));
            var log = new SerialLog();
            ImageRunOutcome run;
            try
            {
                run = await QemuProcess.RunAsync(profile.Binary, arguments,
                    timeLimit ?? TimeSpan.FromSeconds(manifest.TimeoutSeconds),
                    line =>
                    {
                        log.Add(line);
                        onLine?.Invoke(line);
                    }, cancel);
            }
            catch (InvalidOperationException e)
            {
                // QEMU itself could not be started (not installed): every image fails the same way, with the reason.
                return SuiteResult.Broken(name, SuiteKind.OnTarget, e.Message);
            }
            SuiteResult result = ImageVerdict.Judge(manifest, name, run, log);
            // A suite-level failure with an SCMI device is often the platform's doing: say what it printed.
            if (daemon is not null && result.Problems.Count > 0 && daemon.Output.Length > 0)
                result = result with { Problems = [result.Problems[0] + "; SCMI platform said: " + Tail(daemon.Output), .. result.Problems.Skip(1)] };
            return result;
        }
        finally
        {
            if (daemon is not null)
                await daemon.DisposeAsync();
            if (scratch is not null)
                File.Delete(scratch);
        }
    }

    private static string Tail(string text)
    {
        string[] lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join(" | ", lines.TakeLast(3));
    }
}
