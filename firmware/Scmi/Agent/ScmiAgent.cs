// The SCMI agent core (Linux: drivers/firmware/arm_scmi/driver.c): transfers, tokens, versions, delayed responses, notifications.
using System;
using System.Buffers.Binary;
using System.Threading;

namespace Scmi;

/// <summary>
/// What protocol clients call. Everything is allocated in the constructor (before <c>Heap.Seal()</c>);
/// no call allocates. Errors are values (<see cref="ScmiResult"/>).
/// </summary>
/// <remarks>
/// One thread owns the agent: every public method but <see cref="OnResponse"/> and
/// <see cref="OnPlatformMessage"/> (which only count and flag work, from any context) runs on it, so the
/// transfer pool and the handler table need no locks. The transfer state machine is in
/// <c>firmware/Scmi/README.md</c>.
/// </remarks>
public sealed class ScmiAgent : ScmiReceiver
{
    /// <summary>Handler table entries when the constructor is not told otherwise.</summary>
    public const int DefaultHandlerCapacity = 64;
    /// <summary>BASE_NEGOTIATE_PROTOCOL_VERSION (SCMI DEN0056E v3.2 §4.2.2.11; Base protocol 2.1).</summary>
    public const byte NegotiateProtocolVersionMessage = 0x10;

    private const byte DelayedTypeBits = (byte)ScmiMessageType.DelayedResponse;
    private const int NegotiationUnknown = 0;
    private const int NegotiationOffered = 1;
    private const int NegotiationAbsent = 2;

    private readonly ScmiTransport _transport;
    private readonly ScmiClock _clock;
    private readonly ScmiTokenAllocator _tokens;
    private readonly int _payloadBytes;

    // The transfer pool (Linux: struct scmi_xfers_info), one entry per transport message.
    private readonly ScmiTransferState[] _state;
    private readonly bool[] _async;
    private readonly bool[] _tokenHeld;
    private readonly int[] _token;
    private readonly uint[] _commandHeader;
    private readonly ulong[] _deadline;
    private readonly int[] _delayedWireStatus;
    private readonly int[] _delayedLength;
    private readonly bool[] _delayedMalformed;
    private readonly byte[] _delayedValues;
    private readonly uint[] _completedDelayedHeader; // the last delayed response paired in each entry (0: none), to tell a duplicate
    private int _nextTransferHint;
    private int _quarantined;        // entries in Quarantined: the expiry scan runs only while one is waiting

    // Notification handlers by (protocol, event) (Linux: notify.c's registered events).
    private readonly byte[] _handlerProtocol;
    private readonly byte[] _handlerEvent;
    private readonly ScmiNotificationHandler?[] _handlers;

    private readonly byte[] _platformMessage;
    private int _platformWork;       // set from interrupt context by OnPlatformMessage
    private bool _processing;        // ProcessPlatformMessages is on the stack (a handler must not re-enter it)
    private int _negotiation;        // whether BASE_NEGOTIATE_PROTOCOL_VERSION is offered (asked once)

    /// <summary>Builds the agent on a started transport and registers it as the transport's receiver. Context: thread, before the heap is sealed.</summary>
    public ScmiAgent(ScmiTransport transport, ScmiClock clock, int handlerCapacity = DefaultHandlerCapacity)
    {
        _transport = transport;
        _clock = clock;
        _tokens = transport.Tokens;
        ScmiTransportCapabilities capabilities = transport.Capabilities;
        _payloadBytes = capabilities.MaxPayloadBytes;
        int pool = capabilities.MaxInFlight > 0 ? capabilities.MaxInFlight : 1;
        _state = new ScmiTransferState[pool];
        _async = new bool[pool];
        _tokenHeld = new bool[pool];
        _token = new int[pool];
        _commandHeader = new uint[pool];
        _deadline = new ulong[pool];
        _delayedWireStatus = new int[pool];
        _delayedLength = new int[pool];
        _delayedMalformed = new bool[pool];
        // A delayed response carries its status word, then at most a payload's worth of values.
        _delayedValues = new byte[pool * _payloadBytes];
        _completedDelayedHeader = new uint[pool];
        int handlers = handlerCapacity > 0 ? handlerCapacity : 1;
        _handlerProtocol = new byte[handlers];
        _handlerEvent = new byte[handlers];
        _handlers = new ScmiNotificationHandler?[handlers];
        _platformMessage = new byte[ScmiHeader.Size + _payloadBytes];
        Counters = new ScmiAgentCounters();
        transport.SetReceiver(this);
    }

