// One synchronous transfer over a transport: send, wait by interrupt or by polling within the timeout, fetch, release.
using System;

namespace Scmi;

/// <summary>
/// The smallest transfer primitive the core builds on: every path ends with <see cref="ScmiTransport.MarkTxDone"/>,
/// and a timeout is always reported to the caller. Only the caller chooses polling or interrupt completion.
/// </summary>
public static class ScmiExchange
{
    /// <summary>
    /// Sends <paramref name="header"/> + <paramref name="parameters"/> and waits up to the transport's sync
    /// timeout (or <paramref name="timeoutMicroseconds"/> when not 0). The return values land in
    /// <paramref name="returnValues"/>, whose length sizes the reply area. Context: thread.
    /// </summary>
    public static ScmiTransportResult Run(ScmiTransport transport, ScmiClock clock, ScmiHeader header, ReadOnlySpan<byte> parameters,
        int expectedReturnBytes, bool poll, Span<byte> returnValues, out ScmiStatus status, out int returnLength, ulong timeoutMicroseconds = 0)
    {
        status = ScmiStatus.Unknown;
        returnLength = 0;
        ScmiTransportResult sent = transport.Send(header, parameters, expectedReturnBytes, returnValues.Length, poll, out ScmiMessageHandle message);
        if (sent != ScmiTransportResult.Ok)
            return sent;
        ulong timeout = timeoutMicroseconds != 0 ? timeoutMicroseconds : transport.Capabilities.SyncTimeoutMicroseconds;
        ulong deadline = clock.Microseconds + timeout;
        while (!(poll ? transport.PollDone(message) : transport.IsDone(message)))
        {
            if (clock.Microseconds >= deadline)
            {
                // One last look: the reply may have landed between the check and the deadline.
                if (poll ? transport.PollDone(message) : transport.IsDone(message))
                    break;
                transport.MarkTxDone(message, timedOut: true);
                return ScmiTransportResult.TimedOut;
            }
            clock.Spin();
        }
        ScmiTransportResult fetched = transport.FetchResponse(message, out status, returnValues, out returnLength);
        transport.MarkTxDone(message, timedOut: false);
        return fetched;
    }
}
