// Tallies of a queue's traffic and of every device misbehaviour it caught, readable from any context.
using System.Threading;

namespace Virtio;

/// <summary>
/// What a queue has seen. The rejected counts are the "counted and reported, never trusted" half of
/// the used-ring checks; the notification counts show the suppression at work.
/// </summary>
/// <remarks>
/// Only the queue's owner writes a count (one writer, so a volatile load, add and volatile store is exact);
/// any context may read one. Reads and writes are <see cref="Volatile"/>, so a thread polling a count that an
/// interrupt handler advances sees it move instead of a value the compiler kept in a register.
/// </remarks>
public sealed class QueueCounters
{
    private ulong _submitted;
    private ulong _completed;
    private ulong _notificationsSent;
    private ulong _notificationsSuppressed;
    private ulong _rejectedIdOutOfRange;
    private ulong _rejectedIdNotInFlight;
    private ulong _rejectedIdNotPublished;
    private ulong _rejectedLength;
    private ulong _rejectedUsedIndex;
    private ulong _broken;

    /// <summary>Chains placed in the available ring.</summary>
    public ulong Submitted => Volatile.Read(ref _submitted);
    /// <summary>Chains taken back from the used ring with a valid id and length.</summary>
    public ulong Completed => Volatile.Read(ref _completed);
    /// <summary>Available-buffer notifications written to the device.</summary>
    public ulong NotificationsSent => Volatile.Read(ref _notificationsSent);
    /// <summary>Kicks the device asked us to skip (VIRTQ_USED_F_NO_NOTIFY or avail_event).</summary>
    public ulong NotificationsSuppressed => Volatile.Read(ref _notificationsSuppressed);
    /// <summary>Used elements whose id was not below the queue size.</summary>
    public ulong RejectedIdOutOfRange => Volatile.Read(ref _rejectedIdOutOfRange);
    /// <summary>Used elements whose id was not the head of a chain in flight (a duplicate, or a non-head).</summary>
    public ulong RejectedIdNotInFlight => Volatile.Read(ref _rejectedIdNotInFlight);
    /// <summary>Used elements naming a chain that was placed but never published by a kick.</summary>
    public ulong RejectedIdNotPublished => Volatile.Read(ref _rejectedIdNotPublished);
    /// <summary>Used elements whose length exceeded the chain's writable bytes.</summary>
    public ulong RejectedLength => Volatile.Read(ref _rejectedLength);
    /// <summary>Times the used index ran ahead of the published chains in flight, or went backwards.</summary>
    public ulong RejectedUsedIndex => Volatile.Read(ref _rejectedUsedIndex);
    /// <summary>Times the queue broke (every rejection but a lying length breaks it; the count survives resets).</summary>
    public ulong Broken => Volatile.Read(ref _broken);

    /// <summary>Sum of every rejection: zero for a well-behaved device.</summary>
    public ulong Rejected => RejectedIdOutOfRange + RejectedIdNotInFlight + RejectedIdNotPublished + RejectedLength + RejectedUsedIndex;

    internal void CountSubmitted() => Increment(ref _submitted);
    internal void CountCompleted() => Increment(ref _completed);
    internal void CountNotificationSent() => Increment(ref _notificationsSent);
    internal void CountNotificationSuppressed() => Increment(ref _notificationsSuppressed);
    internal void CountRejectedIdOutOfRange() => Increment(ref _rejectedIdOutOfRange);
    internal void CountRejectedIdNotInFlight() => Increment(ref _rejectedIdNotInFlight);
    internal void CountRejectedIdNotPublished() => Increment(ref _rejectedIdNotPublished);
    internal void CountRejectedLength() => Increment(ref _rejectedLength);
    internal void CountRejectedUsedIndex() => Increment(ref _rejectedUsedIndex);
    internal void CountBroken() => Increment(ref _broken);

    // One writer (the queue's owner): no read-modify-write race to close, only visibility to readers.
    private static void Increment(ref ulong count) => Volatile.Write(ref count, Volatile.Read(ref count) + 1);
}
