// The virtio SCMI device between the rings and the model: drives an IScmiDeviceModel from cmdq and eventq.
using ScmiPlatform.Virtqueue;

namespace ScmiPlatform.Device;

/// <summary>
/// Theory of operation. The transport (the vhost-user server, or a test's driver double) starts each
/// queue with <see cref="StartQueue"/>, calls <see cref="OnKick"/> when the driver notifies, stops queues
/// with <see cref="StopQueue"/> and resets with <see cref="Reset"/>.
///
/// cmdq (queue 0): each available chain is walked and validated under the device lock, its request
/// copied out, and handed to the model as an <see cref="ICommandSlot"/> outside the lock. The chain stays
/// owned by the device until the slot completes (any thread, any time); completion writes the reply into
/// the chain's writable buffers and publishes one used element. A chain that fails validation is
/// returned at once: with the model's error reply when validated writable buffers exist, else with length 0.
///
/// eventq (queue 1, only with VIRTIO_SCMI_F_P2A_CHANNELS): buffers stay in the avail ring until the model
/// delivers a message; a kick only tells the model buffers are there.
///
/// Locking: one lock guards the rings and bindings; the model is never called while it is held, so a
/// model may complete slots or deliver events from its own locks and threads without ordering trouble.
/// </summary>
public sealed class ScmiVirtioDevice
{
    public const int CommandQueueIndex = 0;
    public const int EventQueueIndex = 1;
    public const int QueueCount = 2;
    /// <summary>Largest request or reply area accepted per message; SCMI messages are a few hundred bytes.</summary>
    public const int MaxMessageBytes = 64 * 1024;

    private readonly object _sync = new();
    private readonly IScmiDeviceModel _model;
    private readonly TransportLog _log;
    private readonly QueueBinding?[] _queues = new QueueBinding?[QueueCount];
    private readonly DescriptorChain _chain = new();
    private readonly EventQueueChannel _events;
    private VirtioFeatures _features;
    private bool _modelStarted;

    public ScmiVirtioDevice(IScmiDeviceModel model, TransportLog log)
    {
        _model = model;
        _log = log;
        _events = new EventQueueChannel(this);
    }

    public DeviceCounters Counters { get; } = new();

    /// <summary>The features the driver accepted (P2A decides whether the eventq is usable).</summary>
    public VirtioFeatures NegotiatedFeatures
    {
        get { lock (_sync) return _features; }
        set { lock (_sync) _features = value; }
    }

    public bool IsQueueRunning(int index)
    {
        lock (_sync) return _queues[CheckIndex(index)] is not null;
    }

    internal bool IsEventQueueAvailable
    {
        get
        {
            lock (_sync)
                return (_features & ScmiFeatures.P2AChannels) != 0 && _queues[EventQueueIndex] is not null;
        }
    }

    /// <summary>Starts serving a queue. Starting cmdq starts the model (once per reset). Chains already available are served.</summary>
    public void StartQueue(int index, SplitVirtqueue queue, IQueueSignals signals)
    {
        bool startModel = false;
        lock (_sync)
        {
            if (_queues[CheckIndex(index)] is { } old)
                old.Stopped = true;
            // Starting serves what is already available (below), so a poll only acts once the driver adds more.
            _queues[index] = new QueueBinding(index, queue, signals) { LastPolledAvailIndex = queue.ReadDriverAvailIndex() };
            if (index == CommandQueueIndex && !_modelStarted)
                _modelStarted = startModel = true;
        }
        _log.Trace($"queue {index} started: size {queue.Size}, next avail {queue.NextAvailIndex}, used idx {queue.NextUsedIndex}" +
                   $"{(queue.EventIndex ? ", event idx" : "")}{(queue.IndirectDescriptors ? ", indirect" : "")}");
        if (startModel)
            CallModel(() => _model.Start(_events));
        OnKick(index);
    }

    /// <summary>Replaces the ring of a running queue (new memory table) keeping its cursors and in-flight slots.</summary>
    public bool ReplaceRing(int index, Func<SplitVirtqueue, SplitVirtqueue?> rebuild)
    {
        lock (_sync)
        {
            if (_queues[CheckIndex(index)] is not { } binding)
                return false;
            SplitVirtqueue? replacement = rebuild(binding.Queue);
            if (replacement is null)
                return false;
            binding.Queue = replacement;
            return true;
        }
    }

    /// <summary>Replaces the signals of a running queue (new call or err eventfd).</summary>
    public void ReplaceSignals(int index, IQueueSignals signals)
    {
        lock (_sync)
        {
            if (_queues[CheckIndex(index)] is { } binding)
                binding.Signals = signals;
        }
    }

