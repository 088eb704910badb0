// The frontend's memory table mapped into this process: one shared mmap per region fd, checked against the file size.
using System.Buffers.Binary;
using ScmiPlatform.Virtqueue;

namespace ScmiPlatform.VhostUser;

/// <summary>One entry of VHOST_USER_SET_MEM_TABLE ("Memory region description").</summary>
internal readonly record struct MemoryRegionDescription(ulong GuestAddress, ulong Size, ulong FrontendAddress, ulong MmapOffset)
{
    public const int Bytes = 32;

    public static MemoryRegionDescription Read(ReadOnlySpan<byte> bytes) => new(
        BinaryPrimitives.ReadUInt64LittleEndian(bytes),
        BinaryPrimitives.ReadUInt64LittleEndian(bytes[8..]),
        BinaryPrimitives.ReadUInt64LittleEndian(bytes[16..]),
        BinaryPrimitives.ReadUInt64LittleEndian(bytes[24..]));

    /// <summary>File bytes the region needs: it is mapped from file offset 0 up to mmap_offset + size.</summary>
    public ulong FileBytesNeeded => MmapOffset + Size;
}

/// <summary>
/// Owns the mmaps behind a <see cref="GuestMemory"/> and the region fds; disposing unmaps and closes them.
/// Safety: a mapping covers mmap_offset + size bytes, so the region GuestMemory sees (HostAddress = start +
/// mmap_offset, Size bytes) lies inside it; GuestMemory stops using it before this unmaps (it disposes us).
/// Touching a mapped page past the end of its file raises SIGBUS, which .NET cannot turn into an error: so
/// a region must end inside its file when mapped (as rust-vmm's vm-memory checks), and
/// <see cref="TryCheckBacked"/> re-checks the sizes before each service pass in case a file shrank later.
/// </summary>
internal sealed class MappedRegions : IDisposable
{
    private readonly List<(nint Address, nuint Length)> _mappings = new();
    private readonly List<(OwnedFd Fd, ulong BytesNeeded)> _files = new();

    /// <summary>
    /// Maps each region's fd shared and read-write, and builds the guest memory table over the mappings.
    /// The mapping starts at file offset 0 and covers mmap_offset + size, so an unaligned mmap_offset still works.
    /// On success the descriptors belong to the returned table (kept to re-check the file sizes); on failure they stay the caller's.
    /// </summary>
    public static GuestMemory Map(IReadOnlyList<MemoryRegionDescription> regions, IReadOnlyList<OwnedFd> fds, out MappedRegions owner)
    {
        if (regions.Count != fds.Count)
            throw new IOException($"{regions.Count} regions but {fds.Count} descriptors");
        owner = new MappedRegions();
        var mapped = new List<GuestMemoryRegion>();
        try
        {
            for (int i = 0; i < regions.Count; i++)
            {
                MemoryRegionDescription r = regions[i];
                if (r.Size == 0 || r.MmapOffset > ulong.MaxValue - r.Size || r.GuestAddress > ulong.MaxValue - r.Size)
                    throw new IOException($"region {i} has an impossible size or offset");
                long fileBytes = Libc.FileSize(fds[i].Value);
                if (fileBytes < 0)
                    throw new IOException($"fstat of region {i}: " + Libc.Describe(Libc.LastError));
                // vhost-user: the region is mmap_offset + size bytes of the file; a page past its end would SIGBUS on first touch.
                if (r.FileBytesNeeded > (ulong)fileBytes)
                    throw new IOException($"region {i} runs past the end of its file: mmap offset 0x{r.MmapOffset:x} + size 0x{r.Size:x} > file size 0x{fileBytes:x}");
                nuint length = (nuint)r.FileBytesNeeded;
                nint address = Libc.Mmap(0, length, Libc.PROT_READ | Libc.PROT_WRITE, Libc.MAP_SHARED, fds[i].Value, 0);
                if (address == Libc.MAP_FAILED)
                    throw new IOException($"mmap of region {i} ({length} bytes): " + Libc.Describe(Libc.LastError));
                owner._mappings.Add((address, length));
                mapped.Add(new GuestMemoryRegion(r.GuestAddress, r.Size, r.FrontendAddress, address + (nint)r.MmapOffset));
            }
            var memory = new GuestMemory(mapped, owner);
            for (int i = 0; i < regions.Count; i++)
                owner._files.Add((fds[i], regions[i].FileBytesNeeded));
            return memory;
        }
        catch
        {
            owner.Dispose();
            throw;
        }
    }

    /// <summary>
    /// False (with the reason) when a region's file is now shorter than the region needs: the frontend truncated
    /// it after mapping, and touching the missing pages would kill the process with SIGBUS. One fstat per region.
    /// </summary>
    public bool TryCheckBacked(out string? problem)
    {
        for (int i = 0; i < _files.Count; i++)
        {
            (OwnedFd fd, ulong needed) = _files[i];
            long size = Libc.FileSize(fd.Value);
            if (size < 0 || (ulong)size < needed)
            {
                problem = size < 0
                    ? $"fstat of region {i}: {Libc.Describe(Libc.LastError)}"
                    : $"the file of region {i} shrank to 0x{size:x} bytes, below the 0x{needed:x} it needs";
                return false;
            }
        }
        problem = null;
        return true;
    }

    public void Dispose()
    {
        foreach ((nint address, nuint length) in _mappings)
            Libc.Munmap(address, length);
        _mappings.Clear();
        foreach ((OwnedFd fd, _) in _files)
            fd.Dispose();
        _files.Clear();
    }
}
