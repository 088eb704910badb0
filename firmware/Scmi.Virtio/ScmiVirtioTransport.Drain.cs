// The channel owner word and the drain: one context at a time inside the queues, claimed without waiting.
using System;
using System.Buffers.Binary;
using System.Threading;
using Virtio;

namespace Scmi.Virtio;

public sealed partial class ScmiVirtioTransport
{
    /// <summary>Drain passes per hold (disable, drain, enable, re-check); a device still producing after that is left to the next holder.</summary>
    private const int MaximumDrainPasses = 8;

    private readonly InterruptCauses _interruptCauses = new InterruptCauses();
    private int _repairWanted;

    /// <summary>
    /// A point where another context may run in between (every access to a word shared between contexts).
    /// Empty on target, where the compiler removes the calls; host race tests implement it to choose who runs next.
    /// </summary>
    static partial void Interleave();

    /// <summary>Claims the queues; false (at once) when another context is inside them.</summary>
    private bool TryClaimOwner()
    {
        Interleave();
        return Interlocked.CompareExchange(ref _owner, 1, 0) == 0;
    }

    /// <summary>
    /// Leaves work for whoever holds the queues (it re-checks before letting go). An exchange, not a plain store:
    /// a full barrier, so a claim attempted after it cannot be ordered before it (the holder's side is the same).
    /// </summary>
    private void RequestWork()
    {
        Interleave();
        Interlocked.Exchange(ref _workWanted, 1);
    }

    /// <summary>
    /// Lets go of the queues, first exposing messages handed over by senders, then doing what others asked for and
    /// what the used rings hold; after the
    /// release (a full barrier) looks at the work flag once more and, when set, claims again — so work left
    /// by a context that could not claim is never stranded.
    /// </summary>
    private void ReleaseOwner(DrainContext context)
    {
        while (true)
        {
            if (Volatile.Read(ref _repairWanted) != 0)
                RepairLocked("device needs reset");
            // Cleared by an exchange (a full barrier) before the hand-over list is read: a send that pushes after the
            // read flags the work after this clear, and the re-check below sees it.
            Interlocked.Exchange(ref _workWanted, 0);
            ExposeHandedOver();
            if (Volatile.Read(ref _ready) != 0 && (_cmdq.HasUsed || (_eventq is not null && _eventq.HasUsed) || _cmdq.IsBroken
                || (_eventq is not null && _eventq.IsBroken)))
            {
                DrainLocked(context);
            }
            Interleave();
            Interlocked.Exchange(ref _owner, 0);
            Interleave();
            if (Volatile.Read(ref _workWanted) == 0 && Volatile.Read(ref _repairWanted) == 0)
                return;
            if (!TryClaimOwner())
                return; // the new holder will see the flag
        }
    }

    /// <summary>
    /// Drains both used rings with the disable / drain / enable / re-check pattern (virtio 1.3 §2.7.14).
    /// Bounded: at most <see cref="MaximumDrainPasses"/> passes, then the rest is left flagged. Owner held.
    /// </summary>
    private void DrainLocked(DrainContext context)
    {
        for (int pass = 0; pass < MaximumDrainPasses; pass++)
        {
            _cmdq.DisableCallbacks();
            _eventq?.DisableCallbacks();
            if (!DrainCommandQueue(context) || !DrainEventQueue())
                return; // the ring was repaired; the fresh queues start with callbacks enabled
            // §2.7.14: re-enable, then look again, since a buffer used meanwhile may not have interrupted.
            bool quiet = _cmdq.EnableCallbacks();
            if (_eventq is not null)
                quiet &= _eventq.EnableCallbacks();
            if (quiet)
                return;
        }
        RequestWork();
    }

    /// <summary>Takes every used cmdq element; false when a broken ring was found (and repaired).</summary>
    private bool DrainCommandQueue(DrainContext context)
    {
        while (true)
        {
            QueueStatus status = _cmdq.TryTakeUsed(out UsedBuffer used);
            switch (status)
            {
                case QueueStatus.Empty:
                    return true;
                case QueueStatus.Ok:
                case QueueStatus.UsedLengthTooLarge: // a lie about one buffer: it comes back with length 0, so its reply is malformed
                    CompleteMessage(used.Token, used.WrittenLength, context);
                    break;
                default:
                    // A used id never issued or not in flight (a head completed twice), the used index jumping
                    // ahead or back: nothing in this ring can be trusted any more (the queue says why).
                    RepairLocked(Describe(_cmdq.BrokenReason));
                    return false;
            }
        }
    }

