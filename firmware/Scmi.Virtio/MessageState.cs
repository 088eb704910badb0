// The states of one TX message (see README.md, "Per-message state machine"); changed only by compare-and-swap.
namespace Scmi.Virtio;

/// <summary>
/// Values of a TX message's state word. Plain int constants rather than an enum because the word is
/// moved with <c>Interlocked.CompareExchange(ref int, ...)</c>.
/// </summary>
internal static class MessageState
{
    /// <summary>In the pool; token released.</summary>
    public const int Free = 0;
    /// <summary>Taken by a sender that is writing the request.</summary>
    public const int Reserved = 1;
    /// <summary>Exposed to the device; completed by whoever drains (interrupt completion).</summary>
    public const int InFlight = 2;
    /// <summary>Exposed to the device; its sender polls.</summary>
    public const int Polled = 3;
    /// <summary>Reply taken and classified; the caller owns the buffers.</summary>
    public const int Done = 4;
    /// <summary>The caller gave up; the device still owns the buffers.</summary>
    public const int TimedOut = 5;
    /// <summary>Request written and handed to whoever is inside the queues, who exposes it (not yet in the ring).</summary>
    public const int Queued = 6;
    /// <summary>Handed over, and its caller gave up before it was exposed; it is still exposed, then handled as TimedOut.</summary>
    public const int Withdrawn = 7;
}
