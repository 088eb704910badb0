// The driver's half of one split virtqueue, laid out in guest RAM exactly as a guest driver would.
using System.Buffers.Binary;
using ScmiPlatform.Virtqueue;

namespace Platform.Tests.Doubles;

/// <summary>One used element as the driver reads it back.</summary>
public readonly record struct UsedElement(uint Id, uint Length);

/// <summary>
/// Plays a virtio driver on one split queue: descriptor table, avail ring and used ring in <see cref="GuestRam"/>,
/// a fixed data buffer per descriptor, builders for well-formed chains (<see cref="AddChain"/>,
/// <see cref="AddIndirectChain"/>) and raw writers for hostile ones (<see cref="WriteDescriptor"/>,
/// <see cref="MakeAvailable"/>, <see cref="SetAvailIndex"/>). It publishes with the same ordering a driver
/// must (descriptors, ring entry, barrier, idx) and reads the used ring the way a driver must (idx, barrier, element).
/// </summary>
public sealed class DriverQueue
{
    public const int BufferBytes = 512;
    public const int MaxIndirectEntries = 8;
    private readonly GuestRam _ram;
    private readonly Stack<ushort> _free = new();
    private readonly Dictionary<uint, ChainRecord> _inFlight = new();
    private readonly ulong _buffers;
    private readonly ulong _indirectTables;
    private readonly ulong _indirectBuffers;
    private readonly ChainRecord?[] _requestRecords;
    private ushort _lastSeenUsed;

    private sealed record ChainRecord(ushort[] Descriptors, (ulong Address, int Length)[] Writable);

    public DriverQueue(GuestRam ram, int size)
    {
        if (!SplitRingLayout.IsValidQueueSize(size))
            throw new ArgumentOutOfRangeException(nameof(size));
        _ram = ram;
        Size = size;
        DescriptorTable = ram.Allocate(SplitRingLayout.DescriptorTableBytes(size), SplitRingLayout.DescriptorTableAlignment);
        AvailRing = ram.Allocate(SplitRingLayout.AvailRingBytes(size), SplitRingLayout.AvailRingAlignment);
        UsedRing = ram.Allocate(SplitRingLayout.UsedRingBytes(size), SplitRingLayout.UsedRingAlignment);
        _buffers = ram.Allocate((ulong)(size * BufferBytes));
        _indirectTables = ram.Allocate((ulong)(size * MaxIndirectEntries * SplitRingLayout.DescriptorSize));
        _indirectBuffers = ram.Allocate((ulong)(size * MaxIndirectEntries * BufferBytes));
        _requestRecords = new ChainRecord?[size];
        for (int i = size - 1; i >= 0; i--)
            _free.Push((ushort)i);
    }

    public int Size { get; }
    public ulong DescriptorTable { get; }
    public ulong AvailRing { get; }
    public ulong UsedRing { get; }
    /// <summary>The driver's avail idx (what it last published).</summary>
    public ushort AvailIndex { get; private set; }
    public int FreeDescriptors => _free.Count;
    /// <summary>Chains made available and not yet seen in the used ring.</summary>
    public int InFlight => _inFlight.Count;
    public GuestRam Ram => _ram;

    /// <summary>The fixed data buffer of descriptor <paramref name="index"/>.</summary>
    public ulong BufferOf(int index) => _buffers + (ulong)(index * BufferBytes);

