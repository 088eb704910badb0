// SCMI Power capping and monitoring protocol 0x18 (Arm DEN0056 v3.2 §4.10).
using ScmiPlatform.Description;
using ScmiPlatform.Scmi;

namespace ScmiPlatform.Protocols;

/// <summary>Power capping message ids (DEN0056 §4.10.2). POWERCAP_DESCRIBE_FASTCHANNEL (0xC) is not implemented.</summary>
public enum PowerCapMessage : byte
{
    ProtocolVersion = 0x0,
    ProtocolAttributes = 0x1,
    ProtocolMessageAttributes = 0x2,
    PowercapDomainAttributes = 0x3,
    PowercapCapGet = 0x4,
    PowercapCapSet = 0x5,
    PowercapPaiGet = 0x6,
    PowercapPaiSet = 0x7,
    PowercapDomainNameGet = 0x8,
    PowercapMeasurementsGet = 0x9,
    PowercapCapNotify = 0xA,
    PowercapMeasurementsNotify = 0xB,
}

/// <summary>Power capping notification ids (DEN0056 §4.10.3).</summary>
public enum PowerCapNotification : byte
{
    PowercapCapChanged = 0x0,
    PowercapMeasurementsChanged = 0x1,
}

/// <summary>Power capping domains: cap, averaging interval, measured power and thresholds.</summary>
public sealed class PowerCapProtocol : ScmiProtocol<PowerCapMessage, PowerCapNotification>
{
    /// <summary>DEN0056 §4.10.2.1: power capping protocol version 1.0.</summary>
    public const uint ProtocolVersion = 0x1_0000;
    /// <summary>POWERCAP_CAP_SET flags: bit 1 asynchronous, bit 0 ignore delayed response.</summary>
    public const uint AsyncFlag = 1u << 1, IgnoreDelayedResponseFlag = 1u << 0;

    private readonly IReadOnlyList<PowerCapDomainDescription> _domains;
    private readonly DomainState[] _state;

    private sealed class DomainState
    {
        public uint Cap;
        public uint Pai;
        public uint Power;
        public uint ThresholdLow;
        public uint ThresholdHigh;
    }

    /// <summary>Creates the protocol with every domain at its initial cap and averaging interval.</summary>
    public PowerCapProtocol(PlatformServices services, IReadOnlyList<PowerCapDomainDescription> domains) : base(services)
    {
        _domains = domains;
        _state = domains.Select(d => new DomainState
        {
            Cap = d.InitialCap ?? d.MaximumCap,
            Pai = d.InitialPai ?? d.MinimumPai,
            Power = d.MeasuredPower,
        }).ToArray();
    }

    /// <inheritdoc/>
    public override ScmiProtocolId Id => ScmiProtocolId.PowerCapping;

    /// <inheritdoc/>
    public override uint Version => ProtocolVersion;

    /// <summary>Current cap of a domain.</summary>
    public uint CapOf(int domain) => _state[domain].Cap;

    /// <inheritdoc/>
    protected override void WriteProtocolAttributes(CommandContext context, ref ReplyWriter reply)
    {
        // DEN0056 §4.10.2.2: bits 15:0 number of power capping domains.
        reply.U32("attributes", (uint)_domains.Count, hex: true);
    }

