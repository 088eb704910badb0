// A boot's initramfs: the cached base archive with a second, uncompressed cpio archive after it (the kernel unpacks
// concatenated archives in order, so the second adds files to the first).
namespace Nf.Linux;

public static class Initramfs
{
    /// <summary>Writes <paramref name="baseInitramfs"/> followed by <paramref name="archive"/> (a finished newc archive) to <paramref name="destination"/>.</summary>
    public static void WriteWithOverlay(string baseInitramfs, byte[] archive, string destination)
    {
        using FileStream output = File.Create(destination);
        using (FileStream input = File.OpenRead(baseInitramfs))
            input.CopyTo(output);
        // The gzip member ends unaligned; the kernel skips zero padding to the next 4-byte boundary.
        while (output.Position % 4 != 0)
            output.WriteByte(0);
        output.Write(archive);
    }
}
