// The SCMI platform model: parses each cmdq request, dispatches it to its protocol, and returns the reply.
using System.Buffers.Binary;
using ScmiPlatform.Description;
using ScmiPlatform.Device;
using ScmiPlatform.Faults;
using ScmiPlatform.Protocols;
using ScmiPlatform.Trace;

namespace ScmiPlatform.Scmi;

/// <summary>
/// Theory of operation. The queue service hands each cmdq chain to <see cref="OnCommand"/>. The header is
/// checked (type must be COMMAND, reserved bits zero), the protocol looked up (NOT_SUPPORTED if absent),
/// and the protocol's handler runs under one lock with the parameters and the agent's reply area. The
/// reply is header echo + status + return values, shrunk to header + status on any error (DEN0056 §4.1.4,
/// virtio 1.3 §5.17.6.1). Delayed responses and notifications the handler produced are held until the
/// reply has been completed, then put on the eventq through the <see cref="EventOutbox"/>. Faults from
/// the <see cref="FaultPlan"/> act between the handler and the completion.
///
/// Buffer ownership: the slot's request and reply belong to the model from OnCommand until
/// <see cref="ICommandSlot.Complete"/>; after that the model never touches them again. A dropped reply
/// (drop fault) is never completed; a device reset abandons it to the queue service.
/// </summary>
public sealed class ScmiPlatformModel : IScmiDeviceModel
{
    private readonly PlatformDescription description;
    private readonly IPlatformScheduler scheduler;
    private readonly ITraceSink? trace;
    private readonly EventOutbox outbox = new();
    private readonly FaultInjector faults;
    // One lock for the model's lifetime: protocol state, and the swap of protocols on reset.
    private readonly object gate = new();
    private PlatformServices services;
    private Dictionary<byte, ScmiProtocol> protocols;
    private int commands;
    private int malformed;
    private int internalErrors;
    private int busyReplies;

    /// <summary>Builds the platform from a description, with optional faults, trace and scheduler.</summary>
    public static ScmiPlatformModel Create(PlatformDescription description, FaultPlan? faults = null, ITraceSink? trace = null, IPlatformScheduler? scheduler = null)
    {
        var plan = (faults ?? FaultPlan.None).Combine(FaultOptions.FromTexts(description.Faults, description.Seed));
        return new ScmiPlatformModel(description, plan, trace, scheduler ?? new TimerScheduler());
    }

    private ScmiPlatformModel(PlatformDescription description, FaultPlan plan, ITraceSink? trace, IPlatformScheduler scheduler)
    {
        this.description = description;
        this.scheduler = scheduler;
        this.trace = trace;
        faults = new FaultInjector(plan, scheduler);
        (services, protocols) = BuildProtocols();
        outbox.Delivered += message => TraceEvent(message, dropped: false);
        outbox.Dropped += message => TraceEvent(message, dropped: true);
    }

    /// <summary>The description the platform was built from.</summary>
    public PlatformDescription Description => description;

    /// <summary>The faults in force.</summary>
    public FaultPlan Faults => faults.Plan;

    /// <summary>Eventq state: pending delayed responses, dropped notifications.</summary>
    public EventOutbox Events => outbox;

    /// <summary>Commands answered (including error replies) since the last reset.</summary>
    public int CommandsHandled => Volatile.Read(ref commands);

    /// <summary>Chains the queue service rejected, since the last reset.</summary>
    public int MalformedRequests => Volatile.Read(ref malformed);

    /// <summary>Commands whose handler failed unexpectedly (answered GENERIC_ERROR); zero unless there is a bug.</summary>
    public int InternalErrors => Volatile.Read(ref internalErrors);

    /// <summary>Commands answered BUSY because the delayed-response backlog was full.</summary>
    public int BusyReplies => Volatile.Read(ref busyReplies);

    /// <summary>Replies withheld by the drop fault.</summary>
    public int DroppedReplies => faults.DroppedReplies;

    /// <summary>The protocol ids the platform offers, Base included, ascending.</summary>
    public IReadOnlyList<byte> ProtocolIds => protocols.Keys.OrderBy(id => id).ToArray();

    /// <summary>The running instance of a protocol, or null when the description does not offer it.</summary>
    public T? Protocol<T>() where T : ScmiProtocol => protocols.Values.OfType<T>().FirstOrDefault();

    private (PlatformServices, Dictionary<byte, ScmiProtocol>) BuildProtocols()
    {
        var shared = new PlatformServices(outbox, scheduler, description.CallerAgentId, gate);
        var list = new List<ScmiProtocol>();
        if (description.PowerDomains.Count > 0) list.Add(new PowerDomainProtocol(shared, description.PowerDomains));
        if (description.SystemPower is not null) list.Add(new SystemPowerProtocol(shared, description.SystemPower));
        if (description.PerformanceDomains.Count > 0) list.Add(new PerformanceProtocol(shared, description));
        if (description.Clocks.Count > 0) list.Add(new ClockProtocol(shared, description.Clocks));
        if (description.Sensors.Count > 0) list.Add(new SensorProtocol(shared, description.Sensors));
        if (description.ResetDomains.Count > 0) list.Add(new ResetDomainProtocol(shared, description.ResetDomains));
        if (description.VoltageDomains.Count > 0) list.Add(new VoltageDomainProtocol(shared, description.VoltageDomains));
        if (description.PowerCapDomains.Count > 0) list.Add(new PowerCapProtocol(shared, description.PowerCapDomains));
        list.Insert(0, new BaseProtocol(shared, description, list.Select(p => p.Id)));
        return (shared, list.ToDictionary(p => (byte)p.Id));
    }

