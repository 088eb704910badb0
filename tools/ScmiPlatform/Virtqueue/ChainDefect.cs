// Why a descriptor chain was refused; one value per rule the walk enforces.
namespace ScmiPlatform.Virtqueue;

/// <summary>The first rule a descriptor chain broke (None when it is well formed).</summary>
public enum ChainDefect
{
    None,
    /// <summary>The avail ring names a head index not below the queue size.</summary>
    HeadOutOfRange,
    /// <summary>A next field (or an indirect table entry's next) points past the table.</summary>
    NextOutOfRange,
    /// <summary>The chain revisits a descriptor.</summary>
    Loop,
    /// <summary>More descriptors than the queue size.</summary>
    ChainTooLong,
    /// <summary>A buffer is not entirely inside one guest memory region.</summary>
    AddressOutOfRange,
    /// <summary>A buffer of zero bytes.</summary>
    ZeroLength,
    /// <summary>A device-readable buffer after a device-writable one.</summary>
    ReadableAfterWritable,
    /// <summary>VIRTQ_DESC_F_INDIRECT without VIRTIO_F_INDIRECT_DESC negotiated.</summary>
    IndirectNotNegotiated,
    /// <summary>VIRTQ_DESC_F_INDIRECT together with VIRTQ_DESC_F_NEXT.</summary>
    IndirectWithNext,
    /// <summary>VIRTQ_DESC_F_INDIRECT inside an indirect table.</summary>
    NestedIndirect,
    /// <summary>An indirect table whose length is zero, not a multiple of 16, or longer than the queue.</summary>
    IndirectTableBadLength,
    /// <summary>An indirect table not entirely inside one guest memory region.</summary>
    IndirectTableOutOfRange,
    /// <summary>More bytes than this queue accepts per message.</summary>
    TooManyBytes,
    /// <summary>The buffer directions do not fit the queue (cmdq: readable then writable; eventq: writable only).</summary>
    WrongDirection,
}
