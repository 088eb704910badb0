// The driver side of a split virtqueue (virtio 1.3 §2.7): descriptors out, used buffers back, checked.
using System;
using System.Buffers.Binary;
using System.Threading;

namespace Virtio;

/// <summary>
/// The driver side of one split virtqueue over a contiguous ring region.
/// </summary>
/// <remarks>
/// <para><b>Theory of operation.</b> The ring region holds three parts (§2.7): the descriptor table and
/// the available ring, written only by the driver, and the used ring, written only by the device.
/// Everything the driver needs to remember lives in private arrays (free list, chain length,
/// writable bytes, token per head), so nothing the device can write is ever used to walk or free a
/// chain. Indices are free-running 16-bit counters (<see cref="RingIndex"/>).</para>
/// <para><b>Buffer ownership per state.</b></para>
/// <list type="bullet">
/// <item><b>Free</b>: descriptor on the private free list; the driver owns it and the memory it described.</item>
/// <item><b>Placed</b> (<see cref="Submit"/>): descriptors written and the head put in the next avail slot,
/// but avail.idx not yet moved. The device cannot see it; the caller must not touch the buffers,
/// since it will be published by the next <see cref="Kick"/>.</item>
/// <item><b>Exposed</b> (<see cref="Kick"/>): avail.idx covers the head. The device owns the buffers and may
/// read or write them at any moment; the driver must not alter them (§3.3.1).</item>
/// <item><b>Used</b>: the device wrote the head into the used ring and moved used.idx. The device has let
/// go, but the driver has not looked yet.</item>
/// <item><b>Returned</b> (<see cref="TryTakeUsed"/>): id and length checked, descriptors back on the free
/// list; the caller owns its buffers again and may trust the first WrittenLength bytes (§2.7.8.3).</item>
/// </list>
/// <para>After a device reset no buffer is live any more (§3.3), and <see cref="ReclaimAfterReset"/>
/// returns every chain to the free list at once.</para>
/// <para><b>Concurrency.</b> One queue has one owner at a time and is not re-entrant: both the submit side
/// (<see cref="Submit"/>, <see cref="Kick"/>) and the completion side (<see cref="TryTakeUsed"/>) update the
/// free list and counts. Every mutating method marks itself running on entry and panics when it finds
/// another running (<see cref="QueueMisuse"/>, Linux's START_USE/END_USE): an interrupt handler that drains
/// the ring while the thread it interrupted is inside <see cref="Kick"/> stops the machine instead of
/// corrupting the free list. The caller keeps contexts apart (mask the device's interrupt around a
/// submission, or claim the queue with a compare-and-swap owner word; see README, "One owner per queue").
/// Read-only properties (<see cref="InFlight"/>, <see cref="FreeDescriptors"/>, <see cref="IsBroken"/>...)
/// may be polled from any context. The device itself never touches the private state.</para>
/// <para><b>Ordering.</b> Descriptors and avail slots are written before a store-store barrier and the
/// avail.idx store (<see cref="PublishAvailIndex"/>); a full barrier separates that store from reading
/// the device's suppression fields; used.idx is read before a load-load barrier and the used elements
/// (<see cref="ReadUsedIndex"/>); re-enabling used-buffer notifications is followed by a full barrier
/// and a second look at used.idx (§2.7.14).</para>
/// </remarks>
public sealed class SplitQueue
{
    private const ushort DescriptorFlagNext = 1;   // VIRTQ_DESC_F_NEXT
    private const ushort DescriptorFlagWrite = 2;  // VIRTQ_DESC_F_WRITE
    private const ushort AvailFlagNoInterrupt = 1; // VIRTQ_AVAIL_F_NO_INTERRUPT
    private const ushort UsedFlagNoNotify = 1;     // VIRTQ_USED_F_NO_NOTIFY

    private readonly DmaRegion _ring;
    private readonly SplitQueueLayout _layout;
    private readonly MemoryOrdering _ordering;
    private readonly QueueNotifier _notifier;