    /// <inheritdoc/>
    public void Start(IEventQueue events) => outbox.Attach(events);

    /// <inheritdoc/>
    public void OnEventBuffersAvailable() => outbox.Drain();

    /// <inheritdoc/>
    public void Reset()
    {
        faults.Reset();
        outbox.Clear();
        lock (gate)
        {
            services.Retire();
            (services, protocols) = BuildProtocols();
            commands = 0;
            malformed = 0;
            busyReplies = 0;
        }
    }

    /// <inheritdoc/>
    public void OnCommand(ICommandSlot slot)
    {
        var arrived = scheduler.Now;
        Interlocked.Increment(ref commands);
        ReadOnlySpan<byte> request = slot.Request;
        Span<byte> reply = slot.Reply;
        if (request.Length < ScmiHeader.Size)
        {
            int length = WriteMalformedReply(request, reply, ScmiStatus.ProtocolError);
            trace?.WriteLine(TraceFormatter.Malformed(arrived, request.Length, ScmiStatus.ProtocolError, length, "shorter than a header"));
            slot.Complete(length);
            return;
        }

        var header = ScmiHeader.Read(request);
        var parameterFields = trace is null ? null : new TraceFields();
        var resultFields = trace is null ? null : new TraceFields();
        string? internalError = null;
        var writer = new ReplyWriter(reply.Length >= ScmiHeader.ReplyPrefixSize ? reply[ScmiHeader.ReplyPrefixSize..] : Span<byte>.Empty, resultFields);
        ScmiStatus status;
        CommandContext context;
        ScmiProtocol? protocol;
        lock (gate)
        {
            context = new CommandContext(header, services.CallerAgentId, outbox.IsAvailable, arrived, outbox.HasRoomForDelayedResponse);
            protocols.TryGetValue(header.ProtocolId, out protocol);
            // DEN0056 §4.1.2: an agent only sends commands (type 0), and bits 31:28 are reserved (zero).
            if (header.Type != ScmiMessageType.Command || header.Reserved != 0) status = ScmiStatus.ProtocolError;
            // A reply area without room for the status word cannot carry any answer: do not execute the command.
            else if (reply.Length < ScmiHeader.ReplyPrefixSize) status = ScmiStatus.CommsError;
            // DEN0056 §4.1.3: a protocol the platform does not implement answers NOT_SUPPORTED.
            else if (protocol is null) status = ScmiStatus.NotSupported;
            else if (faults.ForcedStatus(header) is { } forced) status = forced;
            else
            {
                var reader = new ParameterReader(request[ScmiHeader.Size..], parameterFields);
                try
                {
                    status = protocol.Handle(context, ref reader, ref writer);
                }
                catch (Exception e) when (e is ArgumentException or IndexOutOfRangeException or InvalidOperationException or OverflowException)
                {
                    // A handler bug must not take the device down with it: the agent gets GENERIC_ERROR, the trace the cause.
                    Interlocked.Increment(ref internalErrors);
                    internalError = $"{e.GetType().Name}: {e.Message}";
                    status = ScmiStatus.GenericError;
                }
            }
        }
        if (writer.Overflowed) status = ScmiStatus.CommsError; // the agent's reply area is too small for the values
        if (status == ScmiStatus.Busy && context.RefusedForBacklog) Interlocked.Increment(ref busyReplies);
        if (status != ScmiStatus.Success) context.DiscardAfterReply();

        // virtio 1.3 §5.17.6.1 / DEN0056 §4.1.4: on error only header and status are returned.
        int replyLength = status == ScmiStatus.Success ? ScmiHeader.ReplyPrefixSize + writer.Length : ScmiHeader.ReplyPrefixSize;
        // Without room for the status word only the header echo goes back (a partial status word would read as garbage).
        if (reply.Length < ScmiHeader.ReplyPrefixSize) replyLength = reply.Length >= ScmiHeader.Size ? ScmiHeader.Size : 0;
        if (reply.Length >= ScmiHeader.Size) header.Write(reply);
        if (reply.Length >= ScmiHeader.ReplyPrefixSize) BinaryPrimitives.WriteInt32LittleEndian(reply[ScmiHeader.Size..], (int)status);

        var notes = new List<string>();
        if (internalError is not null) notes.Add("internal-error " + internalError);
        string protocolName = MessageNames.ProtocolName(header.ProtocolId);
        string messageName = protocol?.MessageName(header.MessageId) ?? $"MSG_0x{header.MessageId:X2}";
        if (faults.ShouldDrop(header))
        {
            notes.Add("drop");
            trace?.WriteLine(TraceFormatter.Command(arrived, protocolName, messageName, header, parameterFields!, status, resultFields!, TimeSpan.Zero, 0, notes));
            SendAfterReply(header, context.AfterReply);
            return;
        }
        replyLength = faults.Mutate(header, reply, replyLength, notes);
        IReadOnlyList<PlatformMessage> afterReply = context.AfterReply;
        if (afterReply.Any(m => m.Header.Type == ScmiMessageType.DelayedResponse) && faults.SendsDelayedResponseEarly(header))
        {
            // The early fault: delayed responses overtake the reply; notifications still follow it.
            notes.Add("early");
            SendAfterReply(header, afterReply.Where(m => m.Header.Type == ScmiMessageType.DelayedResponse).ToList());
            afterReply = afterReply.Where(m => m.Header.Type != ScmiMessageType.DelayedResponse).ToList();
        }
        int floodRounds = faults.FloodCount(header);
        faults.Release(header, () =>
        {
            slot.Complete(replyLength);
            trace?.WriteLine(TraceFormatter.Command(arrived, protocolName, messageName, header, parameterFields!, status, resultFields!, scheduler.Now - arrived, replyLength, notes));
            SendAfterReply(header, afterReply);
            if (floodRounds > 0) Flood(floodRounds);
        }, notes);
    }

