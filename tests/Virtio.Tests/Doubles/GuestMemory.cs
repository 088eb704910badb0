// Simulated guest RAM: the driver's DMA allocator and the memory the device double reads by physical address.
namespace Virtio.Tests.Doubles;

/// <summary>
/// A block of "physical" memory at <see cref="Base"/> (QEMU virt's RAM start). The driver side gets regions
/// from it through <see cref="DmaAllocator"/>; the device double reaches the same bytes by physical address,
/// as a real device does, and any access outside the block fails the test.
/// </summary>
public sealed class GuestMemory : DmaAllocator
{
    public const ulong Base = 0x4000_0000;
    private readonly byte[] _bytes;
    private int _next;

    public GuestMemory(int size = 1 << 20) => _bytes = new byte[size];

    /// <summary>Allocations refused from now on, as after the heap seal.</summary>
    public bool Sealed { get; set; }

    public override DmaRegion? Allocate(int length, int alignment)
    {
        if (Sealed || length <= 0)
            return null;
        int start = (_next + alignment - 1) & ~(alignment - 1);
        if (start > _bytes.Length - length)
            return null;
        _next = start + length;
        return new DmaRegion(_bytes, start, length, Base + (ulong)start);
    }

    /// <summary>The bytes at physical <paramref name="address"/>, as the device sees them.</summary>
    public Span<byte> At(ulong address, int length)
    {
        if (address < Base || address - Base > (ulong)_bytes.Length || length < 0 || (ulong)length > (ulong)_bytes.Length - (address - Base))
            throw new InvalidOperationException($"device access outside guest memory: 0x{address:x} + {length}");
        return _bytes.AsSpan((int)(address - Base), length);
    }
}