    // Driver-private state, indexed by descriptor id. For a free descriptor _link is the next free one;
    // for a descriptor in a chain it is the next in the chain (the free list hands out runs in link order).
    private readonly ushort[] _link;
    private readonly ushort[] _chainLength;   // per head: descriptors in its chain; 0 = not a head in flight
    private readonly uint[] _writableBytes;   // per head: total device-writable bytes of its chain
    private readonly int[] _tokens;           // per head: the caller's token
    private readonly ushort[] _availPosition; // per head: the avail index its slot was placed at (published once _publishedAvail passes it)

    // Only the owner writes these; the ones behind public properties (free count, in flight, callbacks,
    // broken and its reason) are written and read through Volatile, since other contexts poll them.
    private ushort _freeHead;
    private int _freeCount;
    private ushort _nextAvail;          // avail.idx the driver will publish next
    private ushort _publishedAvail;     // avail.idx as last written to the ring
    private ushort _availAtLastKick;    // avail.idx when the last notification decision was made
    private ushort _nextUsed;           // next used.idx the driver will consume
    private int _inFlight;              // chains placed and not yet returned
    private bool _callbacksEnabled;
    private bool _live;                 // DRIVER_OK set: notifications allowed (§3.1.1)
    private bool _notificationDeferred; // a kick happened before DRIVER_OK
    private bool _broken;
    private int _brokenReason;          // a BrokenRingReason, as int for Volatile
    private int _running;               // the QueueOperation inside the queue now (re-entry guard)

    private SplitQueue(ushort index, DmaRegion ring, SplitQueueLayout layout, bool eventIndex,
        MemoryOrdering ordering, QueueNotifier notifier)
    {
        Index = index;
        _ring = ring;
        _layout = layout;
        EventIndex = eventIndex;
        _ordering = ordering;
        _notifier = notifier;
        int size = layout.Size;
        _link = new ushort[size];
        _chainLength = new ushort[size];
        _writableBytes = new uint[size];
        _tokens = new int[size];
        _availPosition = new ushort[size];
        Counters = new QueueCounters();
        ResetState();
    }

    /// <summary>
    /// Allocates the ring and the private state of a queue of <paramref name="size"/> entries (a power of two
    /// up to 32768) during bring-up; null when the size is invalid or memory is exhausted.
    /// <paramref name="usedAlignment"/> is 4 for a modern device and the page size for a legacy one (§2.7.2).
    /// </summary>
    public static SplitQueue? Create(ushort index, ushort size, int usedAlignment, bool eventIndex,
        DmaAllocator allocator, MemoryOrdering ordering, QueueNotifier notifier)
    {
        if (!SplitQueueLayout.IsValidSize(size) || usedAlignment < SplitQueueLayout.MinimumUsedAlignment
            || (usedAlignment & (usedAlignment - 1)) != 0)
        {
            return null;
        }
        var layout = new SplitQueueLayout(size, usedAlignment);
        // §2.7.1: "The driver MUST ensure that the physical address of the first byte of each virtqueue
        // part is a multiple of the specified alignment value"; the region start carries the strictest.
        int alignment = usedAlignment > SplitQueueLayout.DescriptorTableAlignment ? usedAlignment : SplitQueueLayout.DescriptorTableAlignment;
        DmaRegion? ring = allocator.Allocate(layout.TotalBytes, alignment);
        if (ring is null)
            return null;
        return new SplitQueue(index, ring, layout, eventIndex, ordering, notifier);
    }

    /// <summary>The queue's index within its device (the value QueueSel and QueueNotify take).</summary>
    public ushort Index { get; }

    /// <summary>Number of descriptors, and of slots in each ring.</summary>
    public ushort Size => _layout.Size;

    /// <summary>True when VIRTIO_F_EVENT_IDX was negotiated: used_event/avail_event replace the flag fields.</summary>
    public bool EventIndex { get; }

    /// <summary>Descriptors not in any chain.</summary>
    public int FreeDescriptors => Volatile.Read(ref _freeCount);

