// Descriptor and ring flag bits of the split virtqueue.
namespace ScmiPlatform.Virtqueue;

/// <summary>virtq_desc.flags (virtio 1.3 §2.7.5).</summary>
[Flags]
public enum DescriptorFlags : ushort
{
    None = 0,
    /// <summary>VIRTQ_DESC_F_NEXT: the buffer continues via the next field.</summary>
    Next = 0b001,
    /// <summary>VIRTQ_DESC_F_WRITE: device-writable (otherwise device-readable).</summary>
    Write = 0b010,
    /// <summary>VIRTQ_DESC_F_INDIRECT: the buffer holds a table of descriptors.</summary>
    Indirect = 0b100,
}

/// <summary>virtq_avail.flags (virtio 1.3 §2.7.6).</summary>
[Flags]
public enum AvailRingFlags : ushort
{
    None = 0,
    /// <summary>VIRTQ_AVAIL_F_NO_INTERRUPT: the driver asks not to be notified (ignored with EVENT_IDX).</summary>
    NoInterrupt = 1,
}

/// <summary>virtq_used.flags (virtio 1.3 §2.7.8).</summary>
[Flags]
public enum UsedRingFlags : ushort
{
    None = 0,
    /// <summary>VIRTQ_USED_F_NO_NOTIFY: the device asks not to be kicked (ignored with EVENT_IDX).</summary>
    NoNotify = 1,
}
