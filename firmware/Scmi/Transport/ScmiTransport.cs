// The transport boundary the SCMI core talks to (Linux: struct scmi_transport_ops); the core never names virtio.
using System;

namespace Scmi;

/// <summary>
/// One SCMI channel pair as the core sees it: an agent-to-platform channel for commands and, when
/// <see cref="ScmiTransportCapabilities.HasPlatformChannel"/>, a platform-to-agent channel for delayed
/// responses and notifications. An abstract class, not an interface: interface dispatch is not available on target.
/// </summary>
/// <remarks>
/// A transfer is: <see cref="Send"/> (the transport stamps a token, copies the request into a message
/// of its fixed pool and queues it), then either wait for <see cref="IsDone"/> (interrupt completion)
/// or call <see cref="PollDone"/> until it answers true (polling completion), bounded by the transfer's
/// timeout; then <see cref="FetchResponse"/>, and always <see cref="MarkTxDone"/>, which returns the
/// message to the pool — or, when the caller timed out and the platform still holds the buffer, keeps
/// it until the platform gives it back. Nothing here blocks or allocates.
/// </remarks>
public abstract class ScmiTransport
{
    /// <summary>What this channel can do.</summary>
    public abstract ScmiTransportCapabilities Capabilities { get; }

    /// <summary>
    /// The tokens <see cref="Send"/> stamps from. The transport holds a token from send until its message is
    /// free; the core adds a hold (<see cref="ScmiTokenAllocator.Hold"/>, before <see cref="MarkTxDone"/>)
    /// for an asynchronous command until its delayed response is in, so the token is not reused meanwhile.
    /// </summary>
    public abstract ScmiTokenAllocator Tokens { get; }

    /// <summary>
    /// Queues one command: <paramref name="header"/> (its token is replaced by the transport's), then
    /// <paramref name="parameters"/>. <paramref name="expectedReturnBytes"/> is the size of the return
    /// values after the status word: a successful reply shorter than that is refused as malformed.
    /// <paramref name="maxReturnBytes"/> sizes the reply area (paged lists fill what they are given).
    /// <paramref name="poll"/> asks for polling completion. Returns <see cref="ScmiTransportResult.Busy"/>
    /// on an empty pool, never waits. Context: thread.
    /// </summary>
    public abstract ScmiTransportResult Send(ScmiHeader header, ReadOnlySpan<byte> parameters, int expectedReturnBytes, int maxReturnBytes,
        bool poll, out ScmiMessageHandle message);

    /// <summary>True once the reply to <paramref name="message"/> (or its failure) is in; looks only. Context: any (IRQ, thread, poller).</summary>
    public abstract bool IsDone(ScmiMessageHandle message);

    /// <summary>
    /// Makes progress on a polled transfer without interrupts and answers whether its reply (or its
    /// failure) is in. Never waits for another context. Context: any (thread, poller).
    /// </summary>
    public abstract bool PollDone(ScmiMessageHandle message);

    /// <summary>
    /// Copies the reply's return values (after header and status) into <paramref name="returnValues"/>
    /// and gives the status. Only after <see cref="IsDone"/>; the result says whether the reply was usable. Context: thread.
    /// </summary>
    public abstract ScmiTransportResult FetchResponse(ScmiMessageHandle message, out ScmiStatus status, Span<byte> returnValues,
        out int returnLength);

    /// <summary>
    /// Ends the caller's use of <paramref name="message"/>. With <paramref name="timedOut"/> the caller gave
    /// up waiting: if the platform still holds the buffer it stays reserved until the late reply comes
    /// back (then discarded and counted). Context: thread.
    /// </summary>
    public abstract void MarkTxDone(ScmiMessageHandle message, bool timedOut);

    /// <summary>
    /// Takes the next delayed response or notification: its header and payload (after the header). Gives
    /// its buffer back to the platform at once. <see cref="ScmiTransportResult.NoMessage"/> when none waits. Context: thread.
    /// </summary>
    public abstract ScmiTransportResult FetchNotification(out ScmiHeader header, Span<byte> payload, out int payloadLength);

    /// <summary>Runs work other contexts left for later (completions found by a poller, a drain an interrupt could not do). Context: thread (main loop).</summary>
    public abstract void ProcessDeferred();

    /// <summary>Where completions are announced; null for none. Set before traffic starts.</summary>
    public abstract void SetReceiver(ScmiReceiver? receiver);
}
