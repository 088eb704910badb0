// What a transport operation came to: the one error enum of the transport boundary.
namespace Scmi;

/// <summary>
/// Outcome of an <see cref="ScmiTransport"/> call. The SCMI status of a reply is separate
/// (<see cref="ScmiStatus"/>): this says whether a reply could be had at all.
/// </summary>
public enum ScmiTransportResult
{
    /// <summary>Done.</summary>
    Ok = 0,
    /// <summary>The reply has not arrived yet.</summary>
    Pending,
    /// <summary>No free message (pool exhausted, or the channel is held by another context): try again later. Never blocks.</summary>
    Busy,
    /// <summary>The channel is not ready (not started, shut down, or being reset).</summary>
    NotReady,
    /// <summary>The queue refused the message; the message went back to the pool.</summary>
    QueueError,
    /// <summary>The reply did not come within the transfer's timeout (reported by the waiter).</summary>
    TimedOut,
    /// <summary>A reply came but failed validation (length, header echo, shorter than the expected return values); nothing of it is delivered.</summary>
    Malformed,
    /// <summary>The device broke the ring; the channel was reset and this transfer failed with it.</summary>
    ChannelReset,
    /// <summary>No platform-to-agent channel (P2A was not negotiated), or nothing waiting on it.</summary>
    NoMessage,
    /// <summary>The request or the expected reply does not fit the transport's maximum message size, or the caller's buffer is too small.</summary>
    TooLarge,
    /// <summary>The handle does not name a message of this caller (stale, released, or never issued).</summary>
    InvalidHandle,
}
