// Device-independent virtio feature bits the queue service cares about (device and transport bits live with their layers).
namespace ScmiPlatform.Virtqueue;

/// <summary>
/// Feature bits (virtio 1.3 §6 "Reserved Feature Bits"). Device-specific bits (0-23) are named by their
/// device (<see cref="ScmiPlatform.Device.ScmiFeatures"/>), transport bits by their transport
/// (<see cref="ScmiPlatform.VhostUser.VhostUserFeatures"/>); all combine in this one 64-bit set.
/// </summary>
[Flags]
public enum VirtioFeatures : ulong
{
    None = 0,
    /// <summary>VIRTIO_F_NOTIFY_ON_EMPTY (bit 24, legacy).</summary>
    NotifyOnEmpty = 1UL << 24,
    /// <summary>VIRTIO_F_INDIRECT_DESC (bit 28).</summary>
    IndirectDescriptors = 1UL << 28,
    /// <summary>VIRTIO_F_EVENT_IDX (bit 29).</summary>
    EventIndex = 1UL << 29,
    /// <summary>VIRTIO_F_VERSION_1 (bit 32).</summary>
    Version1 = 1UL << 32,
    /// <summary>VIRTIO_F_RING_RESET (bit 40).</summary>
    RingReset = 1UL << 40,
}
