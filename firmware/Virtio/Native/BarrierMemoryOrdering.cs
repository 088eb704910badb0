// The queue's barriers on target: AArch64 DMBs through the runtime.
using Nano.Runtime.Native;

namespace Virtio;

/// <summary>
/// Maps the three orderings the split virtqueue needs to full-system DMBs: the device is another
/// observer of RAM (QEMU's device model, or real DMA), so the system domain rather than the
/// inner-shareable one.
/// </summary>
public sealed class BarrierMemoryOrdering : MemoryOrdering
{
    /// <summary>One instance serves every queue: the barriers carry no state.</summary>
    public static readonly BarrierMemoryOrdering Instance = new BarrierMemoryOrdering();

    /// <summary>dmb st: ring entries before the index that exposes them.</summary>
    public override void StoreStore() => Barrier.DataMemoryStores();

    /// <summary>dmb ld: the used index before the used elements it covers.</summary>
    public override void LoadLoad() => Barrier.DataMemoryLoads();

    /// <summary>dmb sy: a published index before reading the device's event index or flags.</summary>
    public override void Full() => Barrier.DataMemory();
}