    /// <summary>The channel this agent talks through.</summary>
    public ScmiTransport Transport => _transport;

    /// <summary>The clock used for timeouts.</summary>
    public ScmiClock Clock => _clock;

    /// <summary>Largest parameter or return-value payload a single message can carry.</summary>
    public int MaxPayloadBytes => _payloadBytes;

    /// <summary>Completion mode of calls made with <see cref="ScmiCompletion.Default"/>. Context: thread.</summary>
    public bool Polling { get; set; }

    /// <summary>What the agent has seen.</summary>
    public ScmiAgentCounters Counters { get; }

    /// <summary>Entries of the transfer pool (the transport's messages in flight).</summary>
    public int TransferCapacity => _state.Length;

    /// <summary>Entries of the notification handler table.</summary>
    public int HandlerCapacity => _handlers.Length;

    /// <summary>Transfers not in the pool (sent, awaiting a delayed response, quarantined). Context: thread.</summary>
    public int TransfersInUse
    {
        get
        {
            int used = 0;
            for (int i = 0; i < _state.Length; i++)
            {
                if (_state[i] != ScmiTransferState.Free)
                    used++;
            }
            return used;
        }
    }

    /// <summary>The state of pool entry <paramref name="index"/> (for tests and the shell's statistics). Context: thread.</summary>
    public ScmiTransferState TransferState(int index) => (uint)index < (uint)_state.Length ? _state[index] : ScmiTransferState.Free;

    // ---------------------------------------------------------------- synchronous commands

    /// <summary>
    /// One synchronous command: sends <paramref name="parameters"/>, waits for the reply (interrupt or
    /// polling per <paramref name="completion"/>), copies up to <paramref name="returnValues"/>.Length
    /// bytes of return values. A successful reply shorter than <paramref name="minimumReturnBytes"/> is
    /// <see cref="ScmiAgentError.ReplyTooShort"/>. Context: thread.
    /// </summary>
    public ScmiResult Invoke(ScmiProtocolId protocol, byte messageId, ReadOnlySpan<byte> parameters, Span<byte> returnValues,
        out int returnLength, int minimumReturnBytes = 0, ScmiCompletion completion = ScmiCompletion.Default)
    {
        returnLength = 0;
        int index = TakeTransfer();
        if (index < 0)
        {
            Counters.NotSent++;
            return ScmiResult.FromAgent(ScmiAgentError.NoFreeTransfer);
        }
        ScmiTransportResult result = Exchange(index, ScmiHeader.Command(protocol, messageId), parameters, returnValues, minimumReturnBytes,
            UsePolling(completion), asynchronous: false, out ScmiStatus status, out returnLength);
        FreeTransfer(index);
        return ReplyResult(result, status, returnLength, minimumReturnBytes);
    }

    // ---------------------------------------------------------------- asynchronous commands

    /// <summary>
    /// An asynchronous command (SCMI DEN0056E §4.1.2: its synchronous reply, then a delayed response with
    /// the same token): waits for both. The synchronous reply's values land in <paramref name="returnValues"/>,
    /// the delayed response's values (after its status) in <paramref name="delayedValues"/>. The caller
    /// sets the message's own "asynchronous" flag in <paramref name="parameters"/>. Context: thread.
    /// </summary>
    public ScmiResult InvokeWithDelayedResponse(ScmiProtocolId protocol, byte messageId, ReadOnlySpan<byte> parameters,
        Span<byte> returnValues, out int returnLength, Span<byte> delayedValues, out int delayedLength,
        int minimumDelayedBytes = 0, ScmiCompletion completion = ScmiCompletion.Default)
    {
        delayedLength = 0;
        ScmiResult begun = BeginDelayed(protocol, messageId, parameters, returnValues, out returnLength, out ScmiDelayedTransfer transfer,
            0, completion);
        if (!begun.IsSuccess)
            return begun;
        while (true)
        {
            ScmiResult completed = TryCompleteDelayed(transfer, delayedValues, out delayedLength, minimumDelayedBytes);
            if (!completed.IsPending)
                return completed;
            _clock.Spin();
        }
    }

