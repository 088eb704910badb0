// The three memory barriers the split virtqueue needs, behind an abstraction so host tests can observe them.
namespace Virtio;

/// <summary>
/// Memory barriers between the driver and a device that reads and writes the same rings.
/// On target each maps to an AArch64 DMB through the runtime; host tests substitute a double that
/// records the order of barriers and ring accesses. Each barrier is also an opaque call, so the
/// compiler can neither move ring accesses across it nor hoist a ring read out of a polling loop.
/// </summary>
public abstract class MemoryOrdering
{
    /// <summary>Orders earlier stores before later stores (descriptors before the index exposing them).</summary>
    public abstract void StoreStore();

    /// <summary>Orders earlier loads before later loads (the used index before the used elements).</summary>
    public abstract void LoadLoad();

    /// <summary>Orders earlier stores before later loads (a published index before reading the peer's event index).</summary>
    public abstract void Full();
}