    /// <summary>Chains placed or exposed and not yet returned.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>True after the device broke a used-ring invariant (<see cref="BrokenReason"/>); only a device reset recovers.</summary>
    public bool IsBroken => Volatile.Read(ref _broken);

    /// <summary>What the device did to break the queue; <see cref="BrokenRingReason.None"/> while it is sound.</summary>
    public BrokenRingReason BrokenReason => (BrokenRingReason)Volatile.Read(ref _brokenReason);

    /// <summary>Traffic and rejection counts.</summary>
    public QueueCounters Counters { get; }

    /// <summary>The ring region's layout.</summary>
    public SplitQueueLayout Layout => _layout;

    /// <summary>Physical address of the whole contiguous ring (the legacy QueuePFN page).</summary>
    public ulong RingAddress => _ring.PhysicalAddress;
    /// <summary>Physical address of the descriptor table (modern QueueDesc).</summary>
    public ulong DescriptorAreaAddress => _ring.PhysicalAddress;
    /// <summary>Physical address of the available ring (modern QueueDriver).</summary>
    public ulong DriverAreaAddress => _ring.PhysicalAddress + (ulong)_layout.AvailableRing;
    /// <summary>Physical address of the used ring (modern QueueDevice).</summary>
    public ulong DeviceAreaAddress => _ring.PhysicalAddress + (ulong)_layout.UsedRing;

    // ---------------------------------------------------------------- supplying buffers (§2.7.13)

    /// <summary>
    /// Places one chain (device-readable elements, then device-writable ones, §2.7.4) in the descriptor
    /// table and the next available slot. The chain becomes visible to the device only at the next
    /// <see cref="Kick"/>, so several chains can be batched. On any refusal nothing is written.
    /// </summary>
    public QueueStatus Submit(ReadOnlySpan<DmaSlice> readable, ReadOnlySpan<DmaSlice> writable, int token, out ushort head)
    {
        Enter(QueueOperation.Submit);
        QueueStatus status = SubmitChain(readable, writable, token, out head);
        Exit();
        return status;
    }

    private QueueStatus SubmitChain(ReadOnlySpan<DmaSlice> readable, ReadOnlySpan<DmaSlice> writable, int token, out ushort head)
    {
        head = 0;
        if (_broken)
            return QueueStatus.Broken;
        int count = readable.Length + writable.Length;
        if (count == 0)
            return QueueStatus.EmptyChain;
        if (count > _freeCount)
            return QueueStatus.Full;

        ulong totalBytes = 0;
        ulong writableBytes = 0;
        for (int i = 0; i < readable.Length; i++)
        {
            if (readable[i].IsEmpty)
                return QueueStatus.InvalidBuffer;
            totalBytes += readable[i].Length;
        }
        for (int i = 0; i < writable.Length; i++)
        {
            if (writable[i].IsEmpty)
                return QueueStatus.InvalidBuffer;
            writableBytes += writable[i].Length;
        }
        totalBytes += writableBytes;
        // §2.7.5.2: "Drivers MUST NOT add a descriptor chain longer than 2^32 bytes in total".
        if (totalBytes > uint.MaxValue)
            return QueueStatus.ChainTooLong;

        // §2.7.13.1: take free descriptors and chain them; the free list is private, so the run it
        // hands out is already linked in order.
        head = _freeHead;
        ushort id = head;
        for (int i = 0; i < count; i++)
        {
            bool isWritable = i >= readable.Length;
            DmaSlice element = isWritable ? writable[i - readable.Length] : readable[i];
            bool isLast = i == count - 1;
            ushort flags = (ushort)((isWritable ? DescriptorFlagWrite : 0) | (isLast ? 0 : DescriptorFlagNext));
            ushort next = isLast ? (ushort)0 : _link[id];
            WriteDescriptor(id, element.Address, element.Length, flags, next);
            if (!isLast)
                id = next;
        }
        _freeHead = _link[id];
        Volatile.Write(ref _freeCount, _freeCount - count);
        _chainLength[head] = (ushort)count;
        _writableBytes[head] = (uint)writableBytes;
        _tokens[head] = token;
        _availPosition[head] = _nextAvail;

        // §2.7.13.2: "avail->ring[(avail->idx + added++) % qsz] = head;" — idx itself moves in Kick.
        BinaryPrimitives.WriteUInt16LittleEndian(RingSpan(_layout.AvailableSlot(RingIndex.Slot(_nextAvail, Size)), 2), head);
        _nextAvail++;
        Volatile.Write(ref _inFlight, _inFlight + 1);
        Counters.CountSubmitted();
        return QueueStatus.Ok;
    }