    /// <summary>Classifies one returned reply and moves its message by CAS (InFlight/Polled → Done, TimedOut → Free).</summary>
    private void CompleteMessage(int slot, uint writtenLength, DrainContext context)
    {
        var sent = new ScmiHeader(_txHeader[slot]);
        ReplyVerdict verdict = ReplyCheck.Check(ReplyArea(slot).Slice(0, _txReplyCapacity[slot]), writtenLength, sent,
            _txExpected[slot], out int wireStatus);
        ScmiTransportResult result = ScmiTransportResult.Ok;
        if (verdict != ReplyVerdict.Valid)
        {
            result = ScmiTransportResult.Malformed;
            if (verdict == ReplyVerdict.TokenMismatch)
                Interlocked.Increment(ref Counters.Unexpected);
            else
                Interlocked.Increment(ref Counters.Malformed);
            ScmiVirtioTrace.Message(_trace, verdict == ReplyVerdict.TokenMismatch ? "rx unexpected" : "rx malformed", sent, wireStatus, (int)writtenLength);
        }
        // The result is stored before the CAS that publishes Done; readers load the state first.
        _txWireStatus[slot] = wireStatus;
        _txReplyLength[slot] = (int)writtenLength;
        _txResult[slot] = (int)result;

        while (true)
        {
            Interleave();
            int state = Volatile.Read(ref _txState[slot]);
            if (state == MessageState.InFlight || state == MessageState.Polled)
            {
                Interleave();
                if (Interlocked.CompareExchange(ref _txState[slot], MessageState.Done, state) != state)
                    continue;
                Interlocked.Increment(ref Counters.Replied);
                if (state == MessageState.Polled)
                {
                    Interlocked.Increment(ref Counters.Polled);
                }
                else if (_receiver is not null)
                {
                    if (context == DrainContext.Interrupt)
                    {
                        _receiver.OnResponse(new ScmiMessageHandle(slot, _txToken[slot]));
                    }
                    else
                    {
                        // Met by a poller or the thread: the receiver hears of it at the next deferred pass or interrupt.
                        Volatile.Write(ref _txPendingNotice[slot], 1);
                        Interlocked.Increment(ref _pendingNotices);
                        Interlocked.Increment(ref Counters.Deferred);
                    }
                }
                if (verdict == ReplyVerdict.Valid)
                    ScmiVirtioTrace.Message(_trace, "rx", sent, wireStatus, (int)writtenLength);
                return;
            }
            if (state == MessageState.TimedOut)
            {
                Interleave();
                if (Interlocked.CompareExchange(ref _txState[slot], MessageState.Reserved, MessageState.TimedOut) != MessageState.TimedOut)
                    continue;
                // mark_txdone: the caller gave up; the device has now let go, so the buffer can finally be reused.
                Interlocked.Increment(ref Counters.Late);
                ScmiVirtioTrace.Message(_trace, "rx late", sent, wireStatus, (int)writtenLength);
                ReleaseMessage(slot, _txToken[slot]);
                return;
            }
            // The queue vouched the chain was in flight, so the message cannot be Free, Reserved or Done.
            Interlocked.Increment(ref Counters.Unexpected);
            return;
        }
    }

    /// <summary>Takes every used eventq buffer into the FIFO (or re-posts it when malformed); false after a repair.</summary>
    private bool DrainEventQueue()
    {
        if (_eventq is null)
            return true;
        while (true)
        {
            QueueStatus status = _eventq.TryTakeUsed(out UsedBuffer used);
            if (status == QueueStatus.Empty)
                return true;
            if (status != QueueStatus.Ok && status != QueueStatus.UsedLengthTooLarge)
            {
                RepairLocked(Describe(_eventq.BrokenReason));
                return false;
            }
            int index = used.Token;
            if (!ReplyCheck.CheckPlatformMessage(RxArea(index), used.WrittenLength))
            {
                Interlocked.Increment(ref Counters.Malformed);
                ScmiVirtioTrace.Event(_trace, "rx event malformed");
                RepostEventBuffer(index);
                continue;
            }
            int tail = _rxFifoHead + _rxFifoCount;
            if (tail >= _rxCount)
                tail -= _rxCount;
            _rxFifo[tail] = index;
            _rxLength[index] = used.WrittenLength;
            Volatile.Write(ref _rxFifoCount, _rxFifoCount + 1);
            Interlocked.Increment(ref Counters.Notifications);
            ScmiVirtioTrace.Message(_trace, "rx event", new ScmiHeader(BinaryPrimitives.ReadUInt32LittleEndian(RxArea(index))), 0, (int)used.WrittenLength);
            Volatile.Write(ref _platformNoticeWanted, 1);
        }
    }

    /// <summary>Gives eventq buffer <paramref name="index"/> back to the device and kicks. Owner held.</summary>
    private void RepostEventBuffer(int index)
    {
        if (_eventq is null || Volatile.Read(ref _ready) == 0)
            return;
        QueueStatus status = _eventq.SubmitWritable(RxSlice(index), index, out _);
        if (status == QueueStatus.Broken)
        {
            RepairLocked("eventq broken at re-post");
            return;
        }
        _eventq.Kick();
    }
}