    /// <inheritdoc/>
    public int OnMalformed(ReadOnlySpan<byte> request, Span<byte> reply)
    {
        Interlocked.Increment(ref malformed);
        var now = scheduler.Now;
        // The chain itself was unusable: a transport-level failure, so COMMS_ERROR.
        int length = WriteMalformedReply(request, reply, ScmiStatus.CommsError);
        trace?.WriteLine(TraceFormatter.Malformed(now, request.Length, ScmiStatus.CommsError, length, "rejected by the queue service"));
        lock (gate) Protocol<BaseProtocol>()?.ReportErrors(new[] { now });
        return length;
    }

    /// <summary>Header echo (zero when the request had none) and <paramref name="status"/>; 0 when the status word does not fit.</summary>
    private static int WriteMalformedReply(ReadOnlySpan<byte> request, Span<byte> reply, ScmiStatus status)
    {
        if (reply.Length < ScmiHeader.ReplyPrefixSize) return 0;
        uint header = request.Length >= ScmiHeader.Size ? BinaryPrimitives.ReadUInt32LittleEndian(request) : 0;
        BinaryPrimitives.WriteUInt32LittleEndian(reply, header);
        BinaryPrimitives.WriteInt32LittleEndian(reply[ScmiHeader.Size..], (int)status);
        return ScmiHeader.ReplyPrefixSize;
    }

    private void SendAfterReply(ScmiHeader command, IReadOnlyList<PlatformMessage> messages)
    {
        foreach (var message in messages)
        {
            bool delayed = message.Header.Type == ScmiMessageType.DelayedResponse;
            int copies = faults.Copies(delayed ? command : message.Header);
            for (int copy = 0; copy < copies; copy++)
            {
                if (delayed) outbox.SendDelayedResponse(message);
                else outbox.SendNotification(message);
            }
        }
    }

    private void Flood(int rounds)
    {
        List<PlatformMessage> current;
        lock (gate) current = protocols.Values.SelectMany(p => p.CurrentStateNotifications()).ToList();
        for (int round = 0; round < rounds; round++)
            foreach (var message in current) outbox.SendNotification(message);
    }

    private void TraceEvent(PlatformMessage message, bool dropped)
    {
        if (trace is null) return;
        trace.WriteLine(TraceFormatter.Event(scheduler.Now, message, MessageNames.ProtocolName(message.Header.ProtocolId), dropped));
    }

    // ---- Platform-side events: what the simulated hardware does on its own ----

    /// <summary>A sensor measured a new value: trip points and update subscriptions notify the agent.</summary>
    public void SetSensorValue(int sensor, int axis, long value)
    {
        lock (gate) Protocol<SensorProtocol>()?.SetValue(null, sensor, axis, value);
    }

    /// <summary>The platform asks the agent to change the system power state (SYSTEM_POWER_STATE_NOTIFIER).</summary>
    public void RequestSystemPowerState(SystemPowerState state, bool graceful, uint timeoutMilliseconds)
    {
        lock (gate) Protocol<SystemPowerProtocol>()?.RequestStateChange(state, graceful, timeoutMilliseconds);
    }

    /// <summary>A power capping domain measured new power (POWERCAP_MEASUREMENTS_CHANGED outside the thresholds).</summary>
    public void SetMeasuredPower(int domain, uint power)
    {
        lock (gate) Protocol<PowerCapProtocol>()?.SetMeasuredPower(domain, power);
    }
}
