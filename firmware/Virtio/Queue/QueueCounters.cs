// Tallies of a queue's traffic and of every device misbehaviour it caught.
namespace Virtio;

/// <summary>
/// What a queue has seen. The rejected counts are the "counted and reported, never trusted" half of
/// the used-ring checks; the notification counts show the suppression at work.
/// </summary>
public sealed class QueueCounters
{
    /// <summary>Chains placed in the available ring.</summary>
    public ulong Submitted;
    /// <summary>Chains taken back from the used ring with a valid id and length.</summary>
    public ulong Completed;
    /// <summary>Available-buffer notifications written to the device.</summary>
    public ulong NotificationsSent;
    /// <summary>Kicks the device asked us to skip (VIRTQ_USED_F_NO_NOTIFY or avail_event).</summary>
    public ulong NotificationsSuppressed;
    /// <summary>Used elements whose id was not below the queue size.</summary>
    public ulong RejectedIdOutOfRange;
    /// <summary>Used elements whose id was not the head of a chain in flight (a duplicate, or a non-head).</summary>
    public ulong RejectedIdNotInFlight;
    /// <summary>Used elements naming a chain that was placed but never published by a kick.</summary>
    public ulong RejectedIdNotPublished;
    /// <summary>Used elements whose length exceeded the chain's writable bytes.</summary>
    public ulong RejectedLength;
    /// <summary>Times the used index ran ahead of the published chains in flight, or went backwards.</summary>
    public ulong RejectedUsedIndex;
    /// <summary>Times the queue broke (each rejection breaks it; the count survives resets).</summary>
    public ulong Broken;

    /// <summary>Sum of every rejection: zero for a well-behaved device.</summary>
    public ulong Rejected => RejectedIdOutOfRange + RejectedIdNotInFlight + RejectedIdNotPublished + RejectedLength + RejectedUsedIndex;
}
