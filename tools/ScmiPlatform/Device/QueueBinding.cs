// One running queue as the device holds it: the ring, its signals, and whether it still runs.
using ScmiPlatform.Virtqueue;

namespace ScmiPlatform.Device;

/// <summary>
/// A started queue. Slots keep a reference to their binding; once <see cref="Stopped"/> is set (queue stopped
/// or device reset) their completions are dropped instead of touching a ring the driver may have reused.
/// The ring itself may be swapped (new memory table) without stopping. Guarded by the device lock.
/// </summary>
internal sealed class QueueBinding(int index, SplitVirtqueue queue, IQueueSignals signals)
{
    public int Index { get; } = index;
    public SplitVirtqueue Queue { get; set; } = queue;
    public IQueueSignals Signals { get; set; } = signals;
    public bool Stopped { get; set; }
    /// <summary>The driver's avail idx when this queue was last polled (rings without a kick fd).</summary>
    public ushort? LastPolledAvailIndex { get; set; }

    // One reusable command slot per descriptor head (a head names one chain in flight at a time).
    private readonly CommandSlot?[] _slots = new CommandSlot?[queue.Size];

    /// <summary>A claimed slot for the chain headed by <paramref name="head"/>: the head's own when it is free, else a fresh one.</summary>
    public CommandSlot ClaimSlot(ScmiVirtioDevice device, ushort head)
    {
        if (head < _slots.Length)
        {
            CommandSlot slot = _slots[head] ??= new CommandSlot(device, this);
            if (slot.TryClaim())
                return slot;
        }
        // The driver offered a head the device still owns (a broken driver) or a head beyond this ring's size.
        var extra = new CommandSlot(device, this);
        extra.TryClaim();
        return extra;
    }
}
