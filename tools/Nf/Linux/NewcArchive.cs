// Writes a cpio archive in the "newc" format, the one the kernel unpacks as an initramfs
// (Documentation/driver-api/early-userspace/buffer-format.rst).
using System.Text;

namespace Nf.Linux;

/// <summary>An uncompressed newc cpio archive of directories and regular files, owned by root.</summary>
public sealed class NewcArchive
{
    private const string Magic = "070701";
    private const int DirectoryMode = 0x41ED; // S_IFDIR | 0755
    private const int FileMode = 0x81A4;      // S_IFREG | 0644
    private const string Trailer = "TRAILER!!!";

    private readonly MemoryStream _stream = new();
    private int _inode = 1;

    /// <summary>Adds a directory (path relative to the archive root, no leading slash).</summary>
    public void AddDirectory(string path) => AddEntry(path, DirectoryMode, []);

    /// <summary>Adds a regular file.</summary>
    public void AddFile(string path, ReadOnlySpan<byte> content) => AddEntry(path, FileMode, content);

    /// <summary>Closes the archive with the trailer entry and returns its bytes.</summary>
    public byte[] Finish()
    {
        AddEntry(Trailer, 0, []);
        return _stream.ToArray();
    }

    private void AddEntry(string path, int mode, ReadOnlySpan<byte> content)
    {
        byte[] name = Encoding.ASCII.GetBytes(path + "\0");
        var header = new StringBuilder(Magic);
        int links = mode == DirectoryMode ? 2 : 1;
        // ino, mode, uid, gid, nlink, mtime, filesize, devmajor, devminor, rdevmajor, rdevminor, namesize, check
        foreach (int field in new[] { _inode++, mode, 0, 0, links, 0, content.Length, 0, 0, 0, 0, name.Length, 0 })
            header.Append(field.ToString("X8"));
        _stream.Write(Encoding.ASCII.GetBytes(header.ToString()));
        _stream.Write(name);
        Pad();
        _stream.Write(content);
        Pad();
    }

    // Header plus name, and the file data, each end on a 4-byte boundary.
    private void Pad()
    {
        while (_stream.Length % 4 != 0)
            _stream.WriteByte(0);
    }
}
