// One boot of an image: a virtio-mmio layout and, when the manifest lists platform profiles, one of them.
// A suite boots once per (mode × profile); its rows are named after what varies.
namespace Nf.Images;

/// <param name="Profile">Null for a manifest without platform profiles (the daemon's defaults).</param>
public sealed record BootVariant(VirtioMode Mode, PlatformProfile? Profile)
{
    /// <summary>Every boot <paramref name="manifest"/> asks for, modes outermost, in manifest order.</summary>
    public static IReadOnlyList<BootVariant> For(ImageManifest manifest) =>
        manifest.PlatformProfiles.Count == 0
            ? manifest.Modes.Select(m => new BootVariant(m, null)).ToList()
            : manifest.Modes.SelectMany(m => manifest.PlatformProfiles.Select(p => new BootVariant(m, p))).ToList();

    /// <summary>
    /// The suite's name for this boot: plain for one mode and no profile; otherwise what varies in brackets,
    /// "Suite [modern]", "Suite [delay]", "Suite [modern, delay]".
    /// </summary>
    public string DisplayName(ImageManifest manifest)
    {
        var parts = new List<string>(2);
        if (manifest.Modes.Count > 1)
            parts.Add(Mode.ToString().ToLowerInvariant());
        if (Profile is not null)
            parts.Add(Profile.Name);
        return parts.Count == 0 ? manifest.Name : $"{manifest.Name} [{string.Join(", ", parts)}]";
    }

    /// <summary>The daemon options of this boot (none: the daemon's defaults).</summary>
    public IReadOnlyList<string> DaemonArguments => Profile?.Arguments ?? [];
}
