// The SCMI platform model: parses each cmdq request, dispatches it to its protocol, and returns the reply.
using System.Buffers.Binary;
using ScmiPlatform.Description;
using ScmiPlatform.Device;
using ScmiPlatform.Faults;
using ScmiPlatform.Protocols;
using ScmiPlatform.Trace;
using ScmiPlatform.Scmi;

namespace ScmiPlatform.Model;

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
    private readonly PlatformDescription _description;
    private readonly IPlatformScheduler _scheduler;
    private readonly ITraceSink? _trace;
    private readonly EventOutbox _outbox = new();
    private readonly FaultInjector _faults;
    // One lock for the model's lifetime: protocol state, and the swap of protocols on reset.
    private readonly object _gate = new();
    private PlatformServices _services;
    private Dictionary<byte, ScmiProtocol> _protocols;
    private int _commands;
    private int _malformed;
    private int _internalErrors;
    private int _busyReplies;
    private CommandInProgress? _spareCommand;

    /// <summary>Builds the platform from a description, with optional faults, trace and scheduler.</summary>
    public static ScmiPlatformModel Create(PlatformDescription description, FaultPlan? faults = null, ITraceSink? trace = null, IPlatformScheduler? scheduler = null)
    {
        var plan = (faults ?? FaultPlan.None).Combine(FaultOptions.FromTexts(description.Faults, description.Seed));
        return new ScmiPlatformModel(description, plan, trace, scheduler);
    }

    private ScmiPlatformModel(PlatformDescription description, FaultPlan plan, ITraceSink? trace, IPlatformScheduler? scheduler)
    {
        _description = description;
        _trace = trace;
        // Deferred work that fails is counted with the handler failures and told to the trace sink given to us.
        _scheduler = scheduler ?? new TimerScheduler(OnDeferredWorkFailed);
        _faults = new FaultInjector(plan, _scheduler);
        (_services, _protocols) = BuildProtocols();
        _outbox.Delivered += message => TraceEvent(message, dropped: false);
        _outbox.Dropped += message => TraceEvent(message, dropped: true);
    }

    private void OnDeferredWorkFailed(Exception e)
    {
        Interlocked.Increment(ref _internalErrors);
        _trace?.WriteLine($"deferred work failed: {e.GetType().Name}: {e.Message}");
    }

    /// <summary>The description the platform was built from.</summary>
    public PlatformDescription Description => _description;

    /// <summary>The faults in force.</summary>
    public FaultPlan Faults => _faults.Plan;

    /// <summary>Eventq state: pending delayed responses, dropped notifications.</summary>
    public EventOutbox Events => _outbox;

    /// <summary>Commands answered (including error replies) since the last reset.</summary>
    public int CommandsHandled => Volatile.Read(ref _commands);

    /// <summary>Chains the queue service rejected, since the last reset.</summary>
    public int MalformedRequests => Volatile.Read(ref _malformed);

    /// <summary>Commands whose handler failed unexpectedly (answered GENERIC_ERROR); zero unless there is a bug.</summary>
    public int InternalErrors => Volatile.Read(ref _internalErrors);

    /// <summary>Commands answered BUSY because the delayed-response backlog was full.</summary>
    public int BusyReplies => Volatile.Read(ref _busyReplies);

    /// <summary>Replies withheld by the drop fault.</summary>
    public int DroppedReplies => _faults.DroppedReplies;

    /// <summary>The protocol ids the platform offers, Base included, ascending.</summary>
    public IReadOnlyList<byte> ProtocolIds => _protocols.Keys.OrderBy(id => id).ToArray();

    /// <summary>The running instance of a protocol, or null when the description does not offer it.</summary>
    public T? Protocol<T>() where T : ScmiProtocol => _protocols.Values.OfType<T>().FirstOrDefault();

    private (PlatformServices, Dictionary<byte, ScmiProtocol>) BuildProtocols()
    {
        var shared = new PlatformServices(_outbox, _scheduler, _description.CallerAgentId, _gate);
        var list = new List<ScmiProtocol>();
        if (_description.PowerDomains.Count > 0) list.Add(new PowerDomainProtocol(shared, _description.PowerDomains));
        if (_description.SystemPower is not null) list.Add(new SystemPowerProtocol(shared, _description.SystemPower));
        if (_description.PerformanceDomains.Count > 0) list.Add(new PerformanceProtocol(shared, _description));
        if (_description.Clocks.Count > 0) list.Add(new ClockProtocol(shared, _description.Clocks));
        if (_description.Sensors.Count > 0) list.Add(new SensorProtocol(shared, _description.Sensors));
        if (_description.ResetDomains.Count > 0) list.Add(new ResetDomainProtocol(shared, _description.ResetDomains));
        if (_description.VoltageDomains.Count > 0) list.Add(new VoltageDomainProtocol(shared, _description.VoltageDomains));
        if (_description.PowerCapDomains.Count > 0) list.Add(new PowerCapProtocol(shared, _description.PowerCapDomains));
        list.Insert(0, new BaseProtocol(shared, _description, list.Select(p => p.Id)));
        var byId = list.ToDictionary(p => (byte)p.Id);
        foreach (ScmiProtocol protocol in list)
            protocol.ReportedVersion = _description.Versions.TryGetValue((byte)protocol.Id, out uint version) ? version : protocol.Version;
        ((BaseProtocol)list[0]).Peers = byId;
        return (shared, byId);
    }

    /// <inheritdoc/>
    public void Start(IEventQueue events) => _outbox.Attach(events);

    /// <inheritdoc/>
    public void OnEventBuffersAvailable() => _outbox.Drain();

    /// <inheritdoc/>
    public void Reset()
    {
        _faults.Reset();
        _outbox.Clear();
        lock (_gate)
        {
            _services.Retire();
            (_services, _protocols) = BuildProtocols();
            _commands = 0;
            _malformed = 0;
            _busyReplies = 0;
        }
    }

    /// <inheritdoc/>
    public void OnCommand(ICommandSlot slot)
    {
        TimeSpan arrived = _scheduler.Now;
        Interlocked.Increment(ref _commands);
        if (slot.Request.Length < ScmiHeader.Size)
        {
            CompleteHeaderless(slot, arrived);
            return;
        }
        // One spare command record is kept between commands: a command completed at once (no fault holds it)
        // gives it back, so the steady state allocates nothing. Concurrent commands simply get a new one.
        CommandInProgress command = Interlocked.Exchange(ref _spareCommand, null) ?? new CommandInProgress();
        command.Begin(ScmiHeader.Read(slot.Request), arrived, traced: _trace is not null);
        Span<byte> reply = slot.Reply;
        var writer = new ReplyWriter(reply.Length >= ScmiHeader.ReplyPrefixSize ? reply[ScmiHeader.ReplyPrefixSize..] : Span<byte>.Empty, command.ResultFields);
        lock (_gate)
        {
            command.Context.Reuse(command.Header, _services.CallerAgentId, _outbox.IsAvailable, arrived, _outbox.HasRoomForDelayedResponse);
            _protocols.TryGetValue(command.Header.ProtocolId, out command.Protocol);
            command.Status = Validate(command, reply.Length) ?? Dispatch(command, slot.Request, ref writer);
        }
        int replyLength = ShapeReply(command, reply, ref writer);
        if (_faults.Plan.IsEmpty)
        {
            CompleteAtOnce(slot, command, replyLength);
            Volatile.Write(ref _spareCommand, command);
            return;
        }
        CompleteWithFaults(slot, command, replyLength);
    }

    /// <summary>Step 4 without a fault plan: complete, trace, then the eventq messages the command caused.</summary>
    private void CompleteAtOnce(ICommandSlot slot, CommandInProgress command, int replyLength)
    {
        slot.Complete(replyLength);
        TraceCommand(command, _scheduler.Now - command.Arrived, replyLength);
        IReadOnlyList<PlatformMessage> afterReply = command.Context.AfterReply;
        if (afterReply.Count > 0)
            SendAfterReply(command.Header, afterReply);
    }

    /// <summary>A request too short for a header: PROTOCOL_ERROR with a zero header, nothing executed.</summary>
    private void CompleteHeaderless(ICommandSlot slot, TimeSpan arrived)
    {
        int length = WriteMalformedReply(slot.Request, slot.Reply, ScmiStatus.ProtocolError);
        _trace?.WriteLine(TraceFormatter.Malformed(arrived, slot.Request.Length, ScmiStatus.ProtocolError, length, "shorter than a header"));
        slot.Complete(length);
    }

    /// <summary>Step 1, validation: the status that refuses the command before any handler runs, or null.</summary>
    private static ScmiStatus? Validate(CommandInProgress command, int replyCapacity)
    {
        ScmiHeader header = command.Header;
        // DEN0056 §4.1.2: an agent only sends commands (type 0), and bits 31:28 are reserved (zero).
        if (header.Type != ScmiMessageType.Command || header.Reserved != 0) return ScmiStatus.ProtocolError;
        // A reply area without room for the status word cannot carry any answer: do not execute the command.
        if (replyCapacity < ScmiHeader.ReplyPrefixSize) return ScmiStatus.CommsError;
        // DEN0056 §4.1.3: a protocol the platform does not implement answers NOT_SUPPORTED.
        if (command.Protocol is null) return ScmiStatus.NotSupported;
        return null;
    }

    /// <summary>Step 2, dispatch (under the gate): the error fault's forced status, or the protocol handler's answer.</summary>
    private ScmiStatus Dispatch(CommandInProgress command, ReadOnlySpan<byte> request, ref ReplyWriter writer)
    {
        if (_faults.ForcedStatus(command.Header) is { } forced) return forced;
        var reader = new ParameterReader(request[ScmiHeader.Size..], command.ParameterFields);
        try
        {
            return command.Protocol!.Handle(command.Context, ref reader, ref writer);
        }
        catch (Exception e) when (e is ArgumentException or IndexOutOfRangeException or InvalidOperationException or OverflowException)
        {
            // A handler bug must not take the device down with it: the agent gets GENERIC_ERROR, the trace the cause.
            Interlocked.Increment(ref _internalErrors);
            command.Notes.Add($"internal-error {e.GetType().Name}: {e.Message}");
            return ScmiStatus.GenericError;
        }
    }

    /// <summary>Step 3, reply shaping: header echo, final status and the reply length; returns that length.</summary>
    private int ShapeReply(CommandInProgress command, Span<byte> reply, ref ReplyWriter writer)
    {
        if (writer.Overflowed) command.Status = ScmiStatus.CommsError; // the agent's reply area is too small for the values
        if (command.Status == ScmiStatus.Busy && command.Context.RefusedForBacklog) Interlocked.Increment(ref _busyReplies);
        if (command.Status != ScmiStatus.Success) command.Context.DiscardAfterReply();

        // virtio 1.3 §5.17.6.1 / DEN0056 §4.1.4: on error only header and status are returned.
        int replyLength = command.Status == ScmiStatus.Success ? ScmiHeader.ReplyPrefixSize + writer.Length : ScmiHeader.ReplyPrefixSize;
        // Without room for the status word only the header echo goes back (a partial status word would read as garbage).
        if (reply.Length < ScmiHeader.ReplyPrefixSize) replyLength = reply.Length >= ScmiHeader.Size ? ScmiHeader.Size : 0;
        if (reply.Length >= ScmiHeader.Size) command.Header.Write(reply);
        if (reply.Length >= ScmiHeader.ReplyPrefixSize) BinaryPrimitives.WriteInt32LittleEndian(reply[ScmiHeader.Size..], (int)command.Status);
        return replyLength;
    }

    /// <summary>Step 4, faults: drop, damage, early delayed responses, flood and the release timing; then completion.</summary>
    private void CompleteWithFaults(ICommandSlot slot, CommandInProgress command, int replyLength)
    {
        ScmiHeader header = command.Header;
        IReadOnlyList<PlatformMessage> afterReply = command.Context.AfterReply;
        if (_faults.ShouldDrop(header))
        {
            command.Notes.Add("drop");
            TraceCommand(command, TimeSpan.Zero, 0);
            SendAfterReply(header, afterReply);
            return;
        }
        replyLength = _faults.Mutate(header, slot.Reply, replyLength, command.Notes);
        if (afterReply.Any(m => m.Header.Type == ScmiMessageType.DelayedResponse) && _faults.SendsDelayedResponseEarly(header))
        {
            // The early fault: delayed responses overtake the reply; notifications still follow it.
            command.Notes.Add("early");
            SendAfterReply(header, afterReply.Where(m => m.Header.Type == ScmiMessageType.DelayedResponse).ToList());
            afterReply = afterReply.Where(m => m.Header.Type != ScmiMessageType.DelayedResponse).ToList();
        }
        int floodRounds = _faults.FloodCount(header);
        _faults.Release(header, () =>
        {
            slot.Complete(replyLength);
            TraceCommand(command, _scheduler.Now - command.Arrived, replyLength);
            SendAfterReply(header, afterReply);
            if (floodRounds > 0) Flood(floodRounds);
        }, command.Notes);
    }

    /// <summary>Step 5, trace: one line per command (nothing without a sink).</summary>
    private void TraceCommand(CommandInProgress command, TimeSpan elapsed, int replyLength)
    {
        if (_trace is null) return;
        string messageName = command.Protocol?.MessageName(command.Header.MessageId) ?? $"MSG_0x{command.Header.MessageId:X2}";
        _trace.WriteLine(TraceFormatter.Command(command.Arrived, MessageNames.ProtocolName(command.Header.ProtocolId), messageName, command.Header,
            command.ParameterFields!, command.Status, command.ResultFields!, elapsed, replyLength, command.Notes));
    }

    /// <summary>
    /// One command between its arrival and its completion: what each step decided, and what the trace needs.
    /// Reused for the next command once this one was completed at once (<see cref="Begin"/> forgets it all).
    /// </summary>
    private sealed class CommandInProgress
    {
        public ScmiHeader Header;
        public TimeSpan Arrived;
        public TraceFields? ParameterFields;
        public TraceFields? ResultFields;
        /// <summary>Fault and error notes for the trace line, in the order they happened.</summary>
        public readonly List<string> Notes = new();
        public ScmiProtocol? Protocol;
        public readonly CommandContext Context = new(default, 0, eventsAvailable: false, TimeSpan.Zero);
        public ScmiStatus Status;

        public void Begin(ScmiHeader header, TimeSpan arrived, bool traced)
        {
            Header = header;
            Arrived = arrived;
            // The trace keeps what it was given, so traced commands get fields of their own.
            ParameterFields = traced ? new TraceFields() : null;
            ResultFields = traced ? new TraceFields() : null;
            Notes.Clear();
            Protocol = null;
            Status = ScmiStatus.Success;
        }
    }

    /// <inheritdoc/>
    public int OnMalformed(ReadOnlySpan<byte> request, Span<byte> reply)
    {
        Interlocked.Increment(ref _malformed);
        var now = _scheduler.Now;
        // The chain itself was unusable: a transport-level failure, so COMMS_ERROR.
        int length = WriteMalformedReply(request, reply, ScmiStatus.CommsError);
        _trace?.WriteLine(TraceFormatter.Malformed(now, request.Length, ScmiStatus.CommsError, length, "rejected by the queue service"));
        lock (_gate) Protocol<BaseProtocol>()?.ReportErrors(new[] { now });
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
            int copies = _faults.Copies(delayed ? command : message.Header);
            for (int copy = 0; copy < copies; copy++)
            {
                if (delayed) _outbox.SendDelayedResponse(message);
                else _outbox.SendNotification(message);
            }
        }
    }

    private void Flood(int rounds)
    {
        List<PlatformMessage> current;
        lock (_gate) current = _protocols.Values.SelectMany(p => p.CurrentStateNotifications()).ToList();
        for (int round = 0; round < rounds; round++)
            foreach (var message in current) _outbox.SendNotification(message);
    }

    private void TraceEvent(PlatformMessage message, bool dropped)
    {
        if (_trace is null) return;
        _trace.WriteLine(TraceFormatter.Event(_scheduler.Now, message, MessageNames.ProtocolName(message.Header.ProtocolId), dropped));
    }

    // ---- Platform-side events: what the simulated hardware does on its own ----

    /// <summary>A sensor measured a new value: trip points and update subscriptions notify the agent.</summary>
    public void SetSensorValue(int sensor, int axis, long value)
    {
        lock (_gate) Protocol<SensorProtocol>()?.SetValue(null, sensor, axis, value);
    }

    /// <summary>The platform asks the agent to change the system power state (SYSTEM_POWER_STATE_NOTIFIER).</summary>
    public void RequestSystemPowerState(SystemPowerState state, bool graceful, uint timeoutMilliseconds)
    {
        lock (_gate) Protocol<SystemPowerProtocol>()?.RequestStateChange(state, graceful, timeoutMilliseconds);
    }

    /// <summary>A power capping domain measured new power (POWERCAP_MEASUREMENTS_CHANGED outside the thresholds).</summary>
    public void SetMeasuredPower(int domain, uint power)
    {
        lock (_gate) Protocol<PowerCapProtocol>()?.SetMeasuredPower(domain, power);
    }
}
