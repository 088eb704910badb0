// The split virtqueue's mutating operations, named for the re-entry guard and its panic line.
namespace Virtio;

/// <summary>
/// A <see cref="SplitQueue"/> method that changes the queue's private state. At most one runs at a time
/// (see the queue's "Concurrency" remarks); the guard remembers which one is running.
/// </summary>
public enum QueueOperation
{
    /// <summary>No operation is running.</summary>
    None = 0,
    Submit,
    Kick,
    MarkLive,
    TryTakeUsed,
    EnableCallbacks,
    DisableCallbacks,
    ReclaimAfterReset,
}

/// <summary>Names of <see cref="QueueOperation"/> values as they appear in a panic line.</summary>
public static class QueueOperationNames
{
    /// <summary>"SplitQueue.&lt;method&gt;" for <paramref name="operation"/> (string literals: nothing is allocated).</summary>
    public static string Of(QueueOperation operation) => operation switch
    {
        QueueOperation.Submit => "SplitQueue.Submit",
        QueueOperation.Kick => "SplitQueue.Kick",
        QueueOperation.MarkLive => "SplitQueue.MarkLive",
        QueueOperation.TryTakeUsed => "SplitQueue.TryTakeUsed",
        QueueOperation.EnableCallbacks => "SplitQueue.EnableCallbacks",
        QueueOperation.DisableCallbacks => "SplitQueue.DisableCallbacks",
        QueueOperation.ReclaimAfterReset => "SplitQueue.ReclaimAfterReset",
        _ => "SplitQueue",
    };
}
