// Device-shared memory on target: carved from the bring-up heap before it is sealed.
using Nano.Runtime;
using Nano.Runtime.Native;

namespace Virtio;

/// <summary>
/// Allocates DMA regions as heap arrays during bring-up. RAM is identity-mapped Normal memory and objects
/// never move (no garbage collector), so an array's address is the physical address the device is told.
/// After <c>Heap.Seal()</c> it refuses (returns null) instead of letting the allocation panic, so a late
/// queue set-up becomes <see cref="VirtioResult.OutOfMemory"/>.
/// </summary>
public sealed class HeapDmaAllocator : DmaAllocator
{
    /// <summary>One instance serves every device: the heap is global.</summary>
    public static readonly HeapDmaAllocator Instance = new HeapDmaAllocator();

    public override DmaRegion? Allocate(int length, int alignment)
    {
        if (Heap.IsSealed || length <= 0 || alignment <= 0 || (alignment & (alignment - 1)) != 0)
            return null;
        if ((long)length + alignment > Heap.BytesFree)
            return null;
        // Over-allocate by the alignment and start the region at the first aligned byte; fresh heap memory is zeroed.
        byte[] backing = new byte[length + alignment - 1];
        ulong address = PhysicalMemory.AddressOf(backing);
        int start = (int)((ulong)(alignment - (int)(address & (ulong)(alignment - 1))) & (ulong)(alignment - 1));
        return new DmaRegion(backing, start, length, address + (ulong)start);
    }
}
