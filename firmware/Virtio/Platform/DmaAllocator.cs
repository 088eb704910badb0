// Where shared memory comes from: the bring-up heap on target, a simulated guest memory in host tests.
namespace Virtio;

/// <summary>
/// Hands out device-shared memory during bring-up. On target it carves regions from the heap before
/// it is sealed and asks the runtime for their physical address; host tests give out pieces of a
/// simulated guest memory the device double also reads. Memory comes back zeroed.
/// </summary>
public abstract class DmaAllocator
{
    /// <summary>
    /// A zeroed region of <paramref name="length"/> bytes whose physical address is a multiple of
    /// <paramref name="alignment"/> (a power of two), or null when memory is exhausted or the
    /// heap is already sealed.
    /// </summary>
    public abstract DmaRegion? Allocate(int length, int alignment);
}
