// A transport that passes every call to the real one and books its ticks as send, completion or waiting.
using System;
using Scmi;

namespace Bench;

/// <summary>
/// Sits between the agent and <see cref="Scmi.Virtio.ScmiVirtioTransport"/>. Send is send; a done-check that
/// answers false is waiting, one that answers true, FetchResponse and MarkTxDone are completion.
/// </summary>
internal sealed class TimedTransport : ScmiTransport
{
    private readonly ScmiTransport _inner;

    public TimedTransport(ScmiTransport inner) => _inner = inner;

    public override ScmiTransportCapabilities Capabilities => _inner.Capabilities;

    public override ScmiTokenAllocator Tokens => _inner.Tokens;

    public override ScmiTransportResult Send(ScmiHeader header, ReadOnlySpan<byte> parameters, int expectedReturnBytes, int maxReturnBytes,
        bool poll, out ScmiMessageHandle message)
    {
        ulong start = PathCounters.Stamp(out ulong handler);
        ScmiTransportResult result = _inner.Send(header, parameters, expectedReturnBytes, maxReturnBytes, poll, out message);
        PathCounters.Send(start, handler);
        return result;
    }

    public override bool IsDone(ScmiMessageHandle message)
    {
        ulong start = PathCounters.Stamp(out ulong handler);
        bool done = _inner.IsDone(message);
        Book(done, start, handler);
        return done;
    }

    public override bool PollDone(ScmiMessageHandle message)
    {
        ulong start = PathCounters.Stamp(out ulong handler);
        bool done = _inner.PollDone(message);
        Book(done, start, handler);
        return done;
    }

    public override ScmiTransportResult FetchResponse(ScmiMessageHandle message, out ScmiStatus status, Span<byte> returnValues, out int returnLength)
    {
        ulong start = PathCounters.Stamp(out ulong handler);
        ScmiTransportResult result = _inner.FetchResponse(message, out status, returnValues, out returnLength);
        PathCounters.Completion(start, handler);
        return result;
    }

    public override void MarkTxDone(ScmiMessageHandle message, bool timedOut)
    {
        ulong start = PathCounters.Stamp(out ulong handler);
        _inner.MarkTxDone(message, timedOut);
        PathCounters.Completion(start, handler);
    }

    public override ScmiTransportResult FetchNotification(out ScmiHeader header, Span<byte> payload, out int payloadLength) =>
        _inner.FetchNotification(out header, payload, out payloadLength);

    public override void ProcessDeferred() => _inner.ProcessDeferred();

    public override void SetReceiver(ScmiReceiver? receiver) => _inner.SetReceiver(receiver);

    /// <summary>The same bookkeeping as every measured call, around nothing: what one measurement costs its caller.</summary>
    public static void MeasureNothing()
    {
        ulong start = PathCounters.Stamp(out ulong handler);
        PathCounters.Wait(start, handler);
    }

    private static void Book(bool done, ulong start, ulong handler)
    {
        if (done)
            PathCounters.Completion(start, handler);
        else
            PathCounters.Wait(start, handler);
    }
}