    /// <inheritdoc/>
    protected override ScmiStatus HandleMessage(CommandContext context, ref ParameterReader parameters, ref ReplyWriter reply)
    {
        switch (MessageOf(context))
        {
            case PowerCapMessage.PowercapDomainAttributes:
                return DomainAttributes(context, ref parameters, ref reply);
            case PowerCapMessage.PowercapCapGet:
            {
                if (ReadIndex(ref parameters, 4, "domain_id", _domains.Count, out int domain) is { } error) return error;
                reply.U32("power_cap", _state[domain].Cap);
                return ScmiStatus.Success;
            }
            case PowerCapMessage.PowercapCapSet:
                return CapSet(context, ref parameters);
            case PowerCapMessage.PowercapPaiGet:
            {
                if (ReadIndex(ref parameters, 4, "domain_id", _domains.Count, out int domain) is { } error) return error;
                reply.U32("pai", _state[domain].Pai);
                return ScmiStatus.Success;
            }
            case PowerCapMessage.PowercapPaiSet:
                return PaiSet(context, ref parameters);
            case PowerCapMessage.PowercapDomainNameGet:
                return ExtendedNameGet(ref parameters, ref reply, "domain_id", _domains, d => d.Name);
            case PowerCapMessage.PowercapMeasurementsGet:
            {
                if (ReadIndex(ref parameters, 4, "domain_id", _domains.Count, out int domain) is { } error) return error;
                reply.U32("power", _state[domain].Power);
                reply.U32("pai", _state[domain].Pai);
                return ScmiStatus.Success;
            }
            case PowerCapMessage.PowercapCapNotify:
            {
                if (ReadIndex(ref parameters, 8, "domain_id", _domains.Count, out int domain) is { } error) return error;
                return ChangeSubscription(context, (byte)PowerCapNotification.PowercapCapChanged, (uint)domain, parameters.U32("notify_enable", hex: true));
            }
            case PowerCapMessage.PowercapMeasurementsNotify:
            {
                if (!parameters.IsExactly(16)) return ScmiStatus.ProtocolError;
                uint domainId = parameters.U32("domain_id");
                uint enable = parameters.U32("notify_enable", hex: true);
                uint low = parameters.U32("power_thresh_low");
                uint high = parameters.U32("power_thresh_high");
                if (!TryDomain(domainId, out int domain)) return ScmiStatus.NotFound;
                // DEN0056 §4.10.2.12: the low threshold may not exceed the high one.
                if ((enable & 1) != 0 && low > high) return ScmiStatus.InvalidParameters;
                var status = ChangeSubscription(context, (byte)PowerCapNotification.PowercapMeasurementsChanged, (uint)domain, enable);
                if (status == ScmiStatus.Success)
                {
                    _state[domain].ThresholdLow = low;
                    _state[domain].ThresholdHigh = high;
                }
                return status;
            }
            default:
                return ScmiStatus.NotFound;
        }
    }

    private ScmiStatus DomainAttributes(CommandContext context, ref ParameterReader parameters, ref ReplyWriter reply)
    {
        if (ReadIndex(ref parameters, 4, "domain_id", _domains.Count, out int domain) is { } error) return error;
        var d = _domains[domain];
        // DEN0056 §4.10.2.4: 31 cap change notify, 30 measurement notify, 29 async cap set, 28 extended name,
        // 27 cap configurable, 26 monitoring, 25 PAI configurable, 24 milliwatts, 23 microwatts, 22 fast channels.
        uint attributes = 1u << 26;
        if (context.EventsAvailable) attributes |= 1u << 31 | 1u << 30;
        if (d.AsyncSupported && context.EventsAvailable) attributes |= 1u << 29;
        if (d.Name.Length >= ReplyWriter.ShortNameSize) attributes |= 1u << 28;
        if (d.CapConfigurable) attributes |= 1u << 27;
        if (d.PaiConfigurable) attributes |= 1u << 25;
        if (d.Unit == PowerCapUnit.Milliwatts) attributes |= 1u << 24;
        if (d.Unit == PowerCapUnit.Microwatts) attributes |= 1u << 23;
        reply.U32("attributes", attributes, hex: true);
        reply.Name("name", d.Name, ReplyWriter.ShortNameSize);
        reply.U32("min_pai", d.MinimumPai);
        reply.U32("max_pai", d.MaximumPai);
        reply.U32("pai_step", d.PaiStep);
        reply.U32("min_power_cap", d.MinimumCap);
        reply.U32("max_power_cap", d.MaximumCap);
        reply.U32("power_cap_step", d.CapStep);
        reply.U32("sustainable_power", d.SustainablePower);
        reply.U32("accuracy", d.Accuracy);
        reply.U32("parent_id", d.ParentId, hex: d.ParentId == PowerCapDomainDescription.NoParent);
        return ScmiStatus.Success;
    }

