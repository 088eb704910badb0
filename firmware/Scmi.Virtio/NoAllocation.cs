// A DMA allocator that never gives memory: used when queues are set up again, so a repair can never allocate.
using Virtio;

namespace Scmi.Virtio;

/// <summary>Refuses every allocation (one instance per transport, made at bring-up: no static constructor runs in IRQ context); <see cref="VirtioDevice.SetUpQueue"/> then reuses the existing ring or fails.</summary>
internal sealed class NoAllocation : DmaAllocator
{
    public override DmaRegion? Allocate(int length, int alignment) => null;
}