    /// <summary>
    /// The first half of an asynchronous command: sends it, waits for its synchronous reply and, when that
    /// says SUCCESS, leaves the transfer awaiting its delayed response (the token stays held) and names it
    /// in <paramref name="transfer"/>. Collect it with <see cref="TryCompleteDelayed"/>. Context: thread.
    /// </summary>
    public ScmiResult BeginDelayed(ScmiProtocolId protocol, byte messageId, ReadOnlySpan<byte> parameters, Span<byte> returnValues,
        out int returnLength, out ScmiDelayedTransfer transfer, int minimumReturnBytes = 0, ScmiCompletion completion = ScmiCompletion.Default)
    {
        returnLength = 0;
        transfer = default;
        // virtio 1.3 §5.17.6.1: delayed responses travel on the eventq, which exists only with P2A.
        if (!_transport.Capabilities.HasPlatformChannel)
            return ScmiResult.FromAgent(ScmiAgentError.NoPlatformChannel);
        int index = TakeTransfer();
        if (index < 0)
        {
            Counters.NotSent++;
            return ScmiResult.FromAgent(ScmiAgentError.NoFreeTransfer);
        }
        ScmiTransportResult result = Exchange(index, ScmiHeader.Command(protocol, messageId), parameters, returnValues, minimumReturnBytes,
            UsePolling(completion), asynchronous: true, out ScmiStatus status, out returnLength);
        ScmiResult reply = ReplyResult(result, status, returnLength, minimumReturnBytes);
        if (_state[index] == ScmiTransferState.Free)
            return reply; // never sent
        if (!reply.IsSuccess)
        {
            Counters.AsyncRefused++;
            if (result == ScmiTransportResult.TimedOut)
            {
                // The command may still run and answer late: keep its token out of use for a while.
                Quarantine(index);
            }
            else
            {
                // SCMI (DEN0056E) §4.1.2: an error reply means the command was not accepted, so no delayed response follows.
                FreeTransfer(index);
            }
            return reply;
        }
        if (_state[index] != ScmiTransferState.DelayedReceived)
        {
            _state[index] = ScmiTransferState.AwaitingDelayed;
            _deadline[index] = _clock.Microseconds + _transport.Capabilities.DelayedTimeoutMicroseconds;
        }
        transfer = new ScmiDelayedTransfer(index, _token[index]);
        return default;
    }

    /// <summary>
    /// Collects the delayed response of <paramref name="transfer"/> without waiting: its values (after its
    /// status) land in <paramref name="delayedValues"/>. <see cref="ScmiResult.IsPending"/> while it has not
    /// come and the delayed timeout has not passed; then <see cref="ScmiAgentError.DelayedResponseTimedOut"/>
    /// (the token stays held for one more delayed timeout). Any other answer ends the transfer. Context: thread.
    /// </summary>
    public ScmiResult TryCompleteDelayed(ScmiDelayedTransfer transfer, Span<byte> delayedValues, out int delayedLength,
        int minimumDelayedBytes = 0)
    {
        delayedLength = 0;
        int index = transfer.Index;
        if (!transfer.IsValid || (uint)index >= (uint)_state.Length || _token[index] != transfer.Token
            || (_state[index] != ScmiTransferState.AwaitingDelayed && _state[index] != ScmiTransferState.DelayedReceived))
        {
            return ScmiResult.FromAgent(ScmiAgentError.InvalidArgument);
        }
        if (_state[index] == ScmiTransferState.AwaitingDelayed)
            ProcessPlatformMessages();
        if (_state[index] == ScmiTransferState.AwaitingDelayed)
        {
            if (_clock.Microseconds < _deadline[index])
                return new ScmiResult(ScmiTransportResult.Pending, ScmiStatus.Success, ScmiAgentError.None);
            Counters.DelayedTimedOut++;
            Quarantine(index);
            return ScmiResult.FromAgent(ScmiAgentError.DelayedResponseTimedOut);
        }

        // The delayed response is in: deliver it and end the transfer.
        bool malformed = _delayedMalformed[index];
        ScmiStatus status = ScmiStatusCodes.FromWire(_delayedWireStatus[index]);
        int length = _delayedLength[index];
        ScmiResult result = default;
        if (malformed)
        {
            result = ScmiResult.FromTransport(ScmiTransportResult.Malformed);
        }
        else if (status != ScmiStatus.Success)
        {
            result = ScmiResult.FromStatus(status);
        }
        else if (length > delayedValues.Length)
        {
            result = ScmiResult.FromTransport(ScmiTransportResult.TooLarge);
        }
        else
        {
            _delayedValues.AsSpan(index * _payloadBytes, length).CopyTo(delayedValues);
            delayedLength = length;
            if (length < minimumDelayedBytes)
                result = ScmiResult.FromAgent(ScmiAgentError.ReplyTooShort);
        }
        FreeTransfer(index);
        return result;
    }

