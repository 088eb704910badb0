// What the device finds when it looks at the avail ring.
namespace ScmiPlatform.Virtqueue;

/// <summary>Outcome of looking for the next available chain.</summary>
public enum AvailState
{
    /// <summary>No new chain: the driver's avail idx equals the device's next index.</summary>
    Empty,
    /// <summary>A head index was read.</summary>
    Ready,
    /// <summary>The driver's avail idx is more than the queue size ahead: a broken driver; nothing is consumed.</summary>
    Broken,
    /// <summary>The ring memory is gone (table replaced or disconnected).</summary>
    Unreachable,
}
