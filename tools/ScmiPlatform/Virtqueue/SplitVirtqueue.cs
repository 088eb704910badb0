// The device side of one split virtqueue: reads the avail ring, walks chains, writes the used ring.
namespace ScmiPlatform.Virtqueue;

/// <summary>
/// Theory of operation. The driver owns a descriptor from the moment it writes it until its head
/// appears in the avail ring at an index the device has not consumed yet; from then the device owns the
/// whole chain until it writes the head into a used element and publishes the used idx past it; then the
/// driver owns it again. This class keeps the device's two private cursors, <see cref="NextAvailIndex"/>
/// (next avail entry to consume, vhost-user's "base") and <see cref="NextUsedIndex"/>, both wrapping
/// 16-bit counters, and touches guest memory only through <see cref="GuestMemory"/>.
/// The ring addresses are checked once, at creation, to lie inside guest memory; every descriptor is
/// checked when walked. Not thread-safe: the owner serialises calls.
/// </summary>
public sealed class SplitVirtqueue
{
    private readonly ulong _descriptorTable;
    private readonly ulong _availRing;
    private readonly ulong _usedRing;
    private readonly int[] _directVisit;
    private readonly int[] _indirectVisit;
    private int _walkStamp;

    private SplitVirtqueue(GuestMemory memory, int size, ulong descriptorTable, ulong availRing, ulong usedRing,
        VirtioFeatures features, ushort nextAvailIndex, ushort nextUsedIndex)
    {
        Memory = memory;
        Size = size;
        _descriptorTable = descriptorTable;
        _availRing = availRing;
        _usedRing = usedRing;
        IndirectDescriptors = features.HasFlag(VirtioFeatures.IndirectDescriptors);
        EventIndex = features.HasFlag(VirtioFeatures.EventIndex);
        NextAvailIndex = nextAvailIndex;
        NextUsedIndex = nextUsedIndex;
        _directVisit = new int[size];
        _indirectVisit = new int[size];
    }

    public GuestMemory Memory { get; }
    public int Size { get; }
    public bool IndirectDescriptors { get; }
    public bool EventIndex { get; }
    /// <summary>The next avail ring entry the device will consume (what GET_VRING_BASE returns).</summary>
    public ushort NextAvailIndex { get; private set; }
    /// <summary>The used idx the device has published.</summary>
    public ushort NextUsedIndex { get; private set; }

    /// <summary>
    /// Validates a ring layout and creates the queue. The used idx is taken from the ring itself, so a
    /// restarted ring continues where the previous owner stopped.
    /// </summary>
    public static SplitVirtqueue? TryCreate(GuestMemory memory, int size, ulong descriptorTable, ulong availRing,
        ulong usedRing, VirtioFeatures features, ushort nextAvailIndex, out string? error)
    {
        error = null;
        if (!SplitRingLayout.IsValidQueueSize(size))
        {
            error = $"queue size {size} is not a power of two up to {SplitRingLayout.MaxQueueSize}";
        }
        // virtio 1.3 §2.7: alignment requirements of the descriptor table (16), avail (2) and used (4) rings.
        else if (descriptorTable % SplitRingLayout.DescriptorTableAlignment != 0
                 || availRing % SplitRingLayout.AvailRingAlignment != 0
                 || usedRing % SplitRingLayout.UsedRingAlignment != 0)
        {
            error = $"ring addresses misaligned (desc 0x{descriptorTable:x}, avail 0x{availRing:x}, used 0x{usedRing:x})";
        }
        else if (!memory.Contains(descriptorTable, SplitRingLayout.DescriptorTableBytes(size)))
        {
            error = $"descriptor table 0x{descriptorTable:x} (+{SplitRingLayout.DescriptorTableBytes(size)}) is outside guest memory";
        }
        else if (!memory.Contains(availRing, SplitRingLayout.AvailRingBytes(size)))
        {
            error = $"avail ring 0x{availRing:x} (+{SplitRingLayout.AvailRingBytes(size)}) is outside guest memory";
        }
        else if (!memory.Contains(usedRing, SplitRingLayout.UsedRingBytes(size)))
        {
            error = $"used ring 0x{usedRing:x} (+{SplitRingLayout.UsedRingBytes(size)}) is outside guest memory";
        }
        if (error is not null)
            return null;
        memory.TryReadUInt16(usedRing + SplitRingLayout.UsedIndexOffset, out ushort usedIndex);
        return new SplitVirtqueue(memory, size, descriptorTable, availRing, usedRing, features, nextAvailIndex, usedIndex);
    }

    /// <summary>Chains the driver has made available and the device has not consumed, or -1 when the index is broken.</summary>
    public int PendingCount()
    {
        if (!TryReadAvailIndex(out ushort availIndex))
            return -1;
        int pending = (ushort)(availIndex - NextAvailIndex);
        return pending > Size ? -1 : pending;
    }

