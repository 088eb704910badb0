// An in-memory device double on target: plays the device side of a split virtqueue over the same RAM.
using System;
using System.Buffers.Binary;
using Nano.Runtime.Native;
using Virtio;

namespace Virtio.Ring.Tests;

/// <summary>
/// The device's side of a <see cref="SplitQueue"/>, from the device's point of view: it reads the rings
/// through the physical addresses the driver would program into a transport (PhysicalMemory.Map, as a
/// DMA-capable device sees RAM), pops exposed chains and writes used elements, honest or hostile.
/// Allocation-free, so it runs in the compiled image exactly as the queue does.
/// </summary>
internal sealed class RamDevice : QueueNotifier
{
    private readonly ushort _size;
    private ulong _descriptors;
    private ulong _driverArea;
    private ulong _deviceArea;
    private ushort _nextAvail;
    private ushort _usedIndex;

    public RamDevice(ushort size) => _size = size;

    /// <summary>Notifications the driver sent.</summary>
    public int Notifications;

    /// <summary>Learns where the rings are, as a transport's queue registers would tell it.</summary>
    public void Attach(SplitQueue queue)
    {
        _descriptors = queue.DescriptorAreaAddress;
        _driverArea = queue.DriverAreaAddress;
        _deviceArea = queue.DeviceAreaAddress;
        _nextAvail = 0;
        _usedIndex = 0;
    }

    public override void NotifyQueue(ushort queueIndex) => Notifications++;

    /// <summary>avail.idx as the driver published it.</summary>
    public ushort AvailIndex => BinaryPrimitives.ReadUInt16LittleEndian(Map(_driverArea + 2, 2));

    /// <summary>Pops the next exposed chain's head, or -1; <paramref name="elements"/> counts its descriptors and <paramref name="writableBytes"/> their device-writable bytes.</summary>
    public int TryPop(out int elements, out uint writableBytes)
    {
        elements = 0;
        writableBytes = 0;
        if (AvailIndex == _nextAvail)
            return -1;
        ushort head = BinaryPrimitives.ReadUInt16LittleEndian(Map(_driverArea + 4 + 2UL * (ulong)(_nextAvail & (_size - 1)), 2));
        _nextAvail++;
        ushort id = head;
        for (int ttl = _size; ttl > 0; ttl--)
        {
            Span<byte> descriptor = Map(_descriptors + 16UL * id, 16);
            ushort flags = BinaryPrimitives.ReadUInt16LittleEndian(descriptor.Slice(12));
            elements++;
            if ((flags & 2) != 0)
                writableBytes += BinaryPrimitives.ReadUInt32LittleEndian(descriptor.Slice(8));
            if ((flags & 1) == 0)
                break;
            id = BinaryPrimitives.ReadUInt16LittleEndian(descriptor.Slice(14));
        }
        return head;
    }

    /// <summary>Writes a used element (any id, any length) and then moves used.idx, as §2.7.8.2 orders.</summary>
    public void PushUsed(uint id, uint length)
    {
        Span<byte> element = Map(_deviceArea + 4 + 8UL * (ulong)(_usedIndex & (_size - 1)), 8);
        BinaryPrimitives.WriteUInt32LittleEndian(element, id);
        BinaryPrimitives.WriteUInt32LittleEndian(element.Slice(4), length);
        Barrier.DataMemoryStores();
        _usedIndex++;
        BinaryPrimitives.WriteUInt16LittleEndian(Map(_deviceArea + 2, 2), _usedIndex);
    }

    /// <summary>Sets used.idx to anything (a hostile device).</summary>
    public void SetUsedIndex(ushort index)
    {
        _usedIndex = index;
        BinaryPrimitives.WriteUInt16LittleEndian(Map(_deviceArea + 2, 2), index);
    }

    private static Span<byte> Map(ulong address, int length) => PhysicalMemory.Map(address, length);
}
