// The SCMI virtio transport: cmdq and eventq of one virtio SCMI device behind the core's ScmiTransport boundary.
// Specs: virtio 1.3 §5.17 (SCMI device), SCMI DEN0056E §4.1 (messages). State machine: README.md.
using System;
using System.Buffers.Binary;
using System.Threading;
using Virtio;

namespace Scmi.Virtio;

/// <summary>
/// One virtio SCMI channel pair with a fixed message pool, interrupt completion and lock-free polling.
/// </summary>
/// <remarks>
/// <para><b>Theory of operation.</b> <see cref="Create"/> negotiates VERSION_1 and P2A only, sets up cmdq (and
/// eventq with P2A), allocates the pool, posts every eventq buffer and sets DRIVER_OK. A send takes a
/// free message by CAS, stamps a token, writes the request and, holding the channel owner word,
/// queues request-readable + reply-writable, takes the used-index snapshot and kicks. Completion comes
/// from whoever drains the used rings next: the interrupt handler, a poller whose snapshot moved, or a
/// holder re-checking on its way out. Every TX message's state moves by CAS only (README.md lists the
/// states, edges and who moves each); the queues themselves are touched only by the owner-word holder.</para>
/// <para><b>Buffer ownership.</b> Free/Reserved: the pool or the sender; InFlight/Polled/TimedOut: the device;
/// Done: the caller until <see cref="MarkTxDone"/>. eventq buffers belong to the device while posted and
/// to the core between being drained and <see cref="FetchNotification"/>, which re-posts them.</para>
/// </remarks>
public sealed partial class ScmiVirtioTransport : ScmiTransport
{
    /// <summary>Virtio SCMI feature bit 0: the eventq exists (virtio 1.3 §5.17.3).</summary>
    public const ulong P2AChannelsFeature = 1UL << 0;
    /// <summary>cmdq index (virtio 1.3 §5.17.2).</summary>
    public const ushort CommandQueueIndex = 0;
    /// <summary>eventq index (virtio 1.3 §5.17.2).</summary>
    public const ushort EventQueueIndex = 1;
    /// <summary>Most messages either side, bounded by the 10-bit token space.</summary>
    public const int MaximumMessages = ScmiHeader.TokenCount;

    private const int BufferAlignment = 8;

    private readonly VirtioDevice _device;
    private readonly ScmiVirtioOptions _options;
    private readonly MemoryOrdering _ordering;
    private readonly ScmiTraceSink? _trace;
    private readonly ScmiTokenAllocator _tokens = new ScmiTokenAllocator();

    // TX pool: one request area and one reply area per message, in one DMA region.
    private readonly DmaRegion _txBuffers;
    private readonly int _txCount;
    private readonly int _areaBytes;
    private readonly int[] _txState;
    private readonly int[] _txToken;
    private readonly uint[] _txHeader;
    private readonly int[] _txExpected;
    private readonly int[] _txReplyCapacity;
    private readonly ushort[] _txSnapshot;
    private readonly int[] _txResult;       // ScmiTransportResult once Done
    private readonly int[] _txWireStatus;
    private readonly int[] _txReplyLength;
    private readonly int[] _txPendingNotice; // 1 = receiver's OnResponse deferred
    private readonly int[] _txRequestLength;
    private readonly int[] _txPoll;           // 1 = the sender polls (Polled once exposed)
    private int _nextFreeHint;

    // RX pool: one buffer per eventq entry; a FIFO of drained buffers awaiting the core (touched only by the owner).
    private readonly DmaRegion? _rxBuffers;
    private readonly int _rxCount;
    private readonly int[] _rxFifo;
    private readonly uint[] _rxLength;
    private int _rxFifoHead;
    private int _rxFifoCount;

    private SplitQueue _cmdq;
    private SplitQueue? _eventq;
    private ScmiReceiver? _receiver;
    private ScmiTransportCapabilities _capabilities;

    private int _ready;          // 1 while the channel may be used (the ready flag every path checks)
    private int _owner;          // 1 while a context is inside the queues (the drain-owner word)
    private int _workWanted;     // set by a context that could not claim the owner
    private int _pendingNotices; // receiver notices waiting for deferred processing
    private int _platformNoticeWanted;

