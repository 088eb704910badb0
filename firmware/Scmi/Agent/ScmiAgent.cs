// The SCMI agent core (Linux: drivers/firmware/arm_scmi/driver.c): transfers, versions, delayed responses, notifications.
using System;

namespace Scmi;

/// <summary>
/// What protocol clients call. Everything is allocated in the constructor (before <c>Heap.Seal()</c>);
/// no call allocates. Errors are values (<see cref="ScmiResult"/>).
/// </summary>
public sealed class ScmiAgent : ScmiReceiver
{
    private readonly ScmiTransport _transport;
    private readonly ScmiClock _clock;

    /// <summary>Builds the agent on a started transport. Context: thread, before the heap is sealed.</summary>
    public ScmiAgent(ScmiTransport transport, ScmiClock clock)
    {
        _transport = transport;
        _clock = clock;
    }

    /// <summary>The channel this agent talks through.</summary>
    public ScmiTransport Transport => _transport;

    /// <summary>The clock used for timeouts.</summary>
    public ScmiClock Clock => _clock;

    /// <summary>Largest parameter or return-value payload a single message can carry.</summary>
    public int MaxPayloadBytes => _transport.Capabilities.MaxPayloadBytes;

    /// <summary>Completion mode of calls made with <see cref="ScmiCompletion.Default"/>. Context: thread.</summary>
    public bool Polling { get; set; }

    /// <summary>
    /// One synchronous command: sends <paramref name="parameters"/>, waits for the reply (interrupt or
    /// polling per <paramref name="completion"/>), copies up to <paramref name="returnValues"/>.Length
    /// bytes of return values. A successful reply shorter than <paramref name="minimumReturnBytes"/> is
    /// <see cref="ScmiAgentError.ReplyTooShort"/>. Context: thread.
    /// </summary>
    public ScmiResult Invoke(ScmiProtocolId protocol, byte messageId, ReadOnlySpan<byte> parameters, Span<byte> returnValues,
        out int returnLength, int minimumReturnBytes = 0, ScmiCompletion completion = ScmiCompletion.Default)
    {
        bool poll = completion == ScmiCompletion.Poll || (completion == ScmiCompletion.Default && Polling);
        ScmiTransportResult result = ScmiExchange.Run(_transport, _clock, ScmiHeader.Command(protocol, messageId), parameters,
            minimumReturnBytes, poll, returnValues, out ScmiStatus status, out returnLength);
        if (result != ScmiTransportResult.Ok)
            return ScmiResult.FromTransport(result);
        if (status != ScmiStatus.Success)
            return ScmiResult.FromStatus(status);
        if (returnLength < minimumReturnBytes)
            return ScmiResult.FromAgent(ScmiAgentError.ReplyTooShort);
        return default;
    }

    /// <summary>
    /// An asynchronous command (SCMI DEN0056E §4.1.2: its synchronous reply, then a delayed response with
    /// the same token): waits for both. The synchronous reply's values land in <paramref name="returnValues"/>,
    /// the delayed response's values (after its status) in <paramref name="delayedValues"/>. Context: thread.
    /// </summary>
    public ScmiResult InvokeWithDelayedResponse(ScmiProtocolId protocol, byte messageId, ReadOnlySpan<byte> parameters,
        Span<byte> returnValues, out int returnLength, Span<byte> delayedValues, out int delayedLength,
        int minimumDelayedBytes = 0, ScmiCompletion completion = ScmiCompletion.Default)
    {
        returnLength = 0;
        delayedLength = 0;
        return ScmiResult.FromAgent(ScmiAgentError.NoPlatformChannel);
    }

    /// <summary>
    /// Reads PROTOCOL_VERSION of <paramref name="protocol"/> and agrees on a version no newer than
    /// <paramref name="highestSupported"/>: an older minor is accepted, a different major is
    /// <see cref="ScmiAgentError.UnsupportedVersion"/> unless BASE_NEGOTIATE_PROTOCOL_VERSION settles it. Context: thread.
    /// </summary>
    public ScmiResult NegotiateVersion(ScmiProtocolId protocol, ScmiProtocolVersion highestSupported, out ScmiProtocolVersion agreed)
    {
        agreed = default;
        Span<byte> reply = stackalloc byte[4];
        ScmiResult result = Invoke(protocol, 0, default, reply, out _, 4);
        if (!result.IsSuccess)
            return result.Status == ScmiStatus.NotSupported ? ScmiResult.FromAgent(ScmiAgentError.ProtocolNotImplemented) : result;
        var reported = new ScmiProtocolVersion(System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(reply));
        if (reported.Major != highestSupported.Major)
            return ScmiResult.FromAgent(ScmiAgentError.UnsupportedVersion);
        agreed = reported;
        return default;
    }

    /// <summary>Registers <paramref name="handler"/> for one (protocol, event) pair. Context: thread.</summary>
    public ScmiResult Subscribe(ScmiProtocolId protocol, byte eventId, ScmiNotificationHandler handler) =>
        ScmiResult.FromAgent(ScmiAgentError.HandlerTableFull);

    /// <summary>Removes the handler of one (protocol, event) pair. Context: thread.</summary>
    public void Unsubscribe(ScmiProtocolId protocol, byte eventId)
    {
    }

    /// <summary>
    /// Takes every waiting delayed response and notification: pairs delayed responses with their
    /// transfers, dispatches notifications to their handlers. Returns how many were taken. Context: thread.
    /// </summary>
    public int ProcessPlatformMessages() => 0;

    /// <inheritdoc />
    public override void OnResponse(ScmiMessageHandle message)
    {
    }

    /// <inheritdoc />
    public override void OnPlatformMessage()
    {
    }
}
