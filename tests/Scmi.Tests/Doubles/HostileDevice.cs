// A virtio SCMI device that misbehaves on purpose: reads the driver's rings itself and writes whatever used entries a test asks for.
using System.Buffers.Binary;

namespace Scmi.Tests.Doubles;

/// <summary>A chain the hostile device took from an avail ring.</summary>
public sealed record TakenChain(ushort Head, byte[] Request, ulong ReplyAddress, uint ReplyCapacity);

/// <summary>
/// Plays the device from its own side over guest memory: takes exposed chains (<see cref="Take"/>), and
/// answers them honestly (<see cref="Reply"/>) or not at all, or writes used entries no honest device would
/// (<see cref="WriteUsed"/>, <see cref="SetUsedIndex"/>). By default (<see cref="AutoReply"/>) every command is
/// answered at its kick with header echo + SUCCESS + <see cref="ReturnBytes"/> zero bytes.
/// </summary>
public sealed class HostileDevice : DeviceBackend
{
    private readonly PinnedGuestMemory _memory;
    private readonly QueuePlacement?[] _queues = new QueuePlacement?[2];
    private readonly ushort[] _nextAvail = new ushort[2];
    private readonly ushort[] _usedIndex = new ushort[2];

    public HostileDevice(PinnedGuestMemory memory) => _memory = memory;

    public bool AutoReply { get; set; } = true;
    public int ReturnBytes { get; set; } = 4;
    /// <summary>Runs when a cmdq kick arrives, before any automatic reply.</summary>
    public Action<HostileDevice>? OnCommandKick { get; set; }
    public List<TakenChain> Pending { get; } = new();
    public int Starts { get; private set; }

    public override void OnDriverOk(ulong features, IReadOnlyList<QueuePlacement> queues)
    {
        Starts++;
        foreach (QueuePlacement q in queues)
        {
            _queues[q.Index] = q;
            _nextAvail[q.Index] = 0;
            _usedIndex[q.Index] = 0;
        }
        Pending.Clear();
    }

    public override void OnNotify(int queue)
    {
        if (queue != 0)
            return;
        Pending.AddRange(Take(0));
        OnCommandKick?.Invoke(this);
        if (!AutoReply)
            return;
        foreach (TakenChain chain in Pending.ToArray())
            ReplySuccess(chain);
    }

    public override void OnReset()
    {
        _queues[0] = _queues[1] = null;
        Pending.Clear();
    }

    public ushort UsedIndex(int queue) => _usedIndex[queue];

    /// <summary>Chains the driver exposed on <paramref name="queue"/> since the last take.</summary>
    public List<TakenChain> Take(int queue)
    {
        var chains = new List<TakenChain>();
        QueuePlacement q = _queues[queue] ?? throw new InvalidOperationException("queue not started");
        ushort availIndex = ReadU16(q.Driver + 2);
        while (_nextAvail[queue] != availIndex)
        {
            ushort head = ReadU16(q.Driver + 4 + 2UL * (ulong)(_nextAvail[queue] % q.Size));
            _nextAvail[queue]++;
            byte[] request = [];
            ulong replyAddress = 0;
            uint replyCapacity = 0;
            ushort id = head;
            for (int hops = 0; hops < q.Size; hops++)
            {
                Span<byte> d = _memory.At(q.Descriptors + 16UL * id, 16);
                ulong address = BinaryPrimitives.ReadUInt64LittleEndian(d);
                uint length = BinaryPrimitives.ReadUInt32LittleEndian(d.Slice(8));
                ushort flags = BinaryPrimitives.ReadUInt16LittleEndian(d.Slice(12));
                if ((flags & 2) != 0)
                {
                    replyAddress = address;
                    replyCapacity = length;
                }
                else
                {
                    request = _memory.At(address, (int)length).ToArray();
                }
                if ((flags & 1) == 0)
                    break;
                id = BinaryPrimitives.ReadUInt16LittleEndian(d.Slice(14));
            }
            chains.Add(new TakenChain(head, request, replyAddress, replyCapacity));
        }
        return chains;
    }

    /// <summary>Answers <paramref name="chain"/> with header echo + SUCCESS + <see cref="ReturnBytes"/> zeros.</summary>
    public void ReplySuccess(TakenChain chain)
    {
        var reply = new byte[8 + ReturnBytes];
        chain.Request.AsSpan(0, 4).CopyTo(reply);
        Reply(chain, reply, (uint)reply.Length);
    }

    /// <summary>Writes <paramref name="reply"/> into the chain's reply area and a used entry claiming <paramref name="length"/>.</summary>
    public void Reply(TakenChain chain, ReadOnlySpan<byte> reply, uint length, int queue = 0, bool raise = true)
    {
        Pending.Remove(chain);
        reply.Slice(0, Math.Min(reply.Length, (int)chain.ReplyCapacity)).CopyTo(_memory.At(chain.ReplyAddress, Math.Min(reply.Length, (int)chain.ReplyCapacity)));
        WriteUsed(queue, chain.Head, length, raise);
    }

    /// <summary>Publishes a used element (any id, any length) and moves used.idx by one.</summary>
    public void WriteUsed(int queue, uint id, uint length, bool raise = true)
    {
        QueuePlacement q = _queues[queue] ?? throw new InvalidOperationException("queue not started");
        Span<byte> element = _memory.At(q.Device + 4 + 8UL * (ulong)(_usedIndex[queue] % q.Size), 8);
        BinaryPrimitives.WriteUInt32LittleEndian(element, id);
        BinaryPrimitives.WriteUInt32LittleEndian(element.Slice(4), length);
        _usedIndex[queue]++;
        BinaryPrimitives.WriteUInt16LittleEndian(_memory.At(q.Device + 2, 2), _usedIndex[queue]);
        if (raise)
            Registers.RaiseUsedBuffer();
    }

    /// <summary>Writes used.idx directly (jumping ahead or going back).</summary>
    public void SetUsedIndex(int queue, ushort index, bool raise = true)
    {
        QueuePlacement q = _queues[queue] ?? throw new InvalidOperationException("queue not started");
        _usedIndex[queue] = index;
        BinaryPrimitives.WriteUInt16LittleEndian(_memory.At(q.Device + 2, 2), index);
        if (raise)
            Registers.RaiseUsedBuffer();
    }

    private ushort ReadU16(ulong address) => BinaryPrimitives.ReadUInt16LittleEndian(_memory.At(address, 2));
}
