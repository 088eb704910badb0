// The device's view of one split virtqueue: reads what the driver exposed, writes used elements, honest or hostile.
using System.Buffers.Binary;

namespace Virtio.Tests.Doubles;

/// <summary>One element of a chain as the device reads it from the descriptor table.</summary>
public sealed record ChainElement(ulong Address, uint Length, bool DeviceWritable);

/// <summary>A chain the device popped from the available ring.</summary>
public sealed record DescriptorChain(ushort Head, IReadOnlyList<ChainElement> Elements)
{
    public uint WritableBytes => (uint)Elements.Where(e => e.DeviceWritable).Sum(e => (long)e.Length);
    public uint ReadableBytes => (uint)Elements.Where(e => !e.DeviceWritable).Sum(e => (long)e.Length);
}

/// <summary>
/// Plays the device side of a split virtqueue from the device's own point of view, over guest memory by
/// physical address: pops chains the driver exposed (checking the driver kept the rules), writes used
/// elements and raises the used-buffer notification the driver asked for. Hostile helpers write used
/// elements and indices no honest device would.
/// </summary>
public sealed class DeviceSideQueue
{
    private readonly GuestMemory _memory;
    private ushort _nextAvail;
    private ushort _usedIndex;

    public DeviceSideQueue(GuestMemory memory, ulong descriptorArea, ulong driverArea, ulong deviceArea, ushort size, bool eventIndex)
    {
        _memory = memory;
        DescriptorArea = descriptorArea;
        DriverArea = driverArea;
        DeviceArea = deviceArea;
        Size = size;
        EventIndex = eventIndex;
    }

    public ulong DescriptorArea { get; }
    public ulong DriverArea { get; }
    public ulong DeviceArea { get; }
    public ushort Size { get; }
    public bool EventIndex { get; }

    /// <summary>Rule breaks by the driver seen from this side (descriptor loops, readable after writable...).</summary>
    public List<string> Violations { get; } = new();

    /// <summary>Used-buffer notifications this queue asked its transport to raise.</summary>
    public int NotificationsRaised { get; private set; }

    /// <summary>Called when a used-buffer notification is due (the transport sets InterruptStatus).</summary>
    public Action? RaiseNotification { get; set; }

    /// <summary>The used.idx the device has published.</summary>
    public ushort UsedIndex => _usedIndex;

    public ushort AvailIndex => ReadU16(DriverArea + 2);
    public ushort AvailFlags => ReadU16(DriverArea);
    public ushort UsedEvent => ReadU16(DriverArea + 4 + 2UL * Size);
    public int Pending => (ushort)(AvailIndex - _nextAvail);

    /// <summary>Pops the next chain the driver exposed, or null when avail.idx has not moved.</summary>
    public DescriptorChain? TryPop()
    {
        if (AvailIndex == _nextAvail)
            return null;
        ushort head = ReadU16(DriverArea + 4 + 2UL * (ulong)(_nextAvail % Size));
        _nextAvail++;
        if (head >= Size)
        {
            Violations.Add($"avail ring names descriptor {head} beyond size {Size}");
            return null;
        }
        var elements = new List<ChainElement>();
        ushort id = head;
        bool seenWritable = false;
        // A chain can be no longer than the table (§2.7.5): a time-to-live against loops.
        for (int ttl = Size; ; ttl--)
        {
            if (ttl == 0)
            {
                Violations.Add($"descriptor chain from {head} loops");
                break;
            }
            ulong at = DescriptorArea + 16UL * id;
            ulong address = BinaryPrimitives.ReadUInt64LittleEndian(_memory.At(at, 8));
            uint length = BinaryPrimitives.ReadUInt32LittleEndian(_memory.At(at + 8, 4));
            ushort flags = ReadU16(at + 12);
            ushort next = ReadU16(at + 14);
            bool writable = (flags & 2) != 0;
            if (seenWritable && !writable)
                Violations.Add($"chain {head}: readable element after a writable one (§2.7.4.2)");
            seenWritable |= writable;
            if ((flags & 4) != 0)
                Violations.Add($"chain {head}: indirect descriptor without VIRTIO_F_INDIRECT_DESC");
            elements.Add(new ChainElement(address, length, writable));
            if ((flags & 1) == 0)
                break;
            if (next >= Size)
            {
                Violations.Add($"chain {head}: next {next} beyond size {Size}");
                break;
            }
            id = next;
        }
        return new DescriptorChain(head, elements);
    }