    // ---------------------------------------------------------------- version negotiation

    /// <summary>
    /// Reads PROTOCOL_VERSION of <paramref name="protocol"/> and agrees on a version no newer than
    /// <paramref name="highestSupported"/>: an older minor is accepted, a different major is
    /// <see cref="ScmiAgentError.UnsupportedVersion"/> unless BASE_NEGOTIATE_PROTOCOL_VERSION settles it. Context: thread.
    /// </summary>
    public ScmiResult NegotiateVersion(ScmiProtocolId protocol, ScmiProtocolVersion highestSupported, out ScmiProtocolVersion agreed)
    {
        agreed = default;
        Span<byte> reply = stackalloc byte[4];
        ScmiResult result = Invoke(protocol, ScmiProtocolClient.ProtocolVersionMessage, default, reply, out _, 4);
        if (!result.IsSuccess)
            return result.Status == ScmiStatus.NotSupported ? ScmiResult.FromAgent(ScmiAgentError.ProtocolNotImplemented) : result;
        var reported = new ScmiProtocolVersion(BinaryPrimitives.ReadUInt32LittleEndian(reply));
        if (reported.Value <= highestSupported.Value && reported.Major == highestSupported.Major)
        {
            // SCMI (DEN0056E) §4.1.3: minor versions are backwards compatible, so an older minor is spoken as is.
            agreed = reported;
            return default;
        }
        if (reported.Value < highestSupported.Value)
            return ScmiResult.FromAgent(ScmiAgentError.UnsupportedVersion); // an older major: the platform cannot speak ours
        // The platform is newer. SCMI (DEN0056E) §4.2.2.11: BASE_NEGOTIATE_PROTOCOL_VERSION asks it to speak the agent's version.
        if (IsNegotiationOffered())
        {
            Span<byte> parameters = stackalloc byte[8];
            BinaryPrimitives.WriteUInt32LittleEndian(parameters, (uint)protocol);
            BinaryPrimitives.WriteUInt32LittleEndian(parameters.Slice(4), highestSupported.Value);
            ScmiResult negotiated = Invoke(ScmiProtocolId.Base, NegotiateProtocolVersionMessage, parameters, default, out _);
            if (negotiated.IsSuccess)
            {
                agreed = highestSupported;
                return default;
            }
            if (negotiated.Transport != ScmiTransportResult.Ok || negotiated.Agent != ScmiAgentError.None)
                return negotiated; // no answer at all: say so rather than guess
        }
        // Without (or refused) negotiation a newer minor still speaks every message of ours; a newer major does not.
        if (reported.Major == highestSupported.Major)
        {
            agreed = highestSupported;
            return default;
        }
        return ScmiResult.FromAgent(ScmiAgentError.UnsupportedVersion);
    }

    /// <summary>Asks PROTOCOL_MESSAGE_ATTRIBUTES of Base once whether BASE_NEGOTIATE_PROTOCOL_VERSION exists.</summary>
    private bool IsNegotiationOffered()
    {
        if (_negotiation == NegotiationUnknown)
        {
            Span<byte> parameters = stackalloc byte[4];
            BinaryPrimitives.WriteUInt32LittleEndian(parameters, NegotiateProtocolVersionMessage);
            Span<byte> reply = stackalloc byte[4];
            ScmiResult result = Invoke(ScmiProtocolId.Base, ScmiProtocolClient.ProtocolMessageAttributesMessage, parameters, reply, out _, 4);
            if (result.IsSuccess)
                _negotiation = NegotiationOffered;
            else if (result.Status == ScmiStatus.NotFound || result.Status == ScmiStatus.NotSupported)
                _negotiation = NegotiationAbsent; // a transport failure is not an answer: ask again next time
        }
        return _negotiation == NegotiationOffered;
    }

    // ---------------------------------------------------------------- notifications

