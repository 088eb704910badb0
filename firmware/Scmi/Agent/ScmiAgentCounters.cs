// Tallies of the agent core: commands by completion mode, delayed responses, notifications. Read with Volatile where interrupts count.
namespace Scmi;

/// <summary>
/// What the agent has seen. All fields but <see cref="PlatformSignals"/> and <see cref="ResponseSignals"/>
/// are written by the thread that owns the agent; those two are written from interrupt context with
/// Interlocked, so read every field with <c>Volatile.Read</c>. Invariants once idle (nothing pending):
/// <c>Sent == Completed + TimedOut + Failed</c>, <c>SentInterrupt + SentPolled == Sent</c>,
/// <c>AsyncSent == DelayedPaired + DelayedTimedOut + AsyncRefused</c>.
/// </summary>
public sealed class ScmiAgentCounters
{
    /// <summary>Commands the transport accepted.</summary>
    public ulong Sent;
    /// <summary>Of <see cref="Sent"/>, those completed by the transport's interrupt.</summary>
    public ulong SentInterrupt;
    /// <summary>Of <see cref="Sent"/>, those completed by polling.</summary>
    public ulong SentPolled;
    /// <summary>Synchronous replies fetched (any status).</summary>
    public ulong Completed;
    /// <summary>Synchronous replies that did not come in time.</summary>
    public ulong TimedOut;
    /// <summary>Sent commands whose reply the transport could not deliver (malformed, channel reset, not ready).</summary>
    public ulong Failed;
    /// <summary>Commands not sent: the transport refused them (busy, too large, not ready) or no transfer was free.</summary>
    public ulong NotSent;
    /// <summary>Asynchronous commands sent (a delayed response was asked for).</summary>
    public ulong AsyncSent;
    /// <summary>Asynchronous commands whose synchronous reply failed or timed out, so no delayed response was awaited.</summary>
    public ulong AsyncRefused;
    /// <summary>Delayed responses matched to their awaiting transfer.</summary>
    public ulong DelayedPaired;
    /// <summary>Of <see cref="DelayedPaired"/>, those that arrived before their synchronous reply was fetched.</summary>
    public ulong DelayedBeforeReply;
    /// <summary>Delayed responses for no awaiting transfer (rejected).</summary>
    public ulong DelayedUnexpected;
    /// <summary>A second delayed response for a transfer that already had one (rejected).</summary>
    public ulong DelayedDuplicate;
    /// <summary>Delayed responses that did not come within the delayed timeout.</summary>
    public ulong DelayedTimedOut;
    /// <summary>Delayed responses that came during the quarantine after their timeout (rejected, token released).</summary>
    public ulong DelayedLate;
    /// <summary>Notifications handed to a registered handler.</summary>
    public ulong NotificationsDispatched;
    /// <summary>Notifications nobody subscribed to (dropped).</summary>
    public ulong NotificationsUnhandled;
    /// <summary>Platform messages that were neither a delayed response nor a notification, or did not fit (dropped).</summary>
    public ulong PlatformMessagesInvalid;
    /// <summary>Times the transport announced a platform message (interrupt context).</summary>
    public ulong PlatformSignals;
    /// <summary>Times the transport announced a reply (interrupt context).</summary>
    public ulong ResponseSignals;
}
