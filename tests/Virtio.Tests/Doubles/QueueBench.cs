// A driver-side queue wired to its device side over simulated guest memory, for ring tests without a transport.
namespace Virtio.Tests.Doubles;

/// <summary>
/// Builds a <see cref="SplitQueue"/> and the <see cref="DeviceSideQueue"/> that sees the same memory, with a
/// shared event log for ordering tests, plus helpers to hand out buffers.
/// </summary>
public sealed class QueueBench
{
    public QueueBench(ushort size = 8, bool eventIndex = false, int usedAlignment = 4, bool live = true)
    {
        Memory = new GuestMemory(1 << 22);
        Ordering = new RecordingMemoryOrdering(Log);
        Notifier = new CountingNotifier(Log);
        Queue = SplitQueue.Create(0, size, usedAlignment, eventIndex, Memory, Ordering, Notifier)
            ?? throw new InvalidOperationException("queue creation failed");
        Device = new DeviceSideQueue(Memory, Queue.DescriptorAreaAddress, Queue.DriverAreaAddress, Queue.DeviceAreaAddress, size, eventIndex);
        if (live)
            Queue.MarkLive();
    }

    public List<string> Log { get; } = new();
    public GuestMemory Memory { get; }
    public RecordingMemoryOrdering Ordering { get; }
    public CountingNotifier Notifier { get; }
    public SplitQueue Queue { get; }
    public DeviceSideQueue Device { get; }

    /// <summary>A fresh buffer of <paramref name="length"/> bytes in guest memory.</summary>
    public DmaRegion Buffer(int length) => Memory.Allocate(length, 8) ?? throw new InvalidOperationException("guest memory exhausted");

    /// <summary>Submits one writable buffer and kicks; returns the head.</summary>
    public ushort SubmitWritable(DmaRegion buffer, int token)
    {
        Assert.Equal(QueueStatus.Ok, Queue.SubmitWritable(buffer.All, token, out ushort head));
        Queue.Kick();
        return head;
    }
}