    /// <summary>Places a chain of one device-writable element (the shape of an entropy request or an event buffer).</summary>
    public QueueStatus SubmitWritable(DmaSlice writable, int token, out ushort head)
    {
        Span<DmaSlice> one = stackalloc DmaSlice[1];
        one[0] = writable;
        return Submit(ReadOnlySpan<DmaSlice>.Empty, one, token, out head);
    }

    /// <summary>Places a chain of one device-readable element followed by one device-writable element (a request and its reply).</summary>
    public QueueStatus SubmitRequest(DmaSlice request, DmaSlice reply, int token, out ushort head)
    {
        Span<DmaSlice> readable = stackalloc DmaSlice[1];
        Span<DmaSlice> writable = stackalloc DmaSlice[1];
        readable[0] = request;
        writable[0] = reply;
        return Submit(readable, writable, token, out head);
    }

    /// <summary>
    /// Exposes every placed chain by publishing avail.idx, then notifies the device unless it asked not
    /// to be (§2.7.10). Returns true when a notification was written. Before DRIVER_OK the index is
    /// published but the notification is held back until <see cref="MarkLive"/> (§3.1.1).
    /// </summary>
    public bool Kick()
    {
        Enter(QueueOperation.Kick);
        bool notified = PublishAndNotify();
        Exit();
        return notified;
    }

    private bool PublishAndNotify()
    {
        if (_broken)
            return false;
        ushort newIndex = _nextAvail;
        if (newIndex != _publishedAvail)
            PublishAvailIndex(newIndex);

        // §2.7.13.4.1: "The driver MUST perform a suitable memory barrier before reading flags or
        // avail_event, to avoid missing a notification."
        _ordering.Full();
        bool needed;
        if (EventIndex)
        {
            // §2.7.10.1: with VIRTIO_F_EVENT_IDX, notify when idx passed avail_event since the last kick.
            ushort availEvent = BinaryPrimitives.ReadUInt16LittleEndian(RingSpan(_layout.AvailEvent, 2));
            needed = RingIndex.CrossedEvent(availEvent, newIndex, _availAtLastKick);
        }
        else
        {
            // §2.7.10.1: "If flags is 0, the driver MUST send a notification"; if 1 it SHOULD NOT.
            ushort usedFlags = BinaryPrimitives.ReadUInt16LittleEndian(RingSpan(_layout.UsedFlags, 2));
            needed = (usedFlags & UsedFlagNoNotify) == 0 && newIndex != _availAtLastKick;
        }
        _availAtLastKick = newIndex;

        if (!needed)
        {
            Counters.CountNotificationSuppressed();
            return false;
        }
        if (!_live)
        {
            // §3.1.1: "The driver MUST NOT send any buffer available notifications to the device before setting DRIVER_OK."
            _notificationDeferred = true;
            return false;
        }
        _notifier.NotifyQueue(Index);
        Counters.CountNotificationSent();
        return true;
    }

    /// <summary>
    /// Called by the device once DRIVER_OK is set: from now on notifications may be sent, and one held back
    /// by an earlier <see cref="Kick"/> goes out now.
    /// </summary>
    public void MarkLive()
    {
        Enter(QueueOperation.MarkLive);
        _live = true;
        if (_notificationDeferred)
        {
            _notificationDeferred = false;
            _notifier.NotifyQueue(Index);
            Counters.CountNotificationSent();
        }
        Exit();
    }

    // ---------------------------------------------------------------- receiving used buffers (§2.7.14)