    /// <summary>
    /// Adds a well-formed chain: one readable descriptor per <paramref name="readable"/> item, then one writable
    /// descriptor per <paramref name="writableLengths"/> item; makes it available. Returns the head.
    /// </summary>
    public ushort AddChain(IReadOnlyList<byte[]> readable, IReadOnlyList<int> writableLengths)
    {
        int count = readable.Count + writableLengths.Count;
        if (count == 0 || count > _free.Count)
            throw new InvalidOperationException($"need {count} descriptors, {_free.Count} free");
        var descriptors = new ushort[count];
        for (int i = 0; i < count; i++)
            descriptors[i] = _free.Pop();
        var writable = new List<(ulong, int)>();
        for (int i = 0; i < count; i++)
        {
            bool isWritable = i >= readable.Count;
            int length = isWritable ? writableLengths[i - readable.Count] : readable[i].Length;
            if (length > BufferBytes)
                throw new ArgumentOutOfRangeException(nameof(readable), $"buffers are at most {BufferBytes} bytes in this double");
            ulong buffer = BufferOf(descriptors[i]);
            if (isWritable)
            {
                _ram.At(buffer, length).Fill(0xEE);
                writable.Add((buffer, length));
            }
            else
            {
                readable[i].CopyTo(_ram.At(buffer, length));
            }
            DescriptorFlags flags = (isWritable ? DescriptorFlags.Write : DescriptorFlags.None)
                                  | (i + 1 < count ? DescriptorFlags.Next : DescriptorFlags.None);
            WriteDescriptor(descriptors[i], buffer, (uint)length, flags, i + 1 < count ? descriptors[i + 1] : (ushort)0);
        }
        _inFlight[descriptors[0]] = new ChainRecord(descriptors, writable.ToArray());
        MakeAvailable(descriptors[0]);
        return descriptors[0];
    }

    /// <summary>
    /// <see cref="AddChain"/> for the common cmdq shape (one readable request, one writable reply area) without
    /// allocating: the chain's record is kept per head and reused, so a benchmark or an allocation test measures
    /// the device, not this double.
    /// </summary>
    public ushort AddRequest(ReadOnlySpan<byte> request, int replyCapacity)
    {
        if (_free.Count < 2)
            throw new InvalidOperationException($"need 2 descriptors, {_free.Count} free");
        if (request.Length == 0 || request.Length > BufferBytes || replyCapacity <= 0 || replyCapacity > BufferBytes)
            throw new ArgumentOutOfRangeException(nameof(request), $"buffers are 1 to {BufferBytes} bytes in this double");
        ushort head = _free.Pop();
        ushort tail = _free.Pop();
        ulong requestBuffer = BufferOf(head);
        ulong replyBuffer = BufferOf(tail);
        request.CopyTo(_ram.At(requestBuffer, request.Length));
        _ram.At(replyBuffer, replyCapacity).Fill(0xEE);
        WriteDescriptor(head, requestBuffer, (uint)request.Length, DescriptorFlags.Next, tail);
        WriteDescriptor(tail, replyBuffer, (uint)replyCapacity, DescriptorFlags.Write, 0);
        ChainRecord record = _requestRecords[head] ??= new ChainRecord(new ushort[2], new (ulong, int)[1]);
        record.Descriptors[0] = head;
        record.Descriptors[1] = tail;
        record.Writable[0] = (replyBuffer, replyCapacity);
        _inFlight[head] = record;
        MakeAvailable(head);
        return head;
    }

    /// <summary>Adds a chain through one indirect descriptor (VIRTIO_F_INDIRECT_DESC) and makes it available.</summary>
    public ushort AddIndirectChain(IReadOnlyList<byte[]> readable, IReadOnlyList<int> writableLengths)
    {
        int count = readable.Count + writableLengths.Count;
        if (count == 0 || count > MaxIndirectEntries || _free.Count == 0)
            throw new InvalidOperationException("indirect chain does not fit this double");
        ushort head = _free.Pop();
        ulong table = IndirectTableOf(head);
        var writable = new List<(ulong, int)>();
        for (int i = 0; i < count; i++)
        {
            bool isWritable = i >= readable.Count;
            int length = isWritable ? writableLengths[i - readable.Count] : readable[i].Length;
            ulong buffer = _indirectBuffers + (ulong)((head * MaxIndirectEntries + i) * BufferBytes);
            if (isWritable)
                writable.Add((buffer, length));
            else
                readable[i].CopyTo(_ram.At(buffer, length));
            DescriptorFlags flags = (isWritable ? DescriptorFlags.Write : DescriptorFlags.None)
                                  | (i + 1 < count ? DescriptorFlags.Next : DescriptorFlags.None);
            WriteDescriptorAt(table, i, buffer, (uint)length, flags, (ushort)(i + 1));
        }
        WriteDescriptor(head, table, (uint)(count * SplitRingLayout.DescriptorSize), DescriptorFlags.Indirect, 0);
        _inFlight[head] = new ChainRecord([head], writable.ToArray());
        MakeAvailable(head);
        return head;
    }