    /// <summary>Pops every exposed chain.</summary>
    public List<DescriptorChain> PopAll()
    {
        var chains = new List<DescriptorChain>();
        while (TryPop() is { } chain)
            chains.Add(chain);
        return chains;
    }

    /// <summary>Copies <paramref name="data"/> into the chain's writable elements, in order; returns bytes written.</summary>
    public uint Write(DescriptorChain chain, ReadOnlySpan<byte> data)
    {
        uint written = 0;
        foreach (ChainElement element in chain.Elements.Where(e => e.DeviceWritable))
        {
            int take = (int)Math.Min(element.Length, (uint)data.Length);
            data.Slice(0, take).CopyTo(_memory.At(element.Address, take));
            data = data.Slice(take);
            written += (uint)take;
            if (data.IsEmpty)
                break;
        }
        return written;
    }

    /// <summary>Reads the chain's readable elements, concatenated.</summary>
    public byte[] ReadRequest(DescriptorChain chain)
    {
        var bytes = new List<byte>();
        foreach (ChainElement element in chain.Elements.Where(e => !e.DeviceWritable))
            bytes.AddRange(_memory.At(element.Address, (int)element.Length).ToArray());
        return bytes.ToArray();
    }

    /// <summary>Returns a chain honestly: element first, then the index (§2.7.8.2), then a notification if wanted.</summary>
    public void Complete(DescriptorChain chain, uint writtenLength) => PushUsed(chain.Head, writtenLength);

    /// <summary>Writes a used element with any id and length, then moves used.idx and notifies as the driver asked.</summary>
    public void PushUsed(uint id, uint length)
    {
        WriteUsedElement(_usedIndex, id, length);
        ushort old = _usedIndex;
        _usedIndex++;
        WriteU16(DeviceArea + 2, _usedIndex);
        MaybeNotify(old, _usedIndex);
    }

    /// <summary>Writes a used element at ring position <paramref name="index"/> without moving used.idx.</summary>
    public void WriteUsedElement(ushort index, uint id, uint length)
    {
        ulong at = DeviceArea + 4 + 8UL * (ulong)(index % Size);
        BinaryPrimitives.WriteUInt32LittleEndian(_memory.At(at, 4), id);
        BinaryPrimitives.WriteUInt32LittleEndian(_memory.At(at + 4, 4), length);
    }

    /// <summary>Sets used.idx to anything (a hostile device).</summary>
    public void SetUsedIndex(ushort index)
    {
        _usedIndex = index;
        WriteU16(DeviceArea + 2, index);
    }

    /// <summary>Device-side suppression of available-buffer notifications without EVENT_IDX (VIRTQ_USED_F_NO_NOTIFY).</summary>
    public void SetNoNotify(bool suppress) => WriteU16(DeviceArea, (ushort)(suppress ? 1 : 0));

    /// <summary>avail_event: with EVENT_IDX, the device wants a notification once the driver writes this avail entry.</summary>
    public void SetAvailEvent(ushort index) => WriteU16(DeviceArea + 4 + 8UL * Size, index);

    /// <summary>Starts the device's used index at <paramref name="index"/> as if that many buffers had been used before (for wrap tests the driver must be at the same place).</summary>
    public void StartAt(ushort index)
    {
        _nextAvail = index;
        _usedIndex = index;
    }

    private void MaybeNotify(ushort oldIndex, ushort newIndex)
    {
        bool notify = EventIndex
            ? RingIndex.CrossedEvent(UsedEvent, newIndex, oldIndex)
            : (AvailFlags & 1) == 0;
        if (!notify)
            return;
        NotificationsRaised++;
        RaiseNotification?.Invoke();
    }

    private ushort ReadU16(ulong address) => BinaryPrimitives.ReadUInt16LittleEndian(_memory.At(address, 2));
    private void WriteU16(ulong address, ushort value) => BinaryPrimitives.WriteUInt16LittleEndian(_memory.At(address, 2), value);
}
