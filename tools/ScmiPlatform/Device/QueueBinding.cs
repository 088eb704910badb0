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
}