    /// <summary>The driver's avail idx as published now, or null when the ring memory is gone.</summary>
    public ushort? ReadDriverAvailIndex() => TryReadAvailIndex(out ushort index) ? index : null;

    /// <summary>Reads the head of the next available chain without consuming it.</summary>
    public AvailState TryPeek(out ushort head)
    {
        head = 0;
        if (!TryReadAvailIndex(out ushort availIndex))
            return AvailState.Unreachable;
        int pending = (ushort)(availIndex - NextAvailIndex);
        if (pending == 0)
            return AvailState.Empty;
        // virtio 1.3 §2.7.6: idx "is where the driver would put the next descriptor entry in the ring"; more than
        // Size entries ahead of what the device consumed cannot be: the driver is broken.
        if (pending > Size)
            return AvailState.Broken;
        ulong entry = _availRing + SplitRingLayout.AvailRingOffset + (ulong)(SplitRingLayout.AvailEntrySize * (NextAvailIndex % Size));
        return Memory.TryReadUInt16(entry, out head) ? AvailState.Ready : AvailState.Unreachable;
    }

    /// <summary>Consumes the avail entry last peeked: from now the device owns that chain.</summary>
    public void Advance() => NextAvailIndex++;

    /// <summary>
    /// Walks the chain starting at <paramref name="head"/>, validating every descriptor, into <paramref name="chain"/>.
    /// </summary>
    /// <param name="maxBytesPerDirection">Refuse chains with more readable (or writable) bytes than this.</param>
    public ChainDefect ReadChain(ushort head, DescriptorChain chain, ulong maxBytesPerDirection = uint.MaxValue)
    {
        chain.Reset(head);
        chain.Defect = Walk(head, chain, maxBytesPerDirection);
        return chain.Defect;
    }

    /// <summary>
    /// Returns a chain to the driver: writes the used element, then publishes the used idx past it.
    /// Returns true when the driver wants a used-buffer notification for it.
    /// </summary>
    public bool PublishUsed(uint head, uint writtenLength)
    {
        ulong element = _usedRing + SplitRingLayout.UsedRingOffset + (ulong)(SplitRingLayout.UsedElementSize * (NextUsedIndex % Size));
        bool ok = Memory.TryWriteUInt32(element, head) && Memory.TryWriteUInt32(element + 4, writtenLength);
        ushort previous = NextUsedIndex;
        ushort next = (ushort)(previous + 1);
        // virtio 1.3 §2.7.8.2: "The device MUST set len prior to updating the used idx."
        PublishUsedIndex(next);
        NextUsedIndex = next;
        return ok && DriverWantsNotification(previous, next);
    }

    /// <summary>
    /// Asks the driver for an available-buffer notification once it adds past what was consumed
    /// (avail_event with EVENT_IDX, clearing NO_NOTIFY otherwise), then re-checks the ring so a chain
    /// added meanwhile is not missed. Returns true when chains are pending after all.
    /// </summary>
    public bool ArmAvailNotification()
    {
        if (EventIndex)
            // virtio 1.3 §2.7.10: with VIRTIO_F_EVENT_IDX the driver notifies when its idx passes avail_event.
            Memory.TryWriteUInt16(_usedRing + SplitRingLayout.AvailEventOffset(Size), NextAvailIndex);
        else
            Memory.TryWriteUInt16(_usedRing + SplitRingLayout.UsedFlagsOffset, (ushort)UsedRingFlags.None);
        // The hint must be visible before the re-read of avail idx, or a chain added in between goes unnoticed.
        Interlocked.MemoryBarrier();
        return PendingCount() != 0;
    }