    /// <summary>
    /// Takes the next chain the device returned, after checking it. A used index that jumps ahead of the
    /// published chains or goes backwards, and an id out of range, not heading a chain in flight or naming a
    /// chain never published each break the queue (<see cref="BrokenReason"/>, counted). A length beyond the
    /// chain's writable bytes is counted and returns the chain with length 0 (<see cref="QueueStatus.UsedLengthTooLarge"/>);
    /// the ring itself stays sound.
    /// Returns <see cref="QueueStatus.Empty"/> when nothing new was used.
    /// </summary>
    public QueueStatus TryTakeUsed(out UsedBuffer used)
    {
        Enter(QueueOperation.TryTakeUsed);
        QueueStatus status = TakeNextUsed(out used);
        Exit();
        return status;
    }

    private QueueStatus TakeNextUsed(out UsedBuffer used)
    {
        used = default;
        if (_broken)
            return QueueStatus.Broken;
        ushort deviceIndex = ReadUsedIndex();
        ushort pending = RingIndex.Distance(_nextUsed, deviceIndex);
        if (pending == 0)
            return QueueStatus.Empty;
        // Only published chains can come back: those placed since the last kick are still invisible to the device.
        int published = _inFlight - RingIndex.Distance(_publishedAvail, _nextAvail);
        if (pending > published)
        {
            // The device claims more completions than it was given: nothing in the used ring can be trusted.
            // No more than 32768 chains are ever in flight, so a distance of half the index space or more is a step back.
            Counters.CountRejectedUsedIndex();
            return Break(pending >= 0x8000 ? BrokenRingReason.UsedIndexWentBackwards : BrokenRingReason.UsedIndexJumpedAhead,
                QueueStatus.UsedIndexCorrupt);
        }

        Span<byte> element = RingSpan(_layout.UsedSlot(RingIndex.Slot(_nextUsed, Size)), SplitQueueLayout.UsedElementSize);
        uint id = BinaryPrimitives.ReadUInt32LittleEndian(element);
        uint length = BinaryPrimitives.ReadUInt32LittleEndian(element.Slice(4));

        // §2.7.8: "id indicates the head entry of the descriptor chain describing the buffer"; anything else
        // means the device and driver disagree about the ring, and a chain would leak silently (Linux: BAD_RING).
        if (id >= Size)
        {
            Counters.CountRejectedIdOutOfRange();
            return Break(BrokenRingReason.UsedIdOutOfRange, QueueStatus.UsedIdOutOfRange);
        }
        ushort head = (ushort)id;
        if (_chainLength[head] == 0)
        {
            Counters.CountRejectedIdNotInFlight();
            return Break(BrokenRingReason.UsedIdNotInFlight, QueueStatus.UsedIdNotInFlight);
        }
        if (!IsPublished(head))
        {
            // Freeing it now would let the next kick publish its slot, and a reused head, a second time.
            Counters.CountRejectedIdNotPublished();
            return Break(BrokenRingReason.UsedIdNotPublished, QueueStatus.UsedIdNotPublished);
        }

        _nextUsed++;
        if (EventIndex && _callbacksEnabled)
            RequestInterruptAt(_nextUsed);
        int token = _tokens[head];
        uint writable = _writableBytes[head];
        FreeChain(head);
        if (length > writable)
        {
            // §2.7.8.3: the driver MUST NOT make assumptions beyond len; a len beyond the buffer is a lie about
            // one buffer, not about the ring (id and index were sound): the caller gets its chain back with
            // length 0 and treats the message as malformed; the queue carries on (Linux does not break the
            // virtqueue on a length either; its drivers check it).
            Counters.CountRejectedLength();
            used = new UsedBuffer(head, 0, token);
            return QueueStatus.UsedLengthTooLarge;
        }
        Counters.CountCompleted();
        used = new UsedBuffer(head, length, token);
        return QueueStatus.Ok;
    }

    /// <summary>True when <paramref name="head"/>'s avail slot lies before the published avail.idx.</summary>
    private bool IsPublished(ushort head) =>
        RingIndex.Distance(_publishedAvail, _availPosition[head]) >= RingIndex.Distance(_publishedAvail, _nextAvail);