    /// <summary>Stops a queue and returns the next avail index it would have consumed (null when it was not running).
    /// Completions of its in-flight chains are dropped from now on.</summary>
    public ushort? StopQueue(int index)
    {
        lock (_sync)
        {
            if (_queues[CheckIndex(index)] is not { } binding)
                return null;
            binding.Stopped = true;
            _queues[index] = null;
            _log.Trace($"queue {index} stopped at avail {binding.Queue.NextAvailIndex}, used {binding.Queue.NextUsedIndex}");
            return binding.Queue.NextAvailIndex;
        }
    }

    /// <summary>Stops every queue and resets the model (frontend reset or disconnect); negotiated features stay until the transport sets new ones.</summary>
    public void Reset()
    {
        lock (_sync)
        {
            for (int i = 0; i < QueueCount; i++)
            {
                if (_queues[i] is { } binding)
                    binding.Stopped = true;
                _queues[i] = null;
            }
            _modelStarted = false;
        }
        CallModel(_model.Reset);
    }

    /// <summary>Runs <paramref name="action"/> with no ring access in progress (for example to unmap memory).</summary>
    public void Exclusive(Action action)
    {
        lock (_sync) action();
    }

    /// <summary>The driver notified queue <paramref name="index"/>: serve what it made available.</summary>
    public void OnKick(int index)
    {
        if (CheckIndex(index) == EventQueueIndex)
        {
            bool started;
            lock (_sync)
            {
                _queues[index]?.Queue.ArmAvailNotification();
                started = _modelStarted && _queues[index] is not null;
            }
            if (started)
                CallModel(_model.OnEventBuffersAvailable);
            return;
        }
        while (ServeNextCommand()) { }
    }

    /// <summary>
    /// Serves a ring the driver does not kick (vhost-user SET_VRING_KICK with the invalid-fd bit): called on a
    /// timer, it acts like a kick only when the driver's avail idx moved since the last poll.
    /// </summary>
    public void Poll(int index)
    {
        lock (_sync)
        {
            if (_queues[CheckIndex(index)] is not { } binding)
                return;
            ushort? availIndex = binding.Queue.ReadDriverAvailIndex();
            if (availIndex is null || availIndex == binding.LastPolledAvailIndex)
                return;
            binding.LastPolledAvailIndex = availIndex;
        }
        OnKick(index);
    }

    /// <summary>Takes one chain off the cmdq and hands it on; false when there was none to take.</summary>
    private bool ServeNextCommand()
    {
        CommandSlot? slot = null;
        QueueBinding binding;
        ushort head;
        byte[] request = [];
        BufferSegment[] writable = [];
        ChainDefect defect;
        lock (_sync)
        {
            if (_queues[CommandQueueIndex] is not { } running)
                return false;
            binding = running;
            SplitVirtqueue queue = binding.Queue;
            switch (queue.TryPeek(out head))
            {
                case AvailState.Empty:
                    return queue.ArmAvailNotification();
                case AvailState.Broken:
                    Counters.CountBrokenAvailIndex();
                    _log.Warn($"cmdq: driver avail idx is more than {queue.Size} ahead of {queue.NextAvailIndex}; refusing until it is sane");
                    binding.Signals.ReportError();
                    return false;
                case AvailState.Unreachable:
                    return false;
            }
            queue.Advance();
            defect = queue.ReadChain(head, _chain, MaxMessageBytes);
            // virtio 1.3 §5.17.6.1: a cmdq buffer is a device-readable request followed by a device-writable reply area.
            if (defect == ChainDefect.None && (_chain.ReadableBytes == 0 || _chain.WritableBytes == 0))
                defect = _chain.Defect = ChainDefect.WrongDirection;
            if (defect == ChainDefect.None)
            {
                slot = binding.ClaimSlot(this, head);
                slot.Load(queue.Memory, _chain, MaxMessageBytes);
            }
            else
            {
                request = new byte[Math.Min(_chain.ReadableBytes, MaxMessageBytes)];
                int copied = _chain.CopyReadable(queue.Memory, request);
                if (copied != request.Length)
                    request = request[..copied];
                writable = _chain.WritableSegments();
            }
        }

        if (slot is not null)
        {
            Counters.CountCommand();
            if (_log.TraceEnabled)
                _log.Trace($"cmdq: chain {head}: request {slot.Request.Length} bytes, reply area {slot.Reply.Length} bytes");
            try
            {
                _model.OnCommand(slot);
            }
            catch (Exception e)
            {
                Counters.CountModelFault();
                _log.Warn($"cmdq: model failed on chain {head}: {e.GetType().Name}: {e.Message}");
                slot.CompleteAfterModelFault(_model);
            }
            return true;
        }

        Counters.CountMalformed();
        _log.Warn($"cmdq: chain {head} refused ({defect}); returning it {(writable.Length > 0 ? "with an error reply" : "empty")}");
        ulong writableBytes = writable.Aggregate(0UL, (sum, s) => sum + s.Length);
        byte[] reply = new byte[Math.Min(writableBytes, MaxMessageBytes)];
        int length = 0;
        if (reply.Length > 0)
        {
            try { length = Math.Clamp(_model.OnMalformed(request, reply), 0, reply.Length); }
            catch (Exception e)
            {
                Counters.CountModelFault();
                _log.Warn($"cmdq: model failed on malformed chain {head}: {e.Message}");
            }
        }
        ReturnChain(binding, head, writable, reply.AsSpan(0, length));
        return true;
    }

