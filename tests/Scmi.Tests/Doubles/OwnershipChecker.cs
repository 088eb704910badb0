// Watches the cmdq from outside both parties: a request buffer must never be exposed again while the device still holds it.
using System.Buffers.Binary;

namespace Scmi.Tests.Doubles;

/// <summary>
/// Reads the driver's avail ring at each kick and the device's used ring at each notification, and keeps
/// the set of request buffers the device holds. A buffer exposed again before the device returned it is a
/// <see cref="Violations"/> entry (the mark_txdone rule: never recycle a buffer the device still owns).
/// </summary>
public sealed class OwnershipChecker
{
    private readonly PinnedGuestMemory _memory;
    private readonly Dictionary<ushort, ulong> _headAddress = new();
    private readonly HashSet<ulong> _held = new();
    private QueuePlacement? _queue;
    private ushort _seenAvail;
    private ushort _seenUsed;

    public OwnershipChecker(PinnedGuestMemory memory) => _memory = memory;

    public List<string> Violations { get; } = new();
    public int Held => _held.Count;

    public void Start(QueuePlacement queue)
    {
        _queue = queue;
        _seenAvail = 0;
        _seenUsed = 0;
        _headAddress.Clear();
        _held.Clear();
    }

    public void Reset() => _queue = null;

    /// <summary>Takes note of buffers the device returned since the last look.</summary>
    public void SyncUsed()
    {
        if (_queue is null)
            return;
        ushort usedIndex = BinaryPrimitives.ReadUInt16LittleEndian(_memory.At(_queue.Device + 2, 2));
        while (_seenUsed != usedIndex)
        {
            uint id = BinaryPrimitives.ReadUInt32LittleEndian(_memory.At(_queue.Device + 4 + 8UL * (ulong)(_seenUsed % _queue.Size), 4));
            if (_headAddress.Remove((ushort)id, out ulong address))
                _held.Remove(address);
            _seenUsed++;
        }
    }

    /// <summary>Checks the chains the driver exposed since the last kick.</summary>
    public void CheckNewAvail()
    {
        if (_queue is null)
            return;
        SyncUsed();
        ushort availIndex = BinaryPrimitives.ReadUInt16LittleEndian(_memory.At(_queue.Driver + 2, 2));
        while (_seenAvail != availIndex)
        {
            ushort head = BinaryPrimitives.ReadUInt16LittleEndian(_memory.At(_queue.Driver + 4 + 2UL * (ulong)(_seenAvail % _queue.Size), 2));
            ulong address = BinaryPrimitives.ReadUInt64LittleEndian(_memory.At(_queue.Descriptors + 16UL * head, 8));
            if (!_held.Add(address))
                Violations.Add($"request buffer 0x{address:x} exposed again while the device holds it");
            _headAddress[head] = address;
            _seenAvail++;
        }
    }
}