    private ScmiVirtioTransport(VirtioDevice device, ScmiVirtioOptions options, MemoryOrdering ordering, SplitQueue cmdq, SplitQueue? eventq,
        DmaRegion txBuffers, int txCount, DmaRegion? rxBuffers, int rxCount, int areaBytes)
    {
        _device = device;
        _options = options;
        _ordering = ordering;
        _trace = options.Trace;
        _cmdq = cmdq;
        _eventq = eventq;
        _txBuffers = txBuffers;
        _txCount = txCount;
        _areaBytes = areaBytes;
        _txState = new int[txCount];
        _txToken = new int[txCount];
        _txHeader = new uint[txCount];
        _txExpected = new int[txCount];
        _txReplyCapacity = new int[txCount];
        _txSnapshot = new ushort[txCount];
        _txResult = new int[txCount];
        _txWireStatus = new int[txCount];
        _txReplyLength = new int[txCount];
        _txPendingNotice = new int[txCount];
        _txRequestLength = new int[txCount];
        _txPoll = new int[txCount];
        _txNextHandedOver = new int[txCount];
        _rxBuffers = rxBuffers;
        _rxCount = rxCount;
        _rxFifo = new int[rxCount > 0 ? rxCount : 1];
        _rxLength = new uint[rxCount > 0 ? rxCount : 1];
        Counters = new ScmiVirtioCounters();
        _capabilities = new ScmiTransportCapabilities(options.MaxPayloadBytes, txCount, rxCount, eventq is not null,
            options.SyncTimeoutMicroseconds, options.DelayedTimeoutMicroseconds, pollingSupported: true, options.ForcePolling);
    }

    // ---------------------------------------------------------------- bring-up (allocates; before Heap.Seal)

    /// <summary>
    /// Initialises <paramref name="device"/> as the SCMI channel: features (VERSION_1 and P2A only), cmdq,
    /// eventq when P2A was negotiated, the fixed pools from <paramref name="allocator"/>, every eventq
    /// buffer posted, DRIVER_OK. Context: thread, at bring-up (allocates).
    /// </summary>
    public static ScmiVirtioStart Create(VirtioDevice device, ScmiVirtioOptions options, DmaAllocator allocator, MemoryOrdering ordering,
        out ScmiVirtioTransport? transport)
    {
        transport = null;
        if (options.MaxPayloadBytes < 4 || options.MaxPayloadBytes > 4096 || options.CommandQueueSize < 2 || options.EventQueueSize < 1)
            return ScmiVirtioStart.InvalidOptions;
        if (device.Transport.Identity.Type != DeviceType.Scmi)
            return ScmiVirtioStart.NotScmi;

        ScmiVirtioStart negotiated = Negotiate(device, options);
        if (negotiated != ScmiVirtioStart.Ok)
            return negotiated;
        if (device.SetUpQueue(CommandQueueIndex, options.CommandQueueSize, allocator, ordering) != VirtioResult.Ok)
            return Refuse(device, ScmiVirtioStart.QueueSetUpFailed);
        SplitQueue cmdq = device.Queue(CommandQueueIndex)!;
        SplitQueue? eventq = null;
        // virtio 1.3 §5.17.2: "eventq ... only if VIRTIO_SCMI_F_P2A_CHANNELS is negotiated".
        if ((device.AcceptedFeatures & P2AChannelsFeature) != 0)
        {
            if (device.SetUpQueue(EventQueueIndex, options.EventQueueSize, allocator, ordering) != VirtioResult.Ok)
                return Refuse(device, ScmiVirtioStart.QueueSetUpFailed);
            eventq = device.Queue(EventQueueIndex)!;
        }

        // Two descriptors per message; the 10-bit token space caps both pools.
        int txCount = Math.Min((int)cmdq.Size / 2, MaximumMessages);
        int rxCount = eventq is null ? 0 : Math.Min((int)eventq.Size, MaximumMessages);
        int areaBytes = AlignUp(ReplyCheck.MinimumReplyBytes + options.MaxPayloadBytes, BufferAlignment);
        DmaRegion? txBuffers = allocator.Allocate(txCount * 2 * areaBytes, BufferAlignment);
        DmaRegion? rxBuffers = rxCount > 0 ? allocator.Allocate(rxCount * areaBytes, BufferAlignment) : null;
        if (txBuffers is null || (rxCount > 0 && rxBuffers is null))
            return Refuse(device, ScmiVirtioStart.OutOfMemory);

        transport = new ScmiVirtioTransport(device, options, ordering, cmdq, eventq, txBuffers, txCount, rxBuffers, rxCount, areaBytes);
        ScmiVirtioStart started = transport.PostEventBuffersAndStart();
        if (started != ScmiVirtioStart.Ok)
        {
            transport = null;
            return Refuse(device, started);
        }
        return ScmiVirtioStart.Ok;
    }

