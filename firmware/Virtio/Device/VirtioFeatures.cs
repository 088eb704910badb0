// Device-independent feature bits this layer understands (virtio 1.3 §6, Reserved Feature Bits).
using System;

namespace Virtio;

/// <summary>
/// Transport and ring feature bits (virtio 1.3 §6) as a 64-bit mask. Device-type bits (0 to 23) are the
/// caller's business and pass through <see cref="FeatureNegotiation"/> untouched if offered.
/// </summary>
[Flags]
public enum VirtioFeatures : ulong
{
    None = 0,
    /// <summary>Bit 28: indirect descriptors (not used by this driver).</summary>
    IndirectDescriptors = 1UL << 28,
    /// <summary>Bit 29: used_event / avail_event notification suppression.</summary>
    EventIndex = 1UL << 29,
    /// <summary>Bit 32: the device complies with virtio 1.x (never offered by a legacy device).</summary>
    Version1 = 1UL << 32,
    /// <summary>Bit 33: the device sits behind an IOMMU or similar translation.</summary>
    AccessPlatform = 1UL << 33,
    /// <summary>Bit 34: packed virtqueue layout (not used by this driver).</summary>
    RingPacked = 1UL << 34,
    /// <summary>Bit 35: the device uses buffers in order.</summary>
    InOrder = 1UL << 35,
    /// <summary>Bit 36: hardware-strength barriers are needed.</summary>
    OrderPlatform = 1UL << 36,
    /// <summary>Bit 38: extra data in available-buffer notifications.</summary>
    NotificationData = 1UL << 38,
    /// <summary>Bit 40: individual queues can be reset.</summary>
    RingReset = 1UL << 40,
}
