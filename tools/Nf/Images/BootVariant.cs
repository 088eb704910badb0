// One boot of an image: a virtio-mmio layout, a board variant (kernel, flash, gicv3) and, when the manifest lists
// platform profiles, one of them. A suite boots once per (mode × board variant × profile); its rows are named
// after what varies.
namespace Nf.Images;

/// <param name="Profile">Null for a manifest without platform profiles (the daemon's defaults).</param>
/// <param name="Board">How the image is put on the board; -kernel unless the manifest lists other variants.</param>
public sealed record BootVariant(VirtioMode Mode, PlatformProfile? Profile, BoardVariant Board = BoardVariant.Kernel)
{
    /// <summary>Every boot <paramref name="manifest"/> asks for: modes outermost, then board variants, then profiles,
    /// each in manifest order.</summary>
    public static IReadOnlyList<BootVariant> For(ImageManifest manifest)
    {
        IReadOnlyList<PlatformProfile?> profiles = manifest.PlatformProfiles.Count == 0 ? [null] : manifest.PlatformProfiles.ToList<PlatformProfile?>();
        return manifest.Modes
            .SelectMany(m => manifest.BoardVariants.SelectMany(b => profiles.Select(p => new BootVariant(m, p, b))))
            .ToList();
    }

    /// <summary>
    /// The suite's name for this boot: plain for one mode, the kernel variant and no profile; otherwise what varies in
    /// brackets, "Suite [modern]", "Suite [delay]", "Suite [modern, flash, delay]". The kernel variant is never named,
    /// so a suite that gains board variants keeps the names of its existing rows.
    /// </summary>
    public string DisplayName(ImageManifest manifest)
    {
        var parts = new List<string>(3);
        if (manifest.Modes.Count > 1)
            parts.Add(Mode.ToString().ToLowerInvariant());
        if (Board != BoardVariant.Kernel)
            parts.Add(Board.Name());
        if (Profile is not null)
            parts.Add(Profile.Name);
        return parts.Count == 0 ? manifest.Name : $"{manifest.Name} [{string.Join(", ", parts)}]";
    }

    /// <summary>The daemon options of this boot (none: the daemon's defaults).</summary>
    public IReadOnlyList<string> DaemonArguments => Profile?.Arguments ?? [];
}
