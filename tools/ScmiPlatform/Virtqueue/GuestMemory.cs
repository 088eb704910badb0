// The one bounds-checked door to guest RAM: every read and write of rings and buffers goes through here.
using System.Buffers.Binary;

namespace ScmiPlatform.Virtqueue;

/// <summary>
/// Guest RAM as a set of mapped regions. Every access names a guest physical address and a length and
/// is refused (returns false) unless the whole range lies inside one region; nothing outside a region is
/// ever read or written. A range that straddles two regions is refused too: our frontend (QEMU's virt
/// machine) hands out one region, and refusing keeps every access a single bounds check.
/// After <see cref="Dispose"/> every access is refused, so a late user of a replaced table fails safely.
/// Not thread-safe by itself: the device serialises access (see ScmiVirtioDevice).
/// </summary>
public sealed class GuestMemory : IDisposable
{
    private GuestMemoryRegion[] _regions;
    private readonly IDisposable? _owner;

    /// <param name="regions">The mapped regions; their guest ranges must not overlap.</param>
    /// <param name="owner">Disposed with this table (for example the mappings to unmap).</param>
    public GuestMemory(IEnumerable<GuestMemoryRegion> regions, IDisposable? owner = null)
    {
        _regions = regions.OrderBy(r => r.GuestPhysicalAddress).ToArray();
        for (int i = 1; i < _regions.Length; i++)
        {
            GuestMemoryRegion previous = _regions[i - 1];
            if (previous.GuestPhysicalAddress + previous.Size > _regions[i].GuestPhysicalAddress)
                throw new ArgumentException("guest memory regions overlap", nameof(regions));
        }
        _owner = owner;
    }

    /// <summary>The regions, lowest guest address first (empty once disposed).</summary>
    public IReadOnlyList<GuestMemoryRegion> Regions => _regions;

    /// <summary>True when [address, address + length) lies inside one region.</summary>
    public bool Contains(ulong address, ulong length) => FindGuestRegion(address, length) is not null;

    /// <summary>Translates a frontend virtual address range (vhost-user ring addresses) to a guest physical address.</summary>
    public bool TryTranslateFrontendAddress(ulong frontendAddress, ulong length, out ulong guestAddress)
    {
        foreach (GuestMemoryRegion region in _regions)
        {
            if (region.ContainsFrontendRange(frontendAddress, length))
            {
                guestAddress = region.GuestPhysicalAddress + (frontendAddress - region.FrontendVirtualAddress);
                return true;
            }
        }
        guestAddress = 0;
        return false;
    }

    /// <summary>Copies guest bytes at <paramref name="address"/> into <paramref name="destination"/>.</summary>
    public bool TryRead(ulong address, Span<byte> destination)
    {
        if (!TryGetSpan(address, (ulong)destination.Length, out Span<byte> source))
            return false;
        source.CopyTo(destination);
        return true;
    }

    /// <summary>Copies <paramref name="source"/> into guest memory at <paramref name="address"/>.</summary>
    public bool TryWrite(ulong address, ReadOnlySpan<byte> source)
    {
        if (!TryGetSpan(address, (ulong)source.Length, out Span<byte> destination))
            return false;
        source.CopyTo(destination);
        return true;
    }

    public bool TryReadUInt16(ulong address, out ushort value)
    {
        Span<byte> bytes = stackalloc byte[2];
        bool ok = TryRead(address, bytes);
        value = ok ? BinaryPrimitives.ReadUInt16LittleEndian(bytes) : (ushort)0;
        return ok;
    }

    public bool TryReadUInt32(ulong address, out uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        bool ok = TryRead(address, bytes);
        value = ok ? BinaryPrimitives.ReadUInt32LittleEndian(bytes) : 0;
        return ok;
    }

    public bool TryReadUInt64(ulong address, out ulong value)
    {
        Span<byte> bytes = stackalloc byte[8];
        bool ok = TryRead(address, bytes);
        value = ok ? BinaryPrimitives.ReadUInt64LittleEndian(bytes) : 0;
        return ok;
    }

    public bool TryWriteUInt16(ulong address, ushort value)
    {
        Span<byte> bytes = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, value);
        return TryWrite(address, bytes);
    }

    public bool TryWriteUInt32(ulong address, uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        return TryWrite(address, bytes);
    }

    /// <summary>Refuses every later access and releases the mappings.</summary>
    public void Dispose()
    {
        _regions = [];
        _owner?.Dispose();
    }

    private GuestMemoryRegion? FindGuestRegion(ulong address, ulong length)
    {
        foreach (GuestMemoryRegion region in _regions)
        {
            if (region.ContainsGuestRange(address, length))
                return region;
        }
        return null;
    }

    private unsafe bool TryGetSpan(ulong address, ulong length, out Span<byte> span)
    {
        GuestMemoryRegion? region = FindGuestRegion(address, length);
        if (region is null || length > int.MaxValue)
        {
            span = default;
            return false;
        }
        // Safety: the range was just checked to lie inside a region whose HostAddress maps Size bytes,
        // and the mapping lives until Dispose, which empties the region list first.
        span = new Span<byte>((byte*)region.HostAddress + (address - region.GuestPhysicalAddress), (int)length);
        return true;
    }
}
