// SCMI Power domain management protocol 0x11 (Arm DEN0056 v3.2 §4.3).
using ScmiPlatform.Description;
using ScmiPlatform.Scmi;

namespace ScmiPlatform.Protocols;

/// <summary>Power domain message ids (DEN0056 §4.3.2).</summary>
public enum PowerDomainMessage : byte
{
    ProtocolVersion = 0x0,
    ProtocolAttributes = 0x1,
    ProtocolMessageAttributes = 0x2,
    PowerDomainAttributes = 0x3,
    PowerStateSet = 0x4,
    PowerStateGet = 0x5,
    PowerStateNotify = 0x6,
    PowerStateChangeRequestedNotify = 0x7,
    PowerDomainNameGet = 0x8,
}

/// <summary>Power domain notification ids (DEN0056 §4.3.3).</summary>
public enum PowerDomainNotification : byte
{
    PowerStateChanged = 0x0,
    PowerStateChangeRequested = 0x1,
}

/// <summary>The power domains of the platform with their current states.</summary>
public sealed class PowerDomainProtocol : ScmiProtocol<PowerDomainMessage, PowerDomainNotification>
{
    /// <summary>DEN0056 §4.3.2.1: power domain protocol version 3.0.</summary>
    public const uint ProtocolVersion = 0x3_0000;
    /// <summary>POWER_STATE_SET flags bit 0: asynchronous.</summary>
    public const uint AsyncFlag = 1u << 0;
    /// <summary>How long an asynchronous state change takes on this platform.</summary>
    public static readonly TimeSpan AsyncTransition = TimeSpan.FromMilliseconds(1);

    private readonly IReadOnlyList<PowerDomainDescription> _domains;
    private readonly uint[] _states;

    /// <summary>Creates the protocol with every domain in its initial state.</summary>
    public PowerDomainProtocol(PlatformServices services, IReadOnlyList<PowerDomainDescription> domains) : base(services)
    {
        _domains = domains;
        _states = domains.Select(d => d.InitialState).ToArray();
    }

    /// <inheritdoc/>
    public override ScmiProtocolId Id => ScmiProtocolId.PowerDomain;

    /// <inheritdoc/>
    public override uint Version => ProtocolVersion;

    /// <summary>Current power state of a domain (for tests and the trace).</summary>
    public uint StateOf(int domain) => _states[domain];

    /// <inheritdoc/>
    protected override void WriteProtocolAttributes(CommandContext context, ref ReplyWriter reply)
    {
        // DEN0056 §4.3.2.2: attributes (bits 15:0 domain count), then the statistics region, absent here.
        reply.U32("attributes", (uint)_domains.Count, hex: true);
        reply.U32("statistics_address_low", 0);
        reply.U32("statistics_address_high", 0);
        reply.U32("statistics_len", 0);
    }

    /// <inheritdoc/>
    protected override ScmiStatus HandleMessage(CommandContext context, ref ParameterReader parameters, ref ReplyWriter reply)
    {
        switch (MessageOf(context))
        {
            case PowerDomainMessage.PowerDomainAttributes:
            {
                if (ReadIndex(ref parameters, 4, "domain_id", _domains.Count, out int domain) is { } error) return error;
                var d = _domains[domain];
                // DEN0056 §4.3.2.4: bit 31 state change notifications, 30 async, 29 sync,
                // 28 state change requested notifications, 27 extended name.
                uint attributes = 1u << 29;
                if (context.EventsAvailable) attributes |= 1u << 31 | 1u << 28;
                if (d.AsyncSupported) attributes |= 1u << 30;
                if (d.Name.Length >= ReplyWriter.ShortNameSize) attributes |= 1u << 27;
                reply.U32("attributes", attributes, hex: true);
                reply.Name("name", d.Name, ReplyWriter.ShortNameSize);
                return ScmiStatus.Success;
            }
            case PowerDomainMessage.PowerStateSet:
                return PowerStateSet(context, ref parameters);
            case PowerDomainMessage.PowerStateGet:
            {
                if (ReadIndex(ref parameters, 4, "domain_id", _domains.Count, out int domain) is { } error) return error;
                reply.U32("power_state", _states[domain], hex: true);
                return ScmiStatus.Success;
            }
            case PowerDomainMessage.PowerStateNotify:
            case PowerDomainMessage.PowerStateChangeRequestedNotify:
            {
                if (ReadIndex(ref parameters, 8, "domain_id", _domains.Count, out int domain) is { } error) return error;
                var notification = MessageOf(context) == PowerDomainMessage.PowerStateNotify
                    ? PowerDomainNotification.PowerStateChanged
                    : PowerDomainNotification.PowerStateChangeRequested;
                return ChangeSubscription(context, (byte)notification, (uint)domain, parameters.U32("notify_enable", hex: true));
            }
            case PowerDomainMessage.PowerDomainNameGet:
                // DEN0056 §4.3.2.9: NOT_SUPPORTED when the domain has no extended name.
                return ExtendedNameGet(ref parameters, ref reply, "domain_id", _domains, d => d.Name);
            default:
                return ScmiStatus.NotFound;
        }
    }

