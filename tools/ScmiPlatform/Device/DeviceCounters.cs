// What the queue service counted: served, refused, dropped; read by tests, traces and the benchmark.
namespace ScmiPlatform.Device;

/// <summary>Monotonic counters of the queue service; incremented atomically, readable from any thread.</summary>
public sealed class DeviceCounters
{
    private long _commands, _completed, _malformed, _brokenAvailIndex, _droppedCompletions,
        _eventsDelivered, _eventBuffersTooSmall, _notifications, _modelFaults;

    /// <summary>Well-formed cmdq chains handed to the model.</summary>
    public long Commands => Interlocked.Read(ref _commands);
    /// <summary>Chains returned to the driver through the used ring (both queues, any length).</summary>
    public long Completed => Interlocked.Read(ref _completed);
    /// <summary>Chains refused by validation (returned with an error reply or zero length).</summary>
    public long Malformed => Interlocked.Read(ref _malformed);
    /// <summary>Times the driver's avail idx was more than the queue size ahead.</summary>
    public long BrokenAvailIndex => Interlocked.Read(ref _brokenAvailIndex);
    /// <summary>Completions that arrived after their queue was stopped or the device reset.</summary>
    public long DroppedCompletions => Interlocked.Read(ref _droppedCompletions);
    /// <summary>Platform-to-agent messages written into eventq buffers.</summary>
    public long EventsDelivered => Interlocked.Read(ref _eventsDelivered);
    /// <summary>Eventq buffers returned empty (used length 0) because they were too small for the message waiting.</summary>
    public long EventBuffersTooSmall => Interlocked.Read(ref _eventBuffersTooSmall);
    /// <summary>Used-buffer notifications raised.</summary>
    public long Notifications => Interlocked.Read(ref _notifications);
    /// <summary>Exceptions thrown by the model (each answered as a malformed request).</summary>
    public long ModelFaults => Interlocked.Read(ref _modelFaults);

    internal void CountCommand() => Interlocked.Increment(ref _commands);
    internal void CountCompleted() => Interlocked.Increment(ref _completed);
    internal void CountMalformed() => Interlocked.Increment(ref _malformed);
    internal void CountBrokenAvailIndex() => Interlocked.Increment(ref _brokenAvailIndex);
    internal void CountDroppedCompletion() => Interlocked.Increment(ref _droppedCompletions);
    internal void CountEventDelivered() => Interlocked.Increment(ref _eventsDelivered);
    internal void CountEventBufferTooSmall() => Interlocked.Increment(ref _eventBuffersTooSmall);
    internal void CountNotification() => Interlocked.Increment(ref _notifications);
    internal void CountModelFault() => Interlocked.Increment(ref _modelFaults);

    public override string ToString() =>
        $"commands={Commands} completed={Completed} malformed={Malformed} brokenAvailIndex={BrokenAvailIndex} " +
        $"droppedCompletions={DroppedCompletions} events={EventsDelivered} eventBuffersTooSmall={EventBuffersTooSmall} " +
        $"notifications={Notifications} modelFaults={ModelFaults}";
}
