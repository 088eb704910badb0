// Why a split virtqueue stopped trusting its device (Linux's BAD_RING), readable by the queue's owner.
namespace Virtio;

/// <summary>
/// The device broke a used-ring invariant. The queue refuses all further work until a device reset
/// (<see cref="SplitQueue.ReclaimAfterReset"/>, or <c>VirtioDevice.Restart</c>); the owner reads the reason
/// from <see cref="SplitQueue.BrokenReason"/>. Each reason is also counted in <see cref="QueueCounters"/>.
/// </summary>
public enum BrokenRingReason
{
    /// <summary>The queue is not broken.</summary>
    None = 0,
    /// <summary>A used element named a descriptor id at or beyond the queue size.</summary>
    UsedIdOutOfRange,
    /// <summary>A used element named a descriptor that heads no chain in flight (a duplicate, or the middle of a chain).</summary>
    UsedIdNotInFlight,
    /// <summary>A used element named a chain that was placed but never published by a kick: the device read ahead of avail.idx.</summary>
    UsedIdNotPublished,
    /// <summary>used.idx moved further than the number of published chains in flight.</summary>
    UsedIndexJumpedAhead,
    /// <summary>used.idx moved backwards, behind the entries already taken.</summary>
    UsedIndexWentBackwards,
}
