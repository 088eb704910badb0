// Guest RAM shared by the driver under test (as DMA regions) and the platform's device (as mapped guest memory).
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Virtio;
using PlatformMemory = ScmiPlatform.Virtqueue.GuestMemory;
using PlatformRegion = ScmiPlatform.Virtqueue.GuestMemoryRegion;

namespace Scmi.Tests.Doubles;

/// <summary>
/// One pinned block at QEMU virt's RAM base. The transport gets regions of it through <see cref="DmaAllocator"/>;
/// the platform reaches the same bytes by guest physical address through <see cref="DeviceView"/>, as the
/// vhost-user backend does after mapping QEMU's memory table.
/// </summary>
public sealed class PinnedGuestMemory : DmaAllocator
{
    public const ulong Base = 0x4000_0000;
    private readonly byte[] _bytes;
    private int _next;

    public PinnedGuestMemory(int size = 4 << 20) => _bytes = GC.AllocateArray<byte>(size, pinned: true);

    /// <summary>Allocations refused from now on, as after the heap seal.</summary>
    public bool Sealed { get; set; }

    /// <summary>Allocations made (the test's stand-in for Heap.BytesAllocated).</summary>
    public int Allocations { get; private set; }

    public override DmaRegion? Allocate(int length, int alignment)
    {
        if (Sealed || length <= 0)
            return null;
        int start = (_next + alignment - 1) & ~(alignment - 1);
        if (start > _bytes.Length - length)
            return null;
        _next = start + length;
        Allocations++;
        return new DmaRegion(_bytes, start, length, Base + (ulong)start);
    }

    /// <summary>The bytes at guest physical <paramref name="address"/>.</summary>
    public Span<byte> At(ulong address, int length)
    {
        if (address < Base || address - Base + (ulong)length > (ulong)_bytes.Length)
            throw new InvalidOperationException($"access outside guest memory: 0x{address:x} + {length}");
        return _bytes.AsSpan((int)(address - Base), length);
    }

    /// <summary>The platform's view of the same bytes.</summary>
    public unsafe PlatformMemory DeviceView()
    {
        nint host = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_bytes));
        return new PlatformMemory([new PlatformRegion(Base, (ulong)_bytes.Length, (ulong)host, host)]);
    }
}