    /// <summary>Stops the queue (Linux's BAD_RING): every later call is refused until a reset.</summary>
    private QueueStatus Break(BrokenRingReason reason, QueueStatus status)
    {
        Volatile.Write(ref _brokenReason, (int)reason);
        Volatile.Write(ref _broken, true);
        Counters.CountBroken();
        return status;
    }

    /// <summary>True when the device has returned chains the driver has not taken yet.</summary>
    public bool HasUsed => !IsBroken && ReadUsedIndex() != _nextUsed;

    /// <summary>
    /// The device's used.idx now. Take it before a <see cref="Kick"/>, then poll
    /// <see cref="HasUsedIndexMoved"/>: the polling primitive.
    /// </summary>
    public ushort UsedIndexSnapshot() => ReadUsedIndex();

    /// <summary>True once used.idx differs from <paramref name="snapshot"/>.</summary>
    public bool HasUsedIndexMoved(ushort snapshot) => ReadUsedIndex() != snapshot;

    // ---------------------------------------------------------------- used-buffer notification suppression (§2.7.7)

    /// <summary>True while the driver asks the device for used-buffer notifications.</summary>
    public bool CallbacksEnabled => Volatile.Read(ref _callbacksEnabled);

    /// <summary>
    /// Asks the device not to send used-buffer notifications (a hint: §2.7.7 says it is not reliable,
    /// and §2.7.7.1 that the driver MUST handle spurious notifications).
    /// </summary>
    public void DisableCallbacks()
    {
        Enter(QueueOperation.DisableCallbacks);
        Volatile.Write(ref _callbacksEnabled, false);
        if (EventIndex)
        {
            // §2.7.7.1: with EVENT_IDX flags MUST stay 0; park used_event as far behind as it can be,
            // so the device reaches it only after 65536 more buffers.
            RequestInterruptAt((ushort)(_nextUsed - 1));
        }
        else
        {
            // §2.7.7.1: "The driver MAY set flags to 1 to advise the device that notifications are not needed."
            WriteAvailFlags(AvailFlagNoInterrupt);
        }
        Exit();
    }

    /// <summary>
    /// Asks for used-buffer notifications again, then looks at used.idx once more: returns true when no
    /// chain is waiting, false when one arrived meanwhile and the caller must drain the ring again
    /// ("enable, then look again", §2.7.14), since its notification may already have been suppressed.
    /// </summary>
    public bool EnableCallbacks()
    {
        Enter(QueueOperation.EnableCallbacks);
        Volatile.Write(ref _callbacksEnabled, true);
        if (EventIndex)
            RequestInterruptAt(_nextUsed);
        else
            WriteAvailFlags(0);
        // The enable store must be visible before the re-read of used.idx, or a completion in between is lost.
        _ordering.Full();
        bool drained = !HasUsed;
        Exit();
        return drained;
    }

    // ---------------------------------------------------------------- reset (§3.3)

    /// <summary>
    /// Returns every chain to the free list and clears the ring, after the device was reset (§3.3.1:
    /// "a driver MUST ensure a virtqueue isn't live (by device reset) before removing exposed buffers").
    /// The caller guarantees the reset; the queue must be set up with the device again before use.
    /// </summary>
    public void ReclaimAfterReset()
    {
        Enter(QueueOperation.ReclaimAfterReset);
        ResetState();
        Exit();
    }

    // ---------------------------------------------------------------- one owner at a time

    /// <summary>The operation running now (<see cref="QueueOperation.None"/> when the queue is idle); for diagnostics.</summary>
    public QueueOperation RunningOperation => (QueueOperation)Volatile.Read(ref _running);

    /// <summary>
    /// Linux's START_USE: a detector, not a lock. On one core a nested entry (an interrupt handler calling in
    /// while the thread it interrupted is inside) always sees the mark its victim left, so the check needs no
    /// atomic; the transport's owner word (README, "One owner per queue") is what keeps contexts apart.
    /// </summary>
    private void Enter(QueueOperation operation)
    {
        int running = Volatile.Read(ref _running);
        if (running != (int)QueueOperation.None)
            QueueMisuse.Reentered(operation, (QueueOperation)running);
        Volatile.Write(ref _running, (int)operation);
    }

