// Handing a sent message to whoever is inside the queues: a lock-free list senders push on and the holder empties.
using System.Threading;
using Virtio;

namespace Scmi.Virtio;

public sealed partial class ScmiVirtioTransport
{
    private const int EndOfList = -1;

    // Senders push message indices on a stack (compare-and-swap on the head); the owner-word holder takes the whole
    // stack at once (exchange with empty). Push plus take-all is free of ABA: a push links to whatever head it saw.
    private readonly int[] _txNextHandedOver;
    private int _handedOverHead = EndOfList;

    /// <summary>Pushes a Queued message for the next holder to expose. Context: thread, on any CPU.</summary>
    private void HandOver(int slot)
    {
        while (true)
        {
            int head = Volatile.Read(ref _handedOverHead);
            Volatile.Write(ref _txNextHandedOver[slot], head);
            Interleave();
            if (Interlocked.CompareExchange(ref _handedOverHead, slot, head) == head)
                return;
        }
    }

    /// <summary>Takes every handed-over message, oldest first (the stack is reversed); <see cref="EndOfList"/> when none.</summary>
    private int TakeHandedOver()
    {
        // No interleaving point of its own: the holder cleared the work flag just before, and a push landing between
        // the clear and this take is taken here all the same (the schedules that matter put it before or after both).
        if (Volatile.Read(ref _handedOverHead) == EndOfList)
            return EndOfList;
        int newest = Interlocked.Exchange(ref _handedOverHead, EndOfList);
        int oldest = EndOfList;
        while (newest != EndOfList)
        {
            int next = Volatile.Read(ref _txNextHandedOver[newest]);
            Volatile.Write(ref _txNextHandedOver[newest], oldest);
            oldest = newest;
            newest = next;
        }
        return oldest;
    }

    /// <summary>
    /// Places every handed-over message in cmdq in the order they were sent and kicks once. Owner held; any context.
    /// </summary>
    private void ExposeHandedOver()
    {
        int slot = TakeHandedOver();
        bool placed = false;
        while (slot != EndOfList)
        {
            int next = Volatile.Read(ref _txNextHandedOver[slot]);
            placed |= TryExpose(slot);
            slot = next;
        }
        if (placed)
            _cmdq.Kick();
    }

    /// <summary>
    /// Places one Queued (or Withdrawn) message's chain in cmdq and takes a polled one's used-index snapshot, before
    /// the caller's kick; true when placed. With the channel down it ends Done(NotReady) (a withdrawn one goes back
    /// to the pool: nobody waits for it). Owner held.
    /// </summary>
    private bool TryExpose(int slot)
    {
        if (Volatile.Read(ref _ready) == 0)
        {
            FailUnexposed(slot, ScmiTransportResult.NotReady);
            return false;
        }
        QueueStatus queued = _cmdq.SubmitRequest(RequestSlice(slot, _txRequestLength[slot]), ReplySlice(slot, _txReplyCapacity[slot]), slot, out _);
        if (queued == QueueStatus.Ok)
        {
            Expose(slot);
            return true;
        }
        FailUnexposed(slot, ScmiTransportResult.QueueError);
        if (queued == QueueStatus.Broken)
            RepairLocked("queue broken at send");
        return false;
    }

    /// <summary>The chain is in the ring: Queued → InFlight/Polled, or Withdrawn → TimedOut (the device owns it now).</summary>
    private void Expose(int slot)
    {
        bool poll = Volatile.Read(ref _txPoll[slot]) != 0;
        // The poll snapshot is taken before the kick, so a reply can never slip in unseen between the two.
        Volatile.Write(ref _txSnapshot[slot], _cmdq.UsedIndexSnapshot());
        Interleave();
        if (Interlocked.CompareExchange(ref _txState[slot], poll ? MessageState.Polled : MessageState.InFlight, MessageState.Queued)
            != MessageState.Queued)
        {
            // Only the caller moves a Queued message (MarkTxDone → Withdrawn); exposed now, its reply will be late.
            Interlocked.CompareExchange(ref _txState[slot], MessageState.TimedOut, MessageState.Withdrawn);
        }
        Interlocked.Increment(ref Counters.Sent);
        ScmiVirtioTrace.Message(_trace, poll ? "tx poll" : "tx", new ScmiHeader(_txHeader[slot]), 0, _txRequestLength[slot]);
    }

    /// <summary>A handed-over message that never reached the ring: Queued → Done(<paramref name="result"/>), Withdrawn → Free.</summary>
    private void FailUnexposed(int slot, ScmiTransportResult result)
    {
        _txResult[slot] = (int)result;
        _txReplyLength[slot] = 0;
        Interleave();
        if (Interlocked.CompareExchange(ref _txState[slot], MessageState.Done, MessageState.Queued) == MessageState.Queued)
            return;
        if (Interlocked.CompareExchange(ref _txState[slot], MessageState.Reserved, MessageState.Withdrawn) == MessageState.Withdrawn)
            ReleaseMessage(slot, _txToken[slot]);
    }
}