    /// <summary>Steps 1 to 6 of virtio 1.3 §3.1.1 with the SCMI feature choice; shared by bring-up and ring repair.</summary>
    private static ScmiVirtioStart Negotiate(VirtioDevice device, ScmiVirtioOptions options)
    {
        // virtio 1.3 §5.17.3: accept P2A_CHANNELS only (no SHARED_MEMORY); VERSION_1 is added by FeatureNegotiation,
        // EVENT_IDX only when asked for (the queues implement both suppression schemes).
        ulong wanted = P2AChannelsFeature | (options.EventIndex ? (ulong)VirtioFeatures.EventIndex : 0);
        VirtioResult initialized = device.Initialize(new DeviceOptions(wanted, options.RequireVersion1));
        if (initialized == VirtioResult.LegacyDeviceRefused || initialized == VirtioResult.Version1NotOffered)
            return ScmiVirtioStart.Version1Required;
        return initialized == VirtioResult.Ok ? ScmiVirtioStart.Ok : ScmiVirtioStart.InitializationFailed;
    }

    /// <summary>Posts every eventq buffer (virtio 1.3 §5.17.6.2: "The driver SHOULD populate the eventq"), then DRIVER_OK.</summary>
    private ScmiVirtioStart PostEventBuffersAndStart()
    {
        ScmiVirtioStart posted = PostEventBuffers();
        if (posted != ScmiVirtioStart.Ok)
            return posted;
        if (_device.Start() != VirtioResult.Ok)
            return ScmiVirtioStart.StartFailed;
        Volatile.Write(ref _ready, 1);
        return ScmiVirtioStart.Ok;
    }

    /// <summary>Posts every eventq buffer and kicks (before DRIVER_OK the notification waits for it, §3.1.1).</summary>
    private ScmiVirtioStart PostEventBuffers()
    {
        _rxFifoHead = 0;
        Volatile.Write(ref _rxFifoCount, 0);
        for (int i = 0; i < _rxCount; i++)
        {
            if (_eventq!.SubmitWritable(RxSlice(i), i, out _) != QueueStatus.Ok)
                return ScmiVirtioStart.QueueSetUpFailed;
        }
        _eventq?.Kick();
        return ScmiVirtioStart.Ok;
    }

    private static ScmiVirtioStart Refuse(VirtioDevice device, ScmiVirtioStart reason)
    {
        device.Fail();
        return reason;
    }

    // ---------------------------------------------------------------- state

    /// <summary>Traffic and rejection counts.</summary>
    public ScmiVirtioCounters Counters { get; }

    /// <summary>The device this channel drives.</summary>
    public VirtioDevice Device => _device;

    /// <summary>True while the channel accepts sends (the ready flag).</summary>
    public bool IsReady => Volatile.Read(ref _ready) != 0;

    /// <summary>Messages currently in the pool (free). Context: any.</summary>
    public int FreeMessages
    {
        get
        {
            int free = 0;
            for (int i = 0; i < _txCount; i++)
            {
                if (Volatile.Read(ref _txState[i]) == MessageState.Free)
                    free++;
            }
            return free;
        }
    }

    /// <summary>Messages whose buffers the device holds after their caller timed out. Context: any.</summary>
    public int TimedOutAwaitingDevice => CountState(MessageState.TimedOut);