    /// <summary>
    /// Registers <paramref name="handler"/> for one (protocol, event) pair; <see cref="ScmiAgentError.HandlerTableFull"/>
    /// when the table is full or the pair already has a handler. Enabling the event on the platform is the
    /// protocol client's *_NOTIFY message. Context: thread.
    /// </summary>
    public ScmiResult Subscribe(ScmiProtocolId protocol, byte eventId, ScmiNotificationHandler handler)
    {
        if (handler is null)
            return ScmiResult.FromAgent(ScmiAgentError.InvalidArgument);
        if (FindHandler((byte)protocol, eventId) >= 0)
            return ScmiResult.FromAgent(ScmiAgentError.HandlerTableFull);
        for (int i = 0; i < _handlers.Length; i++)
        {
            if (_handlers[i] is null)
            {
                _handlerProtocol[i] = (byte)protocol;
                _handlerEvent[i] = eventId;
                _handlers[i] = handler;
                return default;
            }
        }
        return ScmiResult.FromAgent(ScmiAgentError.HandlerTableFull);
    }

    /// <summary>Removes the handler of one (protocol, event) pair. Context: thread.</summary>
    public void Unsubscribe(ScmiProtocolId protocol, byte eventId)
    {
        int index = FindHandler((byte)protocol, eventId);
        if (index >= 0)
            _handlers[index] = null;
    }

    private int FindHandler(byte protocol, byte eventId)
    {
        for (int i = 0; i < _handlers.Length; i++)
        {
            if (_handlers[i] is not null && _handlerProtocol[i] == protocol && _handlerEvent[i] == eventId)
                return i;
        }
        return -1;
    }

    /// <summary>True when <see cref="OnPlatformMessage"/> flagged work not yet taken. Context: any.</summary>
    public bool PlatformWorkWaiting => Volatile.Read(ref _platformWork) != 0;

    /// <summary>
    /// Takes every waiting delayed response and notification: pairs delayed responses with their
    /// transfers, dispatches notifications to their handlers, frees quarantined transfers whose time is up.
    /// Returns how many platform messages were taken. A handler calling it again gets 0. Context: thread.
    /// </summary>
    public int ProcessPlatformMessages()
    {
        if (_processing)
            return 0;
        _processing = true;
        // Deferred notices first (they may announce platform messages), then the flag, then the queue itself.
        _transport.ProcessDeferred();
        Volatile.Write(ref _platformWork, 0);
        ReleaseExpiredQuarantines();
        int taken = 0;
        // Bounded: a platform that refills the eventq as fast as it is emptied cannot keep the thread here.
        int budget = 2 * _transport.Capabilities.MaxPlatformMessages + 1;
        while (taken < budget)
        {
            ScmiTransportResult fetched = _transport.FetchNotification(out ScmiHeader header, _platformMessage, out int length);
            if (fetched == ScmiTransportResult.NoMessage)
                break;
            if (fetched == ScmiTransportResult.Busy)
            {
                Volatile.Write(ref _platformWork, 1); // the queues were held elsewhere: come back
                break;
            }
            taken++;
            if (fetched != ScmiTransportResult.Ok)
            {
                Counters.PlatformMessagesInvalid++;
                continue;
            }
            ReadOnlySpan<byte> payload = new ReadOnlySpan<byte>(_platformMessage, 0, length);
            if (header.Type == ScmiMessageType.DelayedResponse)
                PairDelayedResponse(header, payload);
            else if (header.Type == ScmiMessageType.Notification)
                Dispatch(header, payload);
            else
                Counters.PlatformMessagesInvalid++;
        }
        if (taken == budget)
            Volatile.Write(ref _platformWork, 1);
        _processing = false;
        return taken;
    }

    private void Dispatch(ScmiHeader header, ReadOnlySpan<byte> payload)
    {
        int index = FindHandler(header.ProtocolId, header.MessageId);
        if (index < 0)
        {
            Counters.NotificationsUnhandled++;
            return;
        }
        Counters.NotificationsDispatched++;
        _handlers[index]!.OnNotification(new ScmiNotification(header, payload));
    }