    private ScmiStatus CapSet(CommandContext context, ref ParameterReader parameters)
    {
        if (!parameters.IsExactly(12)) return ScmiStatus.ProtocolError;
        uint domainId = parameters.U32("domain_id");
        uint flags = parameters.U32("flags", hex: true);
        uint cap = parameters.U32("power_cap");
        if (!TryDomain(domainId, out int domain)) return ScmiStatus.NotFound;
        if ((flags & ~(AsyncFlag | IgnoreDelayedResponseFlag)) != 0) return ScmiStatus.InvalidParameters;
        var d = _domains[domain];
        if (!d.CapConfigurable) return ScmiStatus.NotSupported;
        bool async = (flags & AsyncFlag) != 0;
        bool wantsDelayedResponse = async && (flags & IgnoreDelayedResponseFlag) == 0;
        if (async && !d.AsyncSupported) return ScmiStatus.NotSupported;
        // virtio 1.3 §5.17.6.1: a delayed response needs P2A_CHANNELS.
        if (wantsDelayedResponse && !context.MayQueueDelayedResponse(out ScmiStatus refusal)) return refusal;
        // DEN0056 §4.10.2.6: OUT_OF_RANGE for a cap outside min..max or off the step grid.
        if (cap < d.MinimumCap || cap > d.MaximumCap || (cap - d.MinimumCap) % d.CapStep != 0) return ScmiStatus.OutOfRange;
        bool changed = _state[domain].Cap != cap;
        _state[domain].Cap = cap;
        if (wantsDelayedResponse)
            context.SendAfterReply(context.DelayedResponse("POWERCAP_CAP_SET_COMPLETE").U32("domain_id", (uint)domain).U32("power_cap", cap).Build());
        if (changed) NotifyCapChanged(context, domain);
        return ScmiStatus.Success;
    }

    private ScmiStatus PaiSet(CommandContext context, ref ParameterReader parameters)
    {
        if (!parameters.IsExactly(12)) return ScmiStatus.ProtocolError;
        uint domainId = parameters.U32("domain_id");
        uint flags = parameters.U32("flags", hex: true);
        uint pai = parameters.U32("pai");
        if (!TryDomain(domainId, out int domain)) return ScmiStatus.NotFound;
        if (flags != 0) return ScmiStatus.InvalidParameters;
        var d = _domains[domain];
        if (!d.PaiConfigurable) return ScmiStatus.NotSupported;
        if (pai < d.MinimumPai || pai > d.MaximumPai || (pai - d.MinimumPai) % d.PaiStep != 0) return ScmiStatus.OutOfRange;
        bool changed = _state[domain].Pai != pai;
        _state[domain].Pai = pai;
        if (changed) NotifyCapChanged(context, domain);
        return ScmiStatus.Success;
    }

    private void NotifyCapChanged(CommandContext? cause, int domain) =>
        Notify(cause, (byte)PowerCapNotification.PowercapCapChanged, (uint)domain, m => m
            .U32("agent_id", cause?.AgentId ?? PlatformServices.PlatformAgentId).U32("domain_id", (uint)domain)
            .U32("power_cap", _state[domain].Cap).U32("pai", _state[domain].Pai));

    /// <summary>The platform measured new power for a domain; crossing outside the agent's thresholds notifies it.</summary>
    public void SetMeasuredPower(int domain, uint power)
    {
        var s = _state[domain];
        s.Power = power;
        if (power < s.ThresholdLow || power > s.ThresholdHigh)
        {
            Notify(null, (byte)PowerCapNotification.PowercapMeasurementsChanged, (uint)domain, m => m
                .U32("agent_id", PlatformServices.PlatformAgentId).U32("domain_id", (uint)domain).U32("power", power));
        }
    }

    /// <inheritdoc/>
    public override IEnumerable<PlatformMessage> CurrentStateNotifications()
    {
        for (int domain = 0; domain < _domains.Count; domain++)
        {
            if (Subscriptions.IsEnabled((byte)PowerCapNotification.PowercapCapChanged, (uint)domain))
            {
                yield return NotificationBuilder((byte)PowerCapNotification.PowercapCapChanged)
                    .U32("agent_id", PlatformServices.PlatformAgentId).U32("domain_id", (uint)domain)
                    .U32("power_cap", _state[domain].Cap).U32("pai", _state[domain].Pai).Build();
            }
            if (Subscriptions.IsEnabled((byte)PowerCapNotification.PowercapMeasurementsChanged, (uint)domain))
            {
                yield return NotificationBuilder((byte)PowerCapNotification.PowercapMeasurementsChanged)
                    .U32("agent_id", PlatformServices.PlatformAgentId).U32("domain_id", (uint)domain).U32("power", _state[domain].Power).Build();
            }
        }
    }

    private bool TryDomain(uint id, out int domain) => TryIndex(id, _domains.Count, out domain);
}
