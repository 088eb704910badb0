// Where each part of a split virtqueue lives inside one contiguous region (virtio 1.3 §2.7, §2.7.2).
namespace Virtio;

/// <summary>
/// Byte offsets of the descriptor table, available ring and used ring of a split virtqueue of a given
/// size, laid out contiguously as the legacy interface requires (virtio 1.3 §2.7.2): descriptor table,
/// available ring, padding up to <see cref="UsedAlignment"/>, used ring. A modern device accepts the
/// same layout through three separate addresses, so one layout serves both register layouts.
/// </summary>
public readonly struct SplitQueueLayout
{
    /// <summary>Bytes per descriptor: le64 addr, le32 len, le16 flags, le16 next.</summary>
    public const int DescriptorSize = 16;
    /// <summary>Bytes per used element: le32 id, le32 len.</summary>
    public const int UsedElementSize = 8;
    /// <summary>Bytes of flags plus idx heading each ring.</summary>
    public const int RingHeaderSize = 4;
    /// <summary>Alignment of the descriptor table (§2.7).</summary>
    public const int DescriptorTableAlignment = 16;
    /// <summary>Minimum alignment of the used ring (§2.7); the legacy layout uses the page size instead.</summary>
    public const int MinimumUsedAlignment = 4;
    /// <summary>The largest queue size the split format allows (§2.7).</summary>
    public const int MaximumSize = 32768;

    /// <summary>Lays out a queue of <paramref name="size"/> entries (a power of two) with the used ring aligned to <paramref name="usedAlignment"/> (a power of two, at least 4).</summary>
    public SplitQueueLayout(ushort size, int usedAlignment)
    {
        Size = size;
        UsedAlignment = usedAlignment;
    }

    /// <summary>Queue size: number of descriptors, available slots and used slots.</summary>
    public ushort Size { get; }

    /// <summary>Alignment of the used ring inside the region.</summary>
    public int UsedAlignment { get; }

    /// <summary>True when the size is a non-zero power of two within the split format's limit (§2.7: "Queue Size value is always a power of 2").</summary>
    public static bool IsValidSize(int size) => size > 0 && size <= MaximumSize && (size & (size - 1)) == 0;

    /// <summary>Offset of descriptor <paramref name="id"/>.</summary>
    public int Descriptor(int id) => id * DescriptorSize;

    /// <summary>Offset of the available ring (the driver area).</summary>
    public int AvailableRing => Size * DescriptorSize;
    /// <summary>Offset of avail.flags.</summary>
    public int AvailableFlags => AvailableRing;
    /// <summary>Offset of avail.idx.</summary>
    public int AvailableIndex => AvailableRing + 2;
    /// <summary>Offset of avail.ring[<paramref name="slot"/>].</summary>
    public int AvailableSlot(int slot) => AvailableRing + RingHeaderSize + 2 * slot;
    /// <summary>Offset of avail.used_event, just after the ring (only meaningful with VIRTIO_F_EVENT_IDX).</summary>
    public int UsedEvent => AvailableSlot(Size);
    /// <summary>Bytes of the available ring including used_event: 6 + 2 * size.</summary>
    public int AvailableRingBytes => RingHeaderSize + 2 * Size + 2;

    /// <summary>Offset of the used ring (the device area).</summary>
    public int UsedRing => AlignUp(AvailableRing + AvailableRingBytes, UsedAlignment);
    /// <summary>Offset of used.flags.</summary>
    public int UsedFlags => UsedRing;
    /// <summary>Offset of used.idx.</summary>
    public int UsedIndex => UsedRing + 2;
    /// <summary>Offset of used.ring[<paramref name="slot"/>].</summary>
    public int UsedSlot(int slot) => UsedRing + RingHeaderSize + UsedElementSize * slot;
    /// <summary>Offset of used.avail_event, just after the ring (only meaningful with VIRTIO_F_EVENT_IDX).</summary>
    public int AvailEvent => UsedSlot(Size);
    /// <summary>Bytes of the used ring including avail_event: 6 + 8 * size.</summary>
    public int UsedRingBytes => RingHeaderSize + UsedElementSize * Size + 2;

    /// <summary>Bytes the whole queue needs (§2.7.2: both parts rounded up to the alignment).</summary>
    public int TotalBytes => UsedRing + AlignUp(UsedRingBytes, UsedAlignment);

    /// <summary>Rounds <paramref name="value"/> up to a multiple of <paramref name="alignment"/> (a power of two).</summary>
    public static int AlignUp(int value, int alignment) => (value + alignment - 1) & ~(alignment - 1);
}