    private ChainDefect Walk(ushort head, DescriptorChain chain, ulong maxBytes)
    {
        if (head >= Size)
            return ChainDefect.HeadOutOfRange;
        int stamp = ++_walkStamp;
        if (stamp == int.MaxValue)
        {
            Array.Clear(_directVisit);
            Array.Clear(_indirectVisit);
            _walkStamp = stamp = 1;
        }

        ulong table = _descriptorTable;
        int tableLength = Size;
        int[] visited = _directVisit;
        bool inIndirect = false;
        bool sawWritable = false;
        int walked = 0;
        uint index = head;
        while (true)
        {
            if (index >= tableLength)
                return ChainDefect.NextOutOfRange;
            // virtio 1.3 §2.7.5.2: "Drivers MUST NOT add a descriptor chain longer than 2^32 bytes in total;
            // this implies that loops in the descriptor chain are forbidden!"
            if (visited[index] == stamp)
                return ChainDefect.Loop;
            visited[index] = stamp;
            // virtio 1.3 §2.7.5.3.1: "A driver MUST NOT create a descriptor chain longer than the Queue Size of the device."
            if (++walked > Size)
                return ChainDefect.ChainTooLong;

            ulong at = table + (ulong)(SplitRingLayout.DescriptorSize * index);
            if (!Memory.TryReadUInt64(at + SplitRingLayout.DescriptorAddressOffset, out ulong address)
                || !Memory.TryReadUInt32(at + SplitRingLayout.DescriptorLengthOffset, out uint length)
                || !Memory.TryReadUInt16(at + SplitRingLayout.DescriptorFlagsOffset, out ushort rawFlags)
                || !Memory.TryReadUInt16(at + SplitRingLayout.DescriptorNextOffset, out ushort next))
            {
                return ChainDefect.AddressOutOfRange;
            }
            var flags = (DescriptorFlags)rawFlags;

            if ((flags & DescriptorFlags.Indirect) != 0)
            {
                // virtio 1.3 §2.7.5.3.1: "The driver MUST NOT set the VIRTQ_DESC_F_INDIRECT flag within an indirect descriptor".
                if (inIndirect)
                    return ChainDefect.NestedIndirect;
                // virtio 1.3 §2.7.5.3.1: "The driver MUST NOT set the VIRTQ_DESC_F_INDIRECT flag unless the VIRTIO_F_INDIRECT_DESC feature was negotiated."
                if (!IndirectDescriptors)
                    return ChainDefect.IndirectNotNegotiated;
                // virtio 1.3 §2.7.5.3.1: "A driver MUST NOT set both VIRTQ_DESC_F_INDIRECT and VIRTQ_DESC_F_NEXT in flags."
                if ((flags & DescriptorFlags.Next) != 0)
                    return ChainDefect.IndirectWithNext;
                if (length == 0 || length % SplitRingLayout.DescriptorSize != 0 || length / SplitRingLayout.DescriptorSize > (uint)Size)
                    return ChainDefect.IndirectTableBadLength;
                if (!Memory.Contains(address, length))
                    return ChainDefect.IndirectTableOutOfRange;
                // virtio 1.3 §2.7.5.3.2: "The device MUST handle the case of zero or more normal chained descriptors
                // followed by a single descriptor with flags&VIRTQ_DESC_F_INDIRECT."
                table = address;
                tableLength = (int)(length / SplitRingLayout.DescriptorSize);
                visited = _indirectVisit;
                inIndirect = true;
                index = 0;
                continue;
            }

            if (length == 0)
                return ChainDefect.ZeroLength;
            if (!Memory.Contains(address, length))
                return ChainDefect.AddressOutOfRange;
            bool writable = (flags & DescriptorFlags.Write) != 0;
            // virtio 1.3 §2.7.4.2: "The driver MUST place any device-writable descriptor elements after any device-readable descriptor elements."
            if (!writable && sawWritable)
                return ChainDefect.ReadableAfterWritable;
            sawWritable |= writable;
            if ((writable ? chain.WritableBytes : chain.ReadableBytes) + length > maxBytes)
                return ChainDefect.TooManyBytes;
            chain.Add(new BufferSegment(address, length, writable));

            if ((flags & DescriptorFlags.Next) == 0)
                return ChainDefect.None;
            index = next;
        }
    }

    /// <summary>Reads the driver's avail idx; the fence keeps ring entries and descriptors from being read before it.</summary>
    private bool TryReadAvailIndex(out ushort availIndex)
    {
        bool ok = Memory.TryReadUInt16(_availRing + SplitRingLayout.AvailIndexOffset, out availIndex);
        Interlocked.MemoryBarrier();
        return ok;
    }

    /// <summary>Publishes the used idx after the element it covers; the fence orders element before index.</summary>
    private void PublishUsedIndex(ushort index)
    {
        Interlocked.MemoryBarrier();
        Memory.TryWriteUInt16(_usedRing + SplitRingLayout.UsedIndexOffset, index);
        // The index store must be visible before the suppression hints are read below (store then load).
        Interlocked.MemoryBarrier();
    }

    private bool DriverWantsNotification(ushort previous, ushort next)
    {
        if (EventIndex)
        {
            // virtio 1.3 §2.7.7.2: with VIRTIO_F_EVENT_IDX the device notifies when idx passes used_event.
            if (!Memory.TryReadUInt16(_availRing + SplitRingLayout.UsedEventOffset(Size), out ushort usedEvent))
                return false;
            return (ushort)(next - usedEvent - 1) < (ushort)(next - previous);
        }
        // virtio 1.3 §2.7.7.2: "If flags is 1, the device SHOULD NOT send a notification."
        if (!Memory.TryReadUInt16(_availRing + SplitRingLayout.AvailFlagsOffset, out ushort availFlags))
            return false;
        return ((AvailRingFlags)availFlags & AvailRingFlags.NoInterrupt) == 0;
    }
}