    /// <summary>Where this double puts the indirect table of chain <paramref name="head"/>.</summary>
    public ulong IndirectTableOf(ushort head) => _indirectTables + (ulong)(head * MaxIndirectEntries * SplitRingLayout.DescriptorSize);

    /// <summary>Takes a free descriptor for a hand-built (possibly hostile) chain; <see cref="TrackRawChain"/> gives it back.</summary>
    public ushort TakeFreeDescriptor() => _free.Pop();

    /// <summary>
    /// Records a hand-built chain (call after writing its descriptors) so its used element frees the descriptors
    /// and <see cref="ReadReply"/> finds the writable ones among them.
    /// </summary>
    public void TrackRawChain(ushort head, params ushort[] descriptors)
    {
        var writable = new List<(ulong, int)>();
        foreach (ushort d in descriptors)
        {
            Span<byte> e = _ram.At(DescriptorTable + (ulong)(d * SplitRingLayout.DescriptorSize), SplitRingLayout.DescriptorSize);
            var flags = (DescriptorFlags)BinaryPrimitives.ReadUInt16LittleEndian(e[SplitRingLayout.DescriptorFlagsOffset..]);
            if (flags.HasFlag(DescriptorFlags.Write) && !flags.HasFlag(DescriptorFlags.Indirect))
                writable.Add((BinaryPrimitives.ReadUInt64LittleEndian(e), (int)BinaryPrimitives.ReadUInt32LittleEndian(e[SplitRingLayout.DescriptorLengthOffset..])));
        }
        _inFlight[head] = new ChainRecord(descriptors, writable.ToArray());
    }

    /// <summary>
    /// <see cref="TrackRawChain"/> for a hand-built chain headed by the first of <paramref name="descriptors"/>,
    /// then <see cref="MakeAvailable"/> for that head.
    /// </summary>
    public void OfferRawChain(params ushort[] descriptors)
    {
        TrackRawChain(descriptors[0], descriptors);
        MakeAvailable(descriptors[0]);
    }

    /// <summary>Writes descriptor <paramref name="index"/> of the queue's table verbatim.</summary>
    public void WriteDescriptor(int index, ulong address, uint length, DescriptorFlags flags, ushort next) =>
        WriteDescriptorAt(DescriptorTable, index, address, length, flags, next);

    /// <summary>Writes entry <paramref name="index"/> of any descriptor table (the queue's or an indirect one) verbatim.</summary>
    public void WriteDescriptorAt(ulong table, int index, ulong address, uint length, DescriptorFlags flags, ushort next)
    {
        Span<byte> d = _ram.At(table + (ulong)(index * SplitRingLayout.DescriptorSize), SplitRingLayout.DescriptorSize);
        BinaryPrimitives.WriteUInt64LittleEndian(d[SplitRingLayout.DescriptorAddressOffset..], address);
        BinaryPrimitives.WriteUInt32LittleEndian(d[SplitRingLayout.DescriptorLengthOffset..], length);
        BinaryPrimitives.WriteUInt16LittleEndian(d[SplitRingLayout.DescriptorFlagsOffset..], (ushort)flags);
        BinaryPrimitives.WriteUInt16LittleEndian(d[SplitRingLayout.DescriptorNextOffset..], next);
    }