    /// <summary>
    /// Matches a delayed response to the asynchronous transfer sent with its token, protocol and message id
    /// (Linux: scmi_handle_response for MSG_TYPE_DELAYED_RESP). Unknown ones and second ones are rejected.
    /// </summary>
    private void PairDelayedResponse(ScmiHeader header, ReadOnlySpan<byte> payload)
    {
        for (int i = 0; i < _state.Length; i++)
        {
            ScmiTransferState state = _state[i];
            if (state == ScmiTransferState.Free || !_async[i] || _token[i] != header.Token || DelayedHeaderOf(i) != header.Value)
                continue;
            switch (state)
            {
                case ScmiTransferState.Sent:
                    // SCMI (DEN0056E) §4.1.2 orders the reply first, but the channels are separate queues: keep it.
                    Counters.DelayedBeforeReply++;
                    StoreDelayed(i, payload);
                    return;
                case ScmiTransferState.AwaitingDelayed:
                    StoreDelayed(i, payload);
                    return;
                case ScmiTransferState.DelayedReceived:
                    Counters.DelayedDuplicate++;
                    return;
                case ScmiTransferState.Quarantined:
                    // Came after its timeout: the caller was told already; the token may go now.
                    Counters.DelayedLate++;
                    FreeTransfer(i);
                    return;
            }
        }
        for (int i = 0; i < _state.Length; i++)
        {
            if (_completedDelayedHeader[i] == header.Value)
            {
                Counters.DelayedDuplicate++;
                return;
            }
        }
        Counters.DelayedUnexpected++;
    }

    private uint DelayedHeaderOf(int index) => _commandHeader[index] | ((uint)DelayedTypeBits << 8);

    private void StoreDelayed(int index, ReadOnlySpan<byte> payload)
    {
        Counters.DelayedPaired++;
        _state[index] = ScmiTransferState.DelayedReceived;
        _completedDelayedHeader[index] = DelayedHeaderOf(index);
        // SCMI (DEN0056E) §4.1.2: a delayed response carries a status word, then the return values.
        if (payload.Length < 4 || payload.Length - 4 > _payloadBytes)
        {
            _delayedMalformed[index] = true;
            _delayedLength[index] = 0;
            return;
        }
        _delayedMalformed[index] = false;
        _delayedWireStatus[index] = BinaryPrimitives.ReadInt32LittleEndian(payload);
        _delayedLength[index] = payload.Length - 4;
        payload.Slice(4).CopyTo(_delayedValues.AsSpan(index * _payloadBytes, _payloadBytes));
    }

    // ---------------------------------------------------------------- receiver (any context)

    /// <summary>Counts the transport's completion notice; the waiter watches the transport itself. Context: any (IRQ).</summary>
    public override void OnResponse(ScmiMessageHandle message) => Interlocked.Increment(ref Counters.ResponseSignals);

    /// <summary>Flags platform messages for <see cref="ProcessPlatformMessages"/>; never fetches here. Context: any (IRQ).</summary>
    public override void OnPlatformMessage()
    {
        Interlocked.Increment(ref Counters.PlatformSignals);
        Volatile.Write(ref _platformWork, 1);
    }

    // ---------------------------------------------------------------- transfers

    private bool UsePolling(ScmiCompletion completion) =>
        completion == ScmiCompletion.Poll || (completion == ScmiCompletion.Default && Polling) || _transport.Capabilities.ForcePolling;

    private static ScmiResult ReplyResult(ScmiTransportResult result, ScmiStatus status, int returnLength, int minimumReturnBytes)
    {
        if (result != ScmiTransportResult.Ok)
            return ScmiResult.FromTransport(result);
        if (status != ScmiStatus.Success)
            return ScmiResult.FromStatus(status);
        if (returnLength < minimumReturnBytes)
            return ScmiResult.FromAgent(ScmiAgentError.ReplyTooShort);
        return default;
    }

    /// <summary>Takes a free pool entry (Free → Sent, not yet on the wire); -1 when none is free.</summary>
    private int TakeTransfer()
    {
        ReleaseExpiredQuarantines();
        int count = _state.Length;
        for (int i = 0; i < count; i++)
        {
            int candidate = (_nextTransferHint + i) % count;
            if (_state[candidate] != ScmiTransferState.Free)
                continue;
            _nextTransferHint = (candidate + 1) % count;
            _state[candidate] = ScmiTransferState.Sent;
            _async[candidate] = false;
            _tokenHeld[candidate] = false;
            _token[candidate] = -1;
            _completedDelayedHeader[candidate] = 0;
            return candidate;
        }
        return -1;
    }