    /// <summary>Writes <paramref name="reply"/> into the chain's writable buffers and returns the chain to the driver.</summary>
    internal void ReturnChain(QueueBinding binding, ushort head, ReadOnlySpan<BufferSegment> writable, ReadOnlySpan<byte> reply)
    {
        lock (_sync)
        {
            if (binding.Stopped)
            {
                Counters.CountDroppedCompletion();
                _log.Trace($"queue {binding.Index}: completion of chain {head} dropped (queue stopped or device reset)");
                return;
            }
            int written = DescriptorChain.CopyToWritable(binding.Queue.Memory, writable, reply);
            bool notify = binding.Queue.PublishUsed(head, (uint)written);
            Counters.CountCompleted();
            if (notify)
            {
                Counters.CountNotification();
                binding.Signals.NotifyUsed();
            }
        }
        if (_log.TraceEnabled)
            _log.Trace($"queue {binding.Index}: chain {head} returned with {reply.Length} bytes");
    }

    internal bool TryDeliverEvent(ReadOnlySpan<byte> message)
    {
        lock (_sync)
        {
            if ((_features & ScmiFeatures.P2AChannels) == 0 || _queues[EventQueueIndex] is not { } binding)
                return false;
            SplitVirtqueue queue = binding.Queue;
            while (true)
            {
                switch (queue.TryPeek(out ushort head))
                {
                    case AvailState.Empty:
                        if (queue.ArmAvailNotification())
                            continue;
                        return false;
                    case AvailState.Broken:
                        Counters.CountBrokenAvailIndex();
                        _log.Warn($"eventq: driver avail idx is more than {queue.Size} ahead of {queue.NextAvailIndex}");
                        binding.Signals.ReportError();
                        return false;
                    case AvailState.Unreachable:
                        return false;
                    case AvailState.Ready:
                        ChainDefect defect = queue.ReadChain(head, _chain, MaxMessageBytes);
                        // virtio 1.3 §5.17.6.2: eventq buffers are device-writable only.
                        if (defect == ChainDefect.None && _chain.ReadableBytes != 0)
                            defect = _chain.Defect = ChainDefect.WrongDirection;
                        if (defect != ChainDefect.None)
                        {
                            queue.Advance();
                            Counters.CountMalformed();
                            _log.Warn($"eventq: buffer {head} refused ({defect}); returning it empty");
                            Publish(binding, head, 0);
                            continue;
                        }
                        if (_chain.WritableBytes < (ulong)message.Length)
                        {
                            // A buffer too small for the message at the head would block the eventq for ever if it
                            // stayed: it goes back empty (used length 0, counted) and the message tries the next buffer.
                            queue.Advance();
                            Counters.CountEventBufferTooSmall();
                            if (Counters.EventBuffersTooSmall == 1 || _log.TraceEnabled)
                                _log.Warn($"eventq: buffer {head} holds {_chain.WritableBytes} bytes, message needs {message.Length}; returned empty (logged once; see eventBuffersTooSmall)");
                            Publish(binding, head, 0);
                            continue;
                        }
                        queue.Advance();
                        int written = DescriptorChain.CopyToWritable(queue.Memory, _chain.SegmentSpan, message);
                        Publish(binding, head, written);
                        Counters.CountEventDelivered();
                        if (_log.TraceEnabled)
                            _log.Trace($"eventq: {message.Length}-byte message delivered in buffer {head}");
                        return true;
                }
            }
        }
    }

    private void Publish(QueueBinding binding, ushort head, int written)
    {
        bool notify = binding.Queue.PublishUsed(head, (uint)written);
        Counters.CountCompleted();
        if (notify)
        {
            Counters.CountNotification();
            binding.Signals.NotifyUsed();
        }
    }

    private void CallModel(Action call)
    {
        try { call(); }
        catch (Exception e)
        {
            Counters.CountModelFault();
            _log.Warn($"model failed: {e.GetType().Name}: {e.Message}");
        }
    }

    private static int CheckIndex(int index) =>
        index is >= 0 and < QueueCount ? index : throw new ArgumentOutOfRangeException(nameof(index), index, "SCMI has queues 0 (cmdq) and 1 (eventq)");
}
