// The platform side of the eventq: delayed responses wait for buffers, notifications may be dropped.
using ScmiPlatform.Device;
using ScmiPlatform.Scmi;

namespace ScmiPlatform.Protocols;

/// <summary>
/// Queues platform-to-agent messages until the driver posts eventq buffers.
/// virtio 1.3 §5.17.6.2: the device may drop or coalesce notifications when no eventq buffer is
/// available, but must deliver every delayed response once buffers are posted; delayed responses
/// therefore go first, while notifications beyond a small backlog are dropped and counted.
/// Both queues are bounded, since the guest decides how fast they grow: a command that would add a
/// delayed response beyond <see cref="DelayedResponseBacklog"/> is answered BUSY instead (the model asks
/// <see cref="HasRoomForDelayedResponse"/> before executing it), so accepted delayed responses are never
/// dropped; only copies made by the duplicate fault beyond twice the backlog are (counted).
/// </summary>
public sealed class EventOutbox
{
    /// <summary>Notifications kept waiting for buffers before newer ones are dropped.</summary>
    public const int NotificationBacklog = 32;

    /// <summary>Delayed responses kept waiting for buffers; commands that would need one more answer BUSY.</summary>
    public const int DelayedResponseBacklog = 128;

    private readonly object _gate = new();
    private readonly Queue<PlatformMessage> _delayedResponses = new();
    private readonly Queue<PlatformMessage> _notifications = new();
    private IEventQueue? _queue;

    /// <summary>Called for every message actually handed to the eventq.</summary>
    public event Action<PlatformMessage>? Delivered;

    /// <summary>Called for every notification dropped (no buffer and a full backlog, or no eventq).</summary>
    public event Action<PlatformMessage>? Dropped;

    /// <summary>Hard limit of waiting delayed responses (room for duplicate-fault copies of an accepted backlog).</summary>
    public const int DelayedResponseLimit = 2 * DelayedResponseBacklog;

    /// <summary>Delayed responses dropped at <see cref="DelayedResponseLimit"/> since the last reset.</summary>
    public int DroppedDelayedResponses { get; private set; }

    /// <summary>True while fewer than <see cref="DelayedResponseBacklog"/> delayed responses wait for buffers.</summary>
    public bool HasRoomForDelayedResponse { get { lock (_gate) return _delayedResponses.Count < DelayedResponseBacklog; } }

    /// <summary>Number of notifications dropped since the last reset.</summary>
    public int DroppedNotifications { get; private set; }

    /// <summary>Number of messages delivered since the last reset.</summary>
    public int DeliveredMessages { get; private set; }

    /// <summary>Delayed responses still waiting for an eventq buffer.</summary>
    public int PendingDelayedResponses { get { lock (_gate) return _delayedResponses.Count; } }

    /// <summary>Notifications still waiting for an eventq buffer.</summary>
    public int PendingNotifications { get { lock (_gate) return _notifications.Count; } }

    /// <summary>True when P2A_CHANNELS was negotiated and the eventq is running.</summary>
    public bool IsAvailable => _queue?.IsAvailable ?? false;

    /// <summary>Binds the outbox to the eventq of a started device.</summary>
    public void Attach(IEventQueue events)
    {
        lock (_gate) _queue = events;
        Drain();
    }

    /// <summary>Queues a delayed response; it is delivered as soon as a buffer is available (dropped, counted, only beyond <see cref="DelayedResponseLimit"/>).</summary>
    public void SendDelayedResponse(PlatformMessage message)
    {
        bool dropped = false;
        lock (_gate)
        {
            if (_delayedResponses.Count >= DelayedResponseLimit)
            {
                DroppedDelayedResponses++;
                dropped = true;
            }
            else
            {
                _delayedResponses.Enqueue(message);
            }
        }
        if (dropped) Dropped?.Invoke(message);
        else Drain();
    }

    /// <summary>Queues a notification; dropped (and counted) when there is no eventq or the backlog is full.</summary>
    public void SendNotification(PlatformMessage message)
    {
        bool dropped = false;
        lock (_gate)
        {
            if (!IsAvailable || _notifications.Count >= NotificationBacklog)
            {
                DroppedNotifications++;
                dropped = true;
            }
            else
            {
                _notifications.Enqueue(message);
            }
        }
        if (dropped) Dropped?.Invoke(message);
        else Drain();
    }

    /// <summary>Delivers waiting messages, delayed responses first, until the eventq has no more buffers.</summary>
    public void Drain()
    {
        var delivered = new List<PlatformMessage>();
        lock (_gate)
        {
            if (_queue is null || !_queue.IsAvailable) return;
            DrainQueue(_delayedResponses, delivered);
            if (_delayedResponses.Count == 0) DrainQueue(_notifications, delivered);
        }
        foreach (var message in delivered) Delivered?.Invoke(message);
    }

    /// <summary>Forgets everything waiting (device reset) and the counters.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _delayedResponses.Clear();
            _notifications.Clear();
            DroppedNotifications = 0;
            DroppedDelayedResponses = 0;
            DeliveredMessages = 0;
            _queue = null;
        }
    }

    private void DrainQueue(Queue<PlatformMessage> source, List<PlatformMessage> delivered)
    {
        while (source.Count > 0)
        {
            var next = source.Peek();
            if (!_queue!.TryDeliver(next.Bytes)) return;
            source.Dequeue();
            DeliveredMessages++;
            delivered.Add(next);
        }
    }
}