    /// <summary>Returns an entry to the pool, dropping the core's hold on its token.</summary>
    private void FreeTransfer(int index)
    {
        if (_state[index] == ScmiTransferState.Quarantined)
            _quarantined--;
        if (_tokenHeld[index])
        {
            _tokenHeld[index] = false;
            _tokens.Release(_token[index]);
        }
        _state[index] = ScmiTransferState.Free;
    }

    /// <summary>
    /// A delayed response that did not come: the entry and its token stay out of use for one more delayed
    /// timeout, so a late one is recognised (counted <see cref="ScmiAgentCounters.DelayedLate"/>) instead of
    /// matching a newer command that reused the token.
    /// </summary>
    private void Quarantine(int index)
    {
        if (_state[index] != ScmiTransferState.Quarantined)
            _quarantined++;
        _state[index] = ScmiTransferState.Quarantined;
        _deadline[index] = _clock.Microseconds + _transport.Capabilities.DelayedTimeoutMicroseconds;
    }

    private void ReleaseExpiredQuarantines()
    {
        // Every TakeTransfer comes here: without a quarantined entry there is nothing to scan, and no clock to read.
        if (_quarantined == 0)
            return;
        ulong now = _clock.Microseconds;
        for (int i = 0; i < _state.Length; i++)
        {
            if (_state[i] == ScmiTransferState.Quarantined && now >= _deadline[i])
                FreeTransfer(i);
        }
    }

    /// <summary>
    /// Sends one command through entry <paramref name="index"/> and waits for its synchronous reply
    /// (Linux: do_xfer + scmi_wait_for_reply). For an asynchronous one the core holds the token before
    /// <see cref="ScmiTransport.MarkTxDone"/>, and platform messages are taken while waiting so a delayed
    /// response that overtakes the reply is kept. On return the entry is Free when nothing was sent.
    /// </summary>
    private ScmiTransportResult Exchange(int index, ScmiHeader header, ReadOnlySpan<byte> parameters, Span<byte> returnValues,
        int minimumReturnBytes, bool poll, bool asynchronous, out ScmiStatus status, out int returnLength)
    {
        status = ScmiStatus.Unknown;
        returnLength = 0;
        if (minimumReturnBytes > returnValues.Length)
        {
            _state[index] = ScmiTransferState.Free;
            Counters.NotSent++;
            return ScmiTransportResult.TooLarge;
        }
        ScmiTransportResult sent = _transport.Send(header, parameters, minimumReturnBytes, Math.Min(returnValues.Length, _payloadBytes), poll,
            out ScmiMessageHandle message);
        if (sent != ScmiTransportResult.Ok)
        {
            _state[index] = ScmiTransferState.Free;
            Counters.NotSent++;
            return sent;
        }
        _token[index] = message.Token;
        _commandHeader[index] = header.WithToken(message.Token).Value & 0x0FFF_FFFF;
        _async[index] = asynchronous;
        // The transport releases its hold at MarkTxDone; the core's keeps the token while the delayed response is awaited.
        if (asynchronous)
            _tokenHeld[index] = _tokens.Hold(message.Token);
        Counters.Sent++;
        if (poll)
            Counters.SentPolled++;
        else
            Counters.SentInterrupt++;
        if (asynchronous)
            Counters.AsyncSent++;

        ulong deadline = _clock.Microseconds + _transport.Capabilities.SyncTimeoutMicroseconds;
        while (true)
        {
            // Platform messages first (whether or not an interrupt announced them yet): a delayed response
            // already on the eventq is kept before its reply is fetched.
            if (asynchronous)
                ProcessPlatformMessages();
            if (poll ? _transport.PollDone(message) : _transport.IsDone(message))
                break;
            if (_clock.Microseconds >= deadline)
            {
                // One last look: the reply may have landed between the check and the deadline.
                if (poll ? _transport.PollDone(message) : _transport.IsDone(message))
                    break;
                _transport.MarkTxDone(message, timedOut: true);
                Counters.TimedOut++;
                return ScmiTransportResult.TimedOut;
            }
            _clock.Spin();
        }
        ScmiTransportResult fetched = _transport.FetchResponse(message, out status, returnValues, out returnLength);
        _transport.MarkTxDone(message, timedOut: false);
        if (fetched == ScmiTransportResult.Ok)
            Counters.Completed++;
        else
            Counters.Failed++;
        return fetched;
    }
}