    /// <summary>Messages the device holds (in flight, polled or timed out). Context: any.</summary>
    public int HeldByDevice => CountState(MessageState.InFlight) + CountState(MessageState.Polled) + CountState(MessageState.TimedOut);

    /// <summary>Messages handed over by a send and not yet exposed to the device (Queued or Withdrawn). Context: any.</summary>
    public int HandedOverWaiting => CountState(MessageState.Queued) + CountState(MessageState.Withdrawn);

    /// <summary>Platform messages waiting for <see cref="FetchNotification"/>. Context: any.</summary>
    public int PlatformMessagesWaiting => Volatile.Read(ref _rxFifoCount);

    /// <summary>True while some context is inside the queues (the owner word is held). Context: any.</summary>
    public bool IsOwnerHeld => Volatile.Read(ref _owner) != 0;

    /// <summary>The command queue (for tests and measurements; use only while the channel is idle).</summary>
    public SplitQueue CommandQueue => _cmdq;

    /// <summary>The event queue, null without P2A (for tests; use only while the channel is idle).</summary>
    public SplitQueue? EventQueue => _eventq;

    public override ScmiTransportCapabilities Capabilities => _capabilities;

    /// <summary>The token allocator <see cref="Send"/> stamps from; the core holds a token past MarkTxDone for a delayed response.</summary>
    public override ScmiTokenAllocator Tokens => _tokens;

    /// <summary>Context: thread, before traffic starts.</summary>
    public override void SetReceiver(ScmiReceiver? receiver) => _receiver = receiver;

    private int CountState(int state)
    {
        int count = 0;
        for (int i = 0; i < _txCount; i++)
        {
            if (Volatile.Read(ref _txState[i]) == state)
                count++;
        }
        return count;
    }

    // ---------------------------------------------------------------- send

    /// <summary>
    /// Context: thread, on any CPU. Never waits: when another context is inside the queues the message is handed
    /// to it and exposed by it (the "Queued" state); <see cref="ScmiTransportResult.Busy"/> means the pool or the
    /// token space is empty. A channel that goes down before the message is exposed completes it with NotReady.
    /// </summary>
    public override ScmiTransportResult Send(ScmiHeader header, ReadOnlySpan<byte> parameters, int expectedReturnBytes, int maxReturnBytes,
        bool poll, out ScmiMessageHandle message)
    {
        message = default;
        if (Volatile.Read(ref _ready) == 0)
            return ScmiTransportResult.NotReady;
        if (parameters.Length > _options.MaxPayloadBytes || maxReturnBytes > _options.MaxPayloadBytes
            || maxReturnBytes < 0 || expectedReturnBytes < 0 || expectedReturnBytes > maxReturnBytes)
        {
            return ScmiTransportResult.TooLarge;
        }
        poll |= _options.ForcePolling;

        int slot = TakeFreeMessage();
        if (slot < 0)
        {
            Interlocked.Increment(ref Counters.Busy);
            return ScmiTransportResult.Busy;
        }
        if (!_tokens.TryTake(out int token))
        {
            Volatile.Write(ref _txState[slot], MessageState.Free);
            Interlocked.Increment(ref Counters.Busy);
            return ScmiTransportResult.Busy;
        }

        ScmiHeader stamped = new ScmiHeader(header.Value & 0x0FFF_FFFF).WithToken(token);
        Span<byte> request = RequestArea(slot);
        BinaryPrimitives.WriteUInt32LittleEndian(request, stamped.Value);
        parameters.CopyTo(request.Slice(ScmiHeader.Size));
        _txHeader[slot] = stamped.Value;
        _txExpected[slot] = expectedReturnBytes;
        _txReplyCapacity[slot] = ReplyCheck.MinimumReplyBytes + maxReturnBytes;
        _txRequestLength[slot] = ScmiHeader.Size + parameters.Length;
        _txReplyLength[slot] = 0;
        _txResult[slot] = (int)ScmiTransportResult.Pending;
        Volatile.Write(ref _txPoll[slot], poll ? 1 : 0);
        Volatile.Write(ref _txToken[slot], token);
        // Everything above is published by this CAS and the hand-over's (full barriers): the exposing context may run on another CPU.
        Interlocked.CompareExchange(ref _txState[slot], MessageState.Queued, MessageState.Reserved);
        message = new ScmiMessageHandle(slot, token);

        if (TryClaimOwner())
        {
            // Nobody inside the queues: this send exposes its own message, as on one CPU.
            if (TryExpose(slot))
                _cmdq.Kick();
            ReleaseOwner(DrainContext.Thread);
            return ScmiTransportResult.Ok;
        }
        // Somebody is: hand the message over. The work is flagged before claiming again, and a holder letting go
        // re-reads the flag after its release, so either that holder (or the next) or this claim exposes it.
        HandOver(slot);
        Interlocked.Increment(ref Counters.HandedOver);
        RequestWork();
        if (TryClaimOwner())
            ReleaseOwner(DrainContext.Thread);
        return ScmiTransportResult.Ok;
    }

