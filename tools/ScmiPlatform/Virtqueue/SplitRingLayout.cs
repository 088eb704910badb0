// Sizes and offsets of the split virtqueue's three parts, named once (virtio 1.3 §2.7).
namespace ScmiPlatform.Virtqueue;

/// <summary>Byte layout of a split virtqueue (virtio 1.3 §2.7.5, §2.7.6, §2.7.8).</summary>
public static class SplitRingLayout
{
    // virtio 1.3 §2.7: "Queue Size value is always a power of 2. The maximum Queue Size value is 32768."
    public const int MaxQueueSize = 32768;

    /// <summary>struct virtq_desc { le64 addr; le32 len; le16 flags; le16 next; }</summary>
    public const int DescriptorSize = 16;
    public const int DescriptorAddressOffset = 0;
    public const int DescriptorLengthOffset = 8;
    public const int DescriptorFlagsOffset = 12;
    public const int DescriptorNextOffset = 14;

    /// <summary>struct virtq_avail { le16 flags; le16 idx; le16 ring[size]; le16 used_event; }</summary>
    public const int AvailFlagsOffset = 0;
    public const int AvailIndexOffset = 2;
    public const int AvailRingOffset = 4;
    public const int AvailEntrySize = 2;

    /// <summary>struct virtq_used { le16 flags; le16 idx; struct virtq_used_elem ring[size]; le16 avail_event; }</summary>
    public const int UsedFlagsOffset = 0;
    public const int UsedIndexOffset = 2;
    public const int UsedRingOffset = 4;
    /// <summary>struct virtq_used_elem { le32 id; le32 len; }</summary>
    public const int UsedElementSize = 8;

    // virtio 1.3 §2.7 (alignment table): descriptor table 16, available ring 2, used ring 4.
    public const int DescriptorTableAlignment = 16;
    public const int AvailRingAlignment = 2;
    public const int UsedRingAlignment = 4;

    public static bool IsValidQueueSize(int size) => size > 0 && size <= MaxQueueSize && (size & (size - 1)) == 0;

    public static ulong DescriptorTableBytes(int size) => (ulong)(DescriptorSize * size);

    /// <summary>flags + idx + ring + used_event.</summary>
    public static ulong AvailRingBytes(int size) => (ulong)(AvailRingOffset + AvailEntrySize * size + 2);

    /// <summary>flags + idx + ring + avail_event.</summary>
    public static ulong UsedRingBytes(int size) => (ulong)(UsedRingOffset + UsedElementSize * size + 2);

    public static ulong UsedEventOffset(int size) => (ulong)(AvailRingOffset + AvailEntrySize * size);

    public static ulong AvailEventOffset(int size) => (ulong)(UsedRingOffset + UsedElementSize * size);
}
