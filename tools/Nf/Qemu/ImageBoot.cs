// Boots one image in one variant (virtio mode, board variant, platform profile) with the host resources its devices need, and judges the run.
using Nf.Images;
using Nf.Repository;
using Nf.Results;

namespace Nf.Qemu;

public sealed class ImageBoot(LaunchProfile profile, RepoLayout layout)
{
    /// <summary>The QEMU request for one boot of <paramref name="manifest"/>; host resources are added by <see cref="BootResources.Apply"/>.</summary>
    public static LaunchRequest Request(ImageManifest manifest, BootVariant variant) =>
        new(manifest.ImagePathFor(variant.Board))
        {
            Board = variant.Board,
            Flash = variant.Board == BoardVariant.Flash ? manifest.FlashImagePath : null,
            Devices = manifest.Devices,
            Modern = variant.Mode == VirtioMode.Modern,
            Profile = variant.Profile?.Name,
            Cpus = manifest.Cpus,
        };

    /// <summary>Boots, streaming each console line to <paramref name="onLine"/>, and returns the judged result.</summary>
    public async Task<SuiteResult> RunAsync(ImageManifest manifest, BootVariant variant, Action<string>? onLine = null,
        TimeSpan? timeLimit = null, CancellationToken cancel = default)
    {
        string name = variant.DisplayName(manifest);
        string bootFile = manifest.BootFileFor(variant.Board);
        if (!File.Exists(bootFile))
            return SuiteResult.Broken(name, SuiteKind.OnTarget, $"no image at {bootFile}");

        BootResources resources;
        try
        {
            resources = await BootResources.StartAsync(manifest.Devices, layout.DaemonDll, variant.DaemonArguments, BootResources.DaemonReadyWithin, cancel);
        }
        catch (InvalidOperationException e)
        {
            return SuiteResult.Broken(name, SuiteKind.OnTarget, e.Message);
        }
        await using (resources)
        {
            IReadOnlyList<string> arguments = profile.Arguments(resources.Apply(Request(manifest, variant)));
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
            if (result.Problems.Count > 0 && resources.DaemonsPrinted)
                result = result with { Problems = [result.Problems[0] + "; SCMI platform said: " + resources.DaemonOutputTail(), .. result.Problems.Skip(1)] };
            return result;
        }
    }
}