    /// <summary>Takes a free message by CAS, scanning from a moving hint; -1 when the pool is empty.</summary>
    private int TakeFreeMessage()
    {
        int start = Volatile.Read(ref _nextFreeHint);
        for (int i = 0; i < _txCount; i++)
        {
            int slot = start + i;
            if (slot >= _txCount)
                slot -= _txCount;
            if (Interlocked.CompareExchange(ref _txState[slot], MessageState.Reserved, MessageState.Free) == MessageState.Free)
            {
                Volatile.Write(ref _nextFreeHint, slot + 1 == _txCount ? 0 : slot + 1);
                return slot;
            }
        }
        return -1;
    }

    /// <summary>Returns a message to the pool: token first (nobody can match it any more), then the state word.</summary>
    private void ReleaseMessage(int slot, int token)
    {
        Volatile.Write(ref _txPendingNotice[slot], 0);
        _tokens.Release(token);
        Volatile.Write(ref _txState[slot], MessageState.Free);
    }

    // ---------------------------------------------------------------- completion, as the caller sees it

    /// <summary>Context: any (IRQ, thread, poller).</summary>
    public override bool IsDone(ScmiMessageHandle message)
    {
        if (!Owns(message))
            return true;
        return Volatile.Read(ref _txState[message.Index]) == MessageState.Done;
    }

    /// <summary>Context: any (thread, poller). Never waits: if another context holds the queues, it completes the reply.</summary>
    public override bool PollDone(ScmiMessageHandle message)
    {
        if (!Owns(message))
            return true;
        int slot = message.Index;
        Interleave();
        int state = Volatile.Read(ref _txState[slot]);
        if (state == MessageState.Done)
            return true;
        if (state == MessageState.Queued)
            return false; // not exposed yet: the context it was handed to exposes it (its send left the work flagged)
        // The cheap test: nothing to do until the used index moved past what this message's send saw before its
        // kick (reading used.idx is not a queue operation), or another context left work for whoever holds the queues.
        if (Volatile.Read(ref _ready) == 0
            || (!_cmdq.HasUsedIndexMoved(Volatile.Read(ref _txSnapshot[slot])) && Volatile.Read(ref _workWanted) == 0))
        {
            return false;
        }
        if (!TryClaimOwner())
        {
            RequestWork();
            return Volatile.Read(ref _txState[slot]) == MessageState.Done;
        }
        DrainLocked(DrainContext.Poller);
        Volatile.Write(ref _txSnapshot[slot], _cmdq.UsedIndexSnapshot());
        ReleaseOwner(DrainContext.Poller);
        return Volatile.Read(ref _txState[slot]) == MessageState.Done;
    }

    /// <summary>Context: thread.</summary>
    public override ScmiTransportResult FetchResponse(ScmiMessageHandle message, out ScmiStatus status, Span<byte> returnValues, out int returnLength)
    {
        status = ScmiStatus.Unknown;
        returnLength = 0;
        if (!Owns(message))
            return ScmiTransportResult.InvalidHandle;
        int slot = message.Index;
        if (Volatile.Read(ref _txState[slot]) != MessageState.Done)
            return ScmiTransportResult.Pending;
        var result = (ScmiTransportResult)_txResult[slot];
        if (result != ScmiTransportResult.Ok)
            return result;
        status = ScmiStatusCodes.FromWire(_txWireStatus[slot]);
        int length = _txReplyLength[slot] - ReplyCheck.MinimumReplyBytes;
        if (length > returnValues.Length)
            return ScmiTransportResult.TooLarge;
        ReplyArea(slot).Slice(ReplyCheck.MinimumReplyBytes, length).CopyTo(returnValues);
        returnLength = length;
        return ScmiTransportResult.Ok;
    }

