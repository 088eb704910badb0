// The frontend's memory table mapped into this process: one shared mmap per region fd.
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
}

/// <summary>Owns the mmaps behind a <see cref="GuestMemory"/>; disposing unmaps them.
/// Safety: a mapping covers mmap_offset + size bytes, so the region GuestMemory sees (HostAddress = start +
/// mmap_offset, Size bytes) lies inside it; GuestMemory stops using it before this unmaps (it disposes us).</summary>
internal sealed class MappedRegions : IDisposable
{
    private readonly List<(nint Address, nuint Length)> _mappings = new();

    /// <summary>
    /// Maps each region's fd shared and read-write, and builds the guest memory table over the mappings.
    /// The mapping starts at file offset 0 and covers mmap_offset + size, so an unaligned mmap_offset still works.
    /// </summary>
    public static GuestMemory Map(IReadOnlyList<MemoryRegionDescription> regions, IReadOnlyList<OwnedFd> fds)
    {
        if (regions.Count != fds.Count)
            throw new IOException($"{regions.Count} regions but {fds.Count} descriptors");
        var owner = new MappedRegions();
        var mapped = new List<GuestMemoryRegion>();
        try
        {
            for (int i = 0; i < regions.Count; i++)
            {
                MemoryRegionDescription r = regions[i];
                if (r.Size == 0 || r.MmapOffset > ulong.MaxValue - r.Size || r.GuestAddress > ulong.MaxValue - r.Size)
                    throw new IOException($"region {i} has an impossible size or offset");
                nuint length = (nuint)(r.MmapOffset + r.Size);
                nint address = Libc.Mmap(0, length, Libc.PROT_READ | Libc.PROT_WRITE, Libc.MAP_SHARED, fds[i].Value, 0);
                if (address == Libc.MAP_FAILED)
                    throw new IOException($"mmap of region {i} ({length} bytes): " + Libc.Describe(Libc.LastError));
                owner._mappings.Add((address, length));
                mapped.Add(new GuestMemoryRegion(r.GuestAddress, r.Size, r.FrontendAddress, address + (nint)r.MmapOffset));
            }
            return new GuestMemory(mapped, owner);
        }
        catch
        {
            owner.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        foreach ((nint address, nuint length) in _mappings)
            Libc.Munmap(address, length);
        _mappings.Clear();
    }
}