    /// <summary>Puts <paramref name="head"/> in the next avail slot and publishes the idx after it.</summary>
    public void MakeAvailable(ushort head)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(
            _ram.At(AvailRing + SplitRingLayout.AvailRingOffset + (ulong)(SplitRingLayout.AvailEntrySize * (AvailIndex % Size)), 2), head);
        // virtio 1.3 §2.7.13.3: the driver performs a memory barrier before it updates idx.
        Interlocked.MemoryBarrier();
        SetAvailIndex((ushort)(AvailIndex + 1));
    }

    /// <summary>Writes the avail idx verbatim (hostile tests write nonsense here).</summary>
    public void SetAvailIndex(ushort index)
    {
        AvailIndex = index;
        BinaryPrimitives.WriteUInt16LittleEndian(_ram.At(AvailRing + SplitRingLayout.AvailIndexOffset, 2), index);
        Interlocked.MemoryBarrier();
    }

    public void SetAvailFlags(AvailRingFlags flags) =>
        BinaryPrimitives.WriteUInt16LittleEndian(_ram.At(AvailRing + SplitRingLayout.AvailFlagsOffset, 2), (ushort)flags);

    /// <summary>used_event (EVENT_IDX): the driver wants a notification when the used idx passes this value.</summary>
    public void SetUsedEvent(ushort value) =>
        BinaryPrimitives.WriteUInt16LittleEndian(_ram.At(AvailRing + SplitRingLayout.UsedEventOffset(Size), 2), value);

    /// <summary>avail_event (EVENT_IDX) as the device wrote it.</summary>
    public ushort ReadAvailEvent() =>
        BinaryPrimitives.ReadUInt16LittleEndian(_ram.At(UsedRing + SplitRingLayout.AvailEventOffset(Size), 2));

    /// <summary>The used idx as the device published it.</summary>
    public ushort ReadUsedIndex()
    {
        ushort index = BinaryPrimitives.ReadUInt16LittleEndian(_ram.At(UsedRing + SplitRingLayout.UsedIndexOffset, 2));
        // virtio 1.3 §2.7.14: read the used idx before the elements it covers.
        Interlocked.MemoryBarrier();
        return index;
    }

    /// <summary>Takes the next used element, if any, and frees the chain's descriptors.</summary>
    public bool TryTakeUsed(out UsedElement element)
    {
        element = default;
        if (ReadUsedIndex() == _lastSeenUsed)
            return false;
        Span<byte> e = _ram.At(UsedRing + SplitRingLayout.UsedRingOffset + (ulong)(SplitRingLayout.UsedElementSize * (_lastSeenUsed % Size)), 8);
        element = new UsedElement(BinaryPrimitives.ReadUInt32LittleEndian(e), BinaryPrimitives.ReadUInt32LittleEndian(e[4..]));
        _lastSeenUsed++;
        if (_inFlight.Remove(element.Id, out ChainRecord? record))
        {
            foreach (ushort d in record.Descriptors)
                _free.Push(d);
            _lastWritable[element.Id] = record.Writable;
        }
        return true;
    }

    private readonly Dictionary<uint, (ulong Address, int Length)[]> _lastWritable = new();

    /// <summary>The first <paramref name="length"/> bytes the device wrote into the writable buffers of a returned chain.</summary>
    public byte[] ReadReply(uint head, uint length)
    {
        if (!_lastWritable.TryGetValue(head, out var writable))
            return [];
        var reply = new List<byte>();
        foreach ((ulong address, int bufferLength) in writable)
        {
            int take = (int)Math.Min((uint)bufferLength, length - (uint)reply.Count);
            reply.AddRange(_ram.At(address, take).ToArray());
            if (reply.Count == length)
                break;
        }
        return reply.ToArray();
    }

    /// <summary><see cref="ReadReply(uint, uint)"/> into <paramref name="destination"/> without allocating; returns the bytes copied.</summary>
    public int ReadReply(uint head, uint length, Span<byte> destination)
    {
        if (!_lastWritable.TryGetValue(head, out var writable))
            return 0;
        int copied = 0;
        foreach ((ulong address, int bufferLength) in writable)
        {
            int take = (int)Math.Min(Math.Min((uint)bufferLength, length - (uint)copied), (uint)(destination.Length - copied));
            _ram.At(address, take).CopyTo(destination[copied..]);
            copied += take;
            if (copied == length || copied == destination.Length)
                break;
        }
        return copied;
    }
}
