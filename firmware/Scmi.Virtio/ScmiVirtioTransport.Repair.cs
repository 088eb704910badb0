// Broken-ring repair and failing what is in flight: the device reset, the same queues and pool again, no allocation.
using System;
using System.Threading;
using Virtio;

namespace Scmi.Virtio;

public sealed partial class ScmiVirtioTransport
{
    /// <summary>
    /// The device broke the ring (or asked for a reset): fail every transfer in flight with
    /// <see cref="ScmiTransportResult.ChannelReset"/>, reset the device, set up the same queues again, re-post
    /// every eventq buffer and set DRIVER_OK. Allocation-free: a device offering other queue sizes than at
    /// bring-up is refused and the channel stays down. Owner held; any context.
    /// </summary>
    private void RepairLocked(ReadOnlySpan<char> reason)
    {
        Volatile.Write(ref _repairWanted, 0);
        Volatile.Write(ref _ready, 0);
        Interlocked.Increment(ref Counters.RingResets);
        ScmiVirtioTrace.Event(_trace, "resetting the device: ", reason);
        // virtio 1.3 §3.3.1: the device is reset before any exposed buffer is taken back.
        bool reset = _device.Shutdown();
        FailEverythingInFlight(ScmiTransportResult.ChannelReset);
        if (!reset || RestartDevice() != ScmiVirtioStart.Ok)
        {
            _device.Fail();
            ScmiVirtioTrace.Event(_trace, "device restart failed; channel down");
        }
    }

    /// <summary>
    /// The one place the device is brought back: <see cref="VirtioDevice.Restart"/> negotiates the same features
    /// again and hands the existing rings back (no allocation; a device now offering less is refused), sets
    /// DRIVER_OK; then every eventq buffer is posted again.
    /// </summary>
    private ScmiVirtioStart RestartDevice()
    {
        if (_device.Restart() != VirtioResult.Ok)
            return ScmiVirtioStart.StartFailed;
        if (_device.Queue(CommandQueueIndex) != _cmdq || _device.Queue(EventQueueIndex) != _eventq)
            return ScmiVirtioStart.QueueSetUpFailed;
        ScmiVirtioStart posted = PostEventBuffers();
        if (posted == ScmiVirtioStart.Ok)
            Volatile.Write(ref _ready, 1);
        return posted;
    }

    /// <summary>Words for the trace line of a broken ring.</summary>
    private static ReadOnlySpan<char> Describe(BrokenRingReason reason) => reason switch
    {
        BrokenRingReason.UsedIdOutOfRange => "used id never issued (out of range)",
        BrokenRingReason.UsedIdNotInFlight => "used id not in flight (a head completed twice)",
        BrokenRingReason.UsedIdNotPublished => "used id never published",
        BrokenRingReason.UsedIndexJumpedAhead => "used index jumped ahead",
        BrokenRingReason.UsedIndexWentBackwards => "used index went backwards",
        _ => "ring broken",
    };

    /// <summary>
    /// After a device reset the device owns nothing: in-flight and polled messages end Done with
    /// <paramref name="result"/>, timed-out ones go back to the pool, queued platform messages are dropped. Owner held.
    /// </summary>
    private void FailEverythingInFlight(ScmiTransportResult result)
    {
        for (int slot = 0; slot < _txCount; slot++)
        {
            while (true)
            {
                int state = Volatile.Read(ref _txState[slot]);
                if (state == MessageState.InFlight || state == MessageState.Polled)
                {
                    _txResult[slot] = (int)result;
                    _txReplyLength[slot] = 0;
                    if (Interlocked.CompareExchange(ref _txState[slot], MessageState.Done, state) != state)
                        continue;
                    Interlocked.Increment(ref Counters.FailedByReset);
                }
                else if (state == MessageState.TimedOut)
                {
                    if (Interlocked.CompareExchange(ref _txState[slot], MessageState.Reserved, MessageState.TimedOut) != MessageState.TimedOut)
                        continue;
                    ReleaseMessage(slot, _txToken[slot]);
                }
                break;
            }
        }
        if (_rxFifoCount > 0)
            Interlocked.Add(ref Counters.Dropped, (ulong)_rxFifoCount);
        _rxFifoHead = 0;
        Volatile.Write(ref _rxFifoCount, 0);
    }
}
