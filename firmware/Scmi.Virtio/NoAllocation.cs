// A DMA allocator that never gives memory: used when queues are set up again, so a repair can never allocate.
using Virtio;

namespace Scmi.Virtio;

/// <summary>Refuses every allocation; <see cref="VirtioDevice.SetUpQueue"/> then reuses the existing ring or fails.</summary>
internal sealed class NoAllocation : DmaAllocator
{
    public static readonly NoAllocation Instance = new NoAllocation();

    public override DmaRegion? Allocate(int length, int alignment) => null;
}