    /// <summary>Context: thread.</summary>
    public override void MarkTxDone(ScmiMessageHandle message, bool timedOut)
    {
        if (!Owns(message))
            return;
        int slot = message.Index;
        if (timedOut)
            Interlocked.Increment(ref Counters.TimedOut);
        while (true)
        {
            Interleave();
            int state = Volatile.Read(ref _txState[slot]);
            if (state == MessageState.Done)
            {
                Interleave();
                if (Interlocked.CompareExchange(ref _txState[slot], MessageState.Reserved, MessageState.Done) != MessageState.Done)
                    continue;
                // A reply that landed after the caller's deadline but before this call is late all the same.
                if (timedOut)
                    Interlocked.Increment(ref Counters.Late);
                ReleaseMessage(slot, message.Token);
                return;
            }
            if (state == MessageState.InFlight || state == MessageState.Polled)
            {
                // The device still owns the buffers: keep them reserved until it gives them back (mark_txdone).
                Interleave();
                if (Interlocked.CompareExchange(ref _txState[slot], MessageState.TimedOut, state) == state)
                {
                    ScmiVirtioTrace.Message(_trace, "timeout", new ScmiHeader(_txHeader[slot]), 0, 0);
                    return;
                }
                continue;
            }
            if (state == MessageState.Queued)
            {
                // Handed over but not yet exposed: it is still exposed (every accepted send reaches the device once),
                // and its reply is then discarded as late, like any timed-out message's.
                Interleave();
                if (Interlocked.CompareExchange(ref _txState[slot], MessageState.Withdrawn, state) == state)
                    return;
                continue;
            }
            return; // Free, Reserved, TimedOut or Withdrawn: released already or on its way
        }
    }

    /// <summary>True when <paramref name="message"/> names a message of this pool still carrying its token.</summary>
    private bool Owns(ScmiMessageHandle message)
    {
        if (!message.IsValid || (uint)message.Index >= (uint)_txCount)
            return false;
        return Volatile.Read(ref _txToken[message.Index]) == message.Token
            && Volatile.Read(ref _txState[message.Index]) != MessageState.Free;
    }

    // ---------------------------------------------------------------- platform-to-agent messages

    /// <summary>Context: thread.</summary>
    public override ScmiTransportResult FetchNotification(out ScmiHeader header, Span<byte> payload, out int payloadLength)
    {
        header = default;
        payloadLength = 0;
        if (_eventq is null)
            return ScmiTransportResult.NoMessage;
        if (!TryClaimOwner())
        {
            RequestWork();
            return ScmiTransportResult.Busy;
        }
        if (_rxFifoCount == 0 && Volatile.Read(ref _ready) != 0)
            DrainLocked(DrainContext.Thread);
        ScmiTransportResult result = ScmiTransportResult.NoMessage;
        if (_rxFifoCount > 0)
        {
            int index = _rxFifo[_rxFifoHead];
            int length = (int)_rxLength[index];
            Span<byte> buffer = RxArea(index);
            header = new ScmiHeader(BinaryPrimitives.ReadUInt32LittleEndian(buffer));
            int body = length - ScmiHeader.Size;
            if (body <= payload.Length)
            {
                buffer.Slice(ScmiHeader.Size, body).CopyTo(payload);
                payloadLength = body;
                result = ScmiTransportResult.Ok;
            }
            else
            {
                result = ScmiTransportResult.TooLarge;
            }
            _rxFifoHead = _rxFifoHead + 1 == _rxCount ? 0 : _rxFifoHead + 1;
            Volatile.Write(ref _rxFifoCount, _rxFifoCount - 1);
            // The message is consumed: the buffer goes straight back to the device.
            RepostEventBuffer(index);
        }
        ReleaseOwner(DrainContext.Thread);
        return result;
    }

