// Results of the split virtqueue's operations: what went right, what the caller got wrong, what the device got wrong. (virtio 1.3 §2.7)
namespace Virtio;

/// <summary>Outcome of a <see cref="SplitQueue"/> operation.</summary>
public enum QueueStatus
{
    /// <summary>Done.</summary>
    Ok = 0,

    // The caller's side.
    /// <summary>Nothing to take: the device has not returned another chain.</summary>
    Empty,
    /// <summary>Not enough free descriptors for the chain; nothing was placed.</summary>
    Full,
    /// <summary>A chain needs at least one element.</summary>
    EmptyChain,
    /// <summary>An element has length 0 (for example a slice outside its region).</summary>
    InvalidBuffer,
    /// <summary>The elements add up to 2^32 bytes or more (§2.7.5.2).</summary>
    ChainTooLong,

    // The device's side: each is counted in <see cref="QueueCounters"/> and never trusted; all but a lying length break the queue (<see cref="SplitQueue.BrokenReason"/>).
    /// <summary>A used element named a descriptor id at or beyond the queue size.</summary>
    UsedIdOutOfRange,
    /// <summary>A used element named a descriptor that is not the head of a chain in flight.</summary>
    UsedIdNotInFlight,
    /// <summary>A used element named a chain placed but not yet published by a kick.</summary>
    UsedIdNotPublished,
    /// <summary>A used element claimed more bytes than the chain's writable part; the chain is returned with length 0 and the queue carries on.</summary>
    UsedLengthTooLarge,
    /// <summary>The used index moved further than the number of published chains in flight, or backwards.</summary>
    UsedIndexCorrupt,
    /// <summary>The queue was stopped by an earlier rejection; reset the device to recover.</summary>
    Broken,
}
