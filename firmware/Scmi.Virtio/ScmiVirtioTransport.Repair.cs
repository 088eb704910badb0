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

    /// <summary>The one place the device is brought back after a reset (to become VirtioDevice's own restart).</summary>
    private ScmiVirtioStart RestartDevice()
    {
        if (Negotiate(_device, _options) != ScmiVirtioStart.Ok)
            return ScmiVirtioStart.InitializationFailed;
        bool wantsEventq = _eventq is not null;
        if ((_device.AcceptedFeatures & P2AChannelsFeature) != 0 != wantsEventq)
            return ScmiVirtioStart.InitializationFailed;
        // The rings exist already: SetUpQueue reuses them when the device offers the same sizes; a refusing
        // allocator makes sure nothing is allocated if it does not.
        if (_device.SetUpQueue(CommandQueueIndex, _cmdq.Size, _noAllocation, _ordering) != VirtioResult.Ok
            || _device.Queue(CommandQueueIndex) != _cmdq)
            return ScmiVirtioStart.QueueSetUpFailed;
        if (wantsEventq && (_device.SetUpQueue(EventQueueIndex, _eventq!.Size, _noAllocation, _ordering) != VirtioResult.Ok
            || _device.Queue(EventQueueIndex) != _eventq))
            return ScmiVirtioStart.QueueSetUpFailed;
        return PostEventBuffersAndStart();
    }

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