    // ---------------------------------------------------------------- deferred work and interrupts

    /// <summary>Context: thread (main loop).</summary>
    public override void ProcessDeferred()
    {
        if (Volatile.Read(ref _workWanted) != 0 && TryClaimOwner())
            ReleaseOwner(DrainContext.Thread);
        DeliverNotices();
    }

    /// <summary>
    /// The device's interrupt: reads and acknowledges InterruptStatus, drains both queues if nobody else is
    /// inside them (else leaves the work to the holder), and delivers deferred receiver notices. Context: IRQ.
    /// </summary>
    public void HandleInterrupt()
    {
        Interlocked.Increment(ref Counters.Interrupts);
        _interruptCauses.Clear();
        _device.HandleInterrupt(_interruptCauses);
        if (_interruptCauses.NeedsReset)
            Volatile.Write(ref _repairWanted, 1);
        RequestWork();
        if (TryClaimOwner())
            ReleaseOwner(DrainContext.Interrupt);
        DeliverNotices();
    }

    private void DeliverNotices()
    {
        ScmiReceiver? receiver = _receiver;
        if (Volatile.Read(ref _platformNoticeWanted) != 0 && Interlocked.Exchange(ref _platformNoticeWanted, 0) != 0)
            receiver?.OnPlatformMessage();
        if (Volatile.Read(ref _pendingNotices) == 0)
            return;
        for (int slot = 0; slot < _txCount; slot++)
        {
            if (Volatile.Read(ref _txPendingNotice[slot]) == 0 || Interlocked.Exchange(ref _txPendingNotice[slot], 0) == 0)
                continue;
            Interlocked.Decrement(ref _pendingNotices);
            receiver?.OnResponse(new ScmiMessageHandle(slot, Volatile.Read(ref _txToken[slot])));
        }
    }

    // ---------------------------------------------------------------- shutdown

    /// <summary>
    /// Clean shutdown: clears the ready flag (every path checks it), resets the device and reclaims every
    /// buffer; transfers in flight end with <see cref="ScmiTransportResult.NotReady"/>. False when another
    /// context held the queues throughout. Context: thread.
    /// </summary>
    public bool Shutdown()
    {
        Volatile.Write(ref _ready, 0);
        if (!TryClaimOwner())
            return false;
        // virtio 1.3 §3.3.1: buffers are reclaimed only once the device is reset.
        bool reset = _device.Shutdown();
        FailEverythingInFlight(ScmiTransportResult.NotReady);
        while (true)
        {
            // Messages handed over meanwhile end NotReady (the ready flag is clear); a send racing this
            // release left the work flagged, so it is looked at again.
            Interlocked.Exchange(ref _workWanted, 0);
            ExposeHandedOver();
            Interlocked.Exchange(ref _owner, 0);
            if (Volatile.Read(ref _workWanted) == 0 || !TryClaimOwner())
                break;
        }
        ScmiVirtioTrace.Event(_trace, "channel shut down");
        return reset;
    }

    // ---------------------------------------------------------------- buffers

    private static int AlignUp(int value, int alignment) => (value + alignment - 1) & ~(alignment - 1);

    private Span<byte> RequestArea(int slot) => _txBuffers.Span.Slice(slot * 2 * _areaBytes, _areaBytes);

    private Span<byte> ReplyArea(int slot) => _txBuffers.Span.Slice((slot * 2 + 1) * _areaBytes, _areaBytes);

    private DmaSlice RequestSlice(int slot, int length) => _txBuffers.Slice(slot * 2 * _areaBytes, length);

    private DmaSlice ReplySlice(int slot, int length) => _txBuffers.Slice((slot * 2 + 1) * _areaBytes, length);

    private Span<byte> RxArea(int index) => _rxBuffers!.Span.Slice(index * _areaBytes, _areaBytes);

    private DmaSlice RxSlice(int index) => _rxBuffers!.Slice(index * _areaBytes, _areaBytes);
}
