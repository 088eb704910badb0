// How an image is put on the board: loaded by QEMU (-kernel), from flash bank 0, or built for and booted on the
// GICv3 machine. Every firmware build leaves an image for each (boards/qemu-virt/Board.targets).
namespace Nf.Images;

public enum BoardVariant
{
    /// <summary>image.elf loaded into RAM by QEMU's -kernel (the default, fastest to iterate on).</summary>
    Kernel,
    /// <summary>flash.img in pflash unit 0: the CPU starts in flash and the boot stub copies the image to RAM.</summary>
    Flash,
    /// <summary>gicv3/image.elf on virt,gic-version=3: the image built for the GICv3 interrupt controller.</summary>
    GicV3,
}

public static class BoardVariantNames
{
    /// <summary>The name in manifests, qemu.json and result rows.</summary>
    public static string Name(this BoardVariant variant) => variant switch
    {
        BoardVariant.Flash => "flash",
        BoardVariant.GicV3 => "gicv3",
        _ => "kernel",
    };

    /// <summary>The variant called <paramref name="name"/>; false for a name no board variant has.</summary>
    public static bool TryParse(string name, out BoardVariant variant)
    {
        foreach (BoardVariant candidate in Enum.GetValues<BoardVariant>())
        {
            if (candidate.Name() == name)
            {
                variant = candidate;
                return true;
            }
        }
        variant = BoardVariant.Kernel;
        return false;
    }

    /// <summary>Every variant's name, for messages.</summary>
    public static string AllNames => string.Join(", ", Enum.GetValues<BoardVariant>().Select(v => v.Name()));
}
