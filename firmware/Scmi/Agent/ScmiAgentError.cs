// Failures the agent itself detects, beside the transport's results and the platform's status codes.
namespace Scmi;

/// <summary>What went wrong in the agent (not on the wire, not in the platform). <see cref="None"/> is 0 so a default result is success.</summary>
public enum ScmiAgentError
{
    /// <summary>Nothing.</summary>
    None = 0,
    /// <summary>The platform's protocol version has a major this client does not implement, and negotiation did not help.</summary>
    UnsupportedVersion,
    /// <summary>The platform does not list the protocol (BASE_DISCOVER_LIST_PROTOCOLS) or answered NOT_SUPPORTED to its version.</summary>
    ProtocolNotImplemented,
    /// <summary>The client was used before <c>Discover</c> succeeded.</summary>
    NotDiscovered,
    /// <summary>A successful reply carried fewer return values than its message defines.</summary>
    ReplyTooShort,
    /// <summary>A reply's values are inconsistent (a count larger than what was returned, a name without a terminator...).</summary>
    ReplyInvalid,
    /// <summary>The synchronous reply came, the delayed response did not within the delayed timeout.</summary>
    DelayedResponseTimedOut,
    /// <summary>Delayed responses and notifications need the platform-to-agent channel, which this transport does not have.</summary>
    NoPlatformChannel,
    /// <summary>Every transfer of the pool is in use.</summary>
    NoFreeTransfer,
    /// <summary>The notification handler table is full, or the (protocol, event) pair already has a handler.</summary>
    HandlerTableFull,
    /// <summary>An argument is out of range before anything was sent (an index past a count, a buffer too small).</summary>
    InvalidArgument,
}