    /// <summary>Linux's END_USE.</summary>
    private void Exit() => Volatile.Write(ref _running, (int)QueueOperation.None);

    // ---------------------------------------------------------------- ordering helpers

    /// <summary>Makes descriptors and avail slots visible before the index that exposes them (§2.7.13.3.1).</summary>
    private void PublishAvailIndex(ushort index)
    {
        // §2.7.13.3.1: "The driver MUST perform a suitable memory barrier before the idx update".
        _ordering.StoreStore();
        BinaryPrimitives.WriteUInt16LittleEndian(RingSpan(_layout.AvailableIndex, 2), index);
        _publishedAvail = index;
    }

    /// <summary>Reads used.idx, then orders it before any read of the used elements it covers.</summary>
    private ushort ReadUsedIndex()
    {
        ushort index = BinaryPrimitives.ReadUInt16LittleEndian(RingSpan(_layout.UsedIndex, 2));
        // The device writes the element before moving idx (§2.7.8.2); this barrier keeps our element reads after the idx read.
        _ordering.LoadLoad();
        return index;
    }

    /// <summary>Writes used_event so the device notifies once the used entry at <paramref name="index"/> is written (§2.7.7.1).</summary>
    private void RequestInterruptAt(ushort index)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(RingSpan(_layout.UsedEvent, 2), index);
        // The new event index must be visible before the next read of used.idx, or the device may skip the interrupt we wait for.
        _ordering.Full();
    }

    // ---------------------------------------------------------------- ring access

    private Span<byte> RingSpan(int offset, int length) => _ring.Span.Slice(offset, length);

    private void WriteDescriptor(ushort id, ulong address, uint length, ushort flags, ushort next)
    {
        Span<byte> descriptor = RingSpan(_layout.Descriptor(id), SplitQueueLayout.DescriptorSize);
        BinaryPrimitives.WriteUInt64LittleEndian(descriptor, address);
        BinaryPrimitives.WriteUInt32LittleEndian(descriptor.Slice(8), length);
        BinaryPrimitives.WriteUInt16LittleEndian(descriptor.Slice(12), flags);
        BinaryPrimitives.WriteUInt16LittleEndian(descriptor.Slice(14), next);
    }

    private void WriteAvailFlags(ushort flags) =>
        BinaryPrimitives.WriteUInt16LittleEndian(RingSpan(_layout.AvailableFlags, 2), flags);

    private void FreeChain(ushort head)
    {
        int length = _chainLength[head];
        ushort tail = head;
        for (int i = 1; i < length; i++)
            tail = _link[tail];
        _link[tail] = _freeHead;
        _freeHead = head;
        Volatile.Write(ref _freeCount, _freeCount + length);
        _chainLength[head] = 0;
        _writableBytes[head] = 0;
        _tokens[head] = 0;
        _availPosition[head] = 0;
        Volatile.Write(ref _inFlight, _inFlight - 1);
    }

    private void ResetState()
    {
        int size = Size;
        for (int i = 0; i < size; i++)
        {
            _link[i] = (ushort)(i + 1);
            _chainLength[i] = 0;
            _writableBytes[i] = 0;
            _tokens[i] = 0;
            _availPosition[i] = 0;
        }
        _freeHead = 0;
        Volatile.Write(ref _freeCount, size);
        _nextAvail = 0;
        _publishedAvail = 0;
        _availAtLastKick = 0;
        _nextUsed = 0;
        Volatile.Write(ref _inFlight, 0);
        Volatile.Write(ref _callbacksEnabled, true);
        _live = false;
        _notificationDeferred = false;
        Volatile.Write(ref _broken, false);
        Volatile.Write(ref _brokenReason, (int)BrokenRingReason.None);
        // §2.7.10.1: "The driver MUST initialize flags in the used ring to 0 when allocating the used ring."
        _ring.Span.Clear();
    }
}