    private ScmiStatus PowerStateSet(CommandContext context, ref ParameterReader parameters)
    {
        if (!parameters.IsExactly(12)) return ScmiStatus.ProtocolError;
        uint flags = parameters.U32("flags", hex: true);
        uint domainId = parameters.U32("domain_id");
        uint state = parameters.U32("power_state", hex: true);
        if ((flags & ~AsyncFlag) != 0) return ScmiStatus.InvalidParameters;
        if (!TryDomain(domainId, out int domain)) return ScmiStatus.NotFound;
        var d = _domains[domain];
        if (d.Locked) return ScmiStatus.Denied;
        // DEN0056 §4.3.2.7: INVALID_PARAMETERS for a power state the domain does not have.
        if (state != PowerDomainDescription.StateOn && state != PowerDomainDescription.StateOff && !d.ExtraStates.Contains(state))
            return ScmiStatus.InvalidParameters;
        bool async = (flags & AsyncFlag) != 0;
        if (async && !d.AsyncSupported) return ScmiStatus.NotSupported;

        Notify(context, (byte)PowerDomainNotification.PowerStateChangeRequested, (uint)domain, m =>
            m.U32("agent_id", context.AgentId).U32("domain_id", (uint)domain).U32("power_state", state, hex: true));
        if (!async)
        {
            ApplyState(context, domain, state);
            return ScmiStatus.Success;
        }
        // DEN0056 §4.3.2.7: an asynchronous request returns at once; the change completes later and is
        // announced by POWER_STATE_CHANGED (there is no delayed response for this command).
        uint agent = context.AgentId;
        Services.Scheduler.Schedule(AsyncTransition, () => CompleteAsync(agent, domain, state));
        return ScmiStatus.Success;
    }

    private void CompleteAsync(uint agent, int domain, uint state)
    {
        Services.RunExclusive(() =>
        {
            if (_states[domain] == state) return;
            _states[domain] = state;
            Notify(null, (byte)PowerDomainNotification.PowerStateChanged, (uint)domain, m =>
                m.U32("agent_id", agent).U32("domain_id", (uint)domain).U32("power_state", state, hex: true));
        });
    }

    private void ApplyState(CommandContext context, int domain, uint state)
    {
        if (_states[domain] == state) return;
        _states[domain] = state;
        Notify(context, (byte)PowerDomainNotification.PowerStateChanged, (uint)domain, m =>
            m.U32("agent_id", context.AgentId).U32("domain_id", (uint)domain).U32("power_state", state, hex: true));
    }

    /// <inheritdoc/>
    public override IEnumerable<PlatformMessage> CurrentStateNotifications()
    {
        for (int domain = 0; domain < _domains.Count; domain++)
        {
            if (Subscriptions.IsEnabled((byte)PowerDomainNotification.PowerStateChanged, (uint)domain))
            {
                yield return NotificationBuilder((byte)PowerDomainNotification.PowerStateChanged)
                    .U32("agent_id", PlatformServices.PlatformAgentId).U32("domain_id", (uint)domain).U32("power_state", _states[domain], hex: true).Build();
            }
        }
    }

    private bool TryDomain(uint id, out int domain) => TryIndex(id, _domains.Count, out domain);
}
