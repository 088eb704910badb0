// The kernel Image and base initramfs of the Linux guest (the interop suite's and ./nf bench's), built once per machine by guest/build-guest.sh.
namespace Nf.Linux;

/// <summary>Paths of the cached guest kernel and base initramfs (outside the clone, under ~/.cache/nf).</summary>
public sealed record GuestImages(string Kernel, string Initramfs)
{
    /// <summary>
    /// A cold kernel build takes 4-7 minutes on 2 idle cores, but runs at nice 19: on a machine busy with
    /// other builds it was seen to crawl at a tenth of that speed.
    /// </summary>
    public static readonly TimeSpan BuildTimeLimit = TimeSpan.FromMinutes(150);

    /// <summary>
    /// Builds what is missing (only the first run pays) and returns the paths. Throws <see cref="GuestUnavailableException"/>
    /// when the machine cannot have the guest at all (build-guest.sh's exit 77), InvalidOperationException when the build failed.
    /// </summary>
    public static async Task<GuestImages> PrepareAsync(Action<string> onProgress)
    {
        (int exitCode, string output) = await GuestScript.RunAsync([], onProgress, BuildTimeLimit);
        if (exitCode == GuestScript.ExitPackagesUnavailable)
            throw new GuestUnavailableException("the Debian packages the Linux guest needs cannot be fetched (see the progress lines)");
        if (exitCode != 0)
            throw new InvalidOperationException($"{GuestScript.BuildScript} failed with exit code {exitCode} (see the progress lines)");
        var paths = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1]);
        if (!paths.TryGetValue("kernel", out string? kernel) || !File.Exists(kernel))
            throw new InvalidOperationException($"{GuestScript.BuildScript} named no kernel image: {output}");
        if (!paths.TryGetValue("initramfs", out string? initramfs) || !File.Exists(initramfs))
            throw new InvalidOperationException($"{GuestScript.BuildScript} named no initramfs: {output}");
        return new GuestImages(kernel, initramfs);
    }
}
