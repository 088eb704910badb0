// SCMI Reset domain management protocol 0x16 (Arm DEN0056 v3.2 §4.8).
using ScmiPlatform.Description;
using ScmiPlatform.Scmi;

namespace ScmiPlatform.Protocols;

/// <summary>Reset domain message ids (DEN0056 §4.8.2).</summary>
public enum ResetDomainMessage : byte
{
    ProtocolVersion = 0x0,
    ProtocolAttributes = 0x1,
    ProtocolMessageAttributes = 0x2,
    ResetDomainAttributes = 0x3,
    Reset = 0x4,
    ResetNotify = 0x5,
    ResetDomainNameGet = 0x6,
}

/// <summary>Reset domain notification ids (DEN0056 §4.8.3).</summary>
public enum ResetDomainNotification : byte
{
    ResetIssued = 0x0,
}

/// <summary>Reset domains: autonomous resets (sync or async) and explicit assert/deassert.</summary>
public sealed class ResetDomainProtocol : ScmiProtocol<ResetDomainMessage, ResetDomainNotification>
{
    /// <summary>DEN0056 §4.8.2.1: reset domain protocol version 3.0.</summary>
    public const uint ProtocolVersion = 0x3_0000;
    /// <summary>RESET flags: bit 0 autonomous reset, bit 1 explicit assert (clear = deassert), bit 2 asynchronous.</summary>
    public const uint AutonomousFlag = 1u << 0, ExplicitAssertFlag = 1u << 1, AsyncFlag = 1u << 2;
    /// <summary>reset_state bit 31: implementation-defined reset type (clear = architectural).</summary>
    public const uint ImplementationDefinedBit = 1u << 31;

    private readonly IReadOnlyList<ResetDomainDescription> _domains;
    private readonly bool[] _asserted;

    /// <summary>Creates the protocol with every domain out of reset.</summary>
    public ResetDomainProtocol(PlatformServices services, IReadOnlyList<ResetDomainDescription> domains) : base(services)
    {
        _domains = domains;
        _asserted = new bool[domains.Count];
    }

    /// <inheritdoc/>
    public override ScmiProtocolId Id => ScmiProtocolId.ResetDomain;

    /// <inheritdoc/>
    public override uint Version => ProtocolVersion;

    /// <summary>True while a domain is held in reset.</summary>
    public bool IsAsserted(int domain) => _asserted[domain];

    /// <summary>Number of resets performed per domain.</summary>
    public int ResetCount { get; private set; }

    /// <inheritdoc/>
    protected override void WriteProtocolAttributes(CommandContext context, ref ReplyWriter reply)
    {
        // DEN0056 §4.8.2.2: bits 15:0 number of reset domains.
        reply.U32("attributes", (uint)_domains.Count, hex: true);
    }

    /// <inheritdoc/>
    protected override ScmiStatus HandleMessage(CommandContext context, ref ParameterReader parameters, ref ReplyWriter reply)
    {
        switch (MessageOf(context))
        {
            case ResetDomainMessage.ResetDomainAttributes:
            {
                if (ReadIndex(ref parameters, 4, "domain_id", _domains.Count, out int domain) is { } error) return error;
                var d = _domains[domain];
                // DEN0056 §4.8.2.4: 31 async reset supported, 30 reset notifications supported, 29 extended name.
                uint attributes = 0;
                if (d.AsyncSupported && context.EventsAvailable) attributes |= 1u << 31;
                if (context.EventsAvailable) attributes |= 1u << 30;
                if (d.Name.Length >= ReplyWriter.ShortNameSize) attributes |= 1u << 29;
                reply.U32("attributes", attributes, hex: true);
                reply.U32("latency", d.LatencyMicroseconds);
                reply.Name("name", d.Name, ReplyWriter.ShortNameSize);
                return ScmiStatus.Success;
            }
            case ResetDomainMessage.Reset:
                return Reset(context, ref parameters);
            case ResetDomainMessage.ResetNotify:
            {
                if (ReadIndex(ref parameters, 8, "domain_id", _domains.Count, out int domain) is { } error) return error;
                return ChangeSubscription(context, (byte)ResetDomainNotification.ResetIssued, (uint)domain, parameters.U32("notify_enable", hex: true));
            }
            case ResetDomainMessage.ResetDomainNameGet:
                return ExtendedNameGet(ref parameters, ref reply, "domain_id", _domains, d => d.Name);
            default:
                return ScmiStatus.NotFound;
        }
    }

    private ScmiStatus Reset(CommandContext context, ref ParameterReader parameters)
    {
        if (!parameters.IsExactly(12)) return ScmiStatus.ProtocolError;
        uint domainId = parameters.U32("domain_id");
        uint flags = parameters.U32("flags", hex: true);
        uint resetState = parameters.U32("reset_state", hex: true);
        if (!TryDomain(domainId, out int domain)) return ScmiStatus.NotFound;
        if ((flags & ~(AutonomousFlag | ExplicitAssertFlag | AsyncFlag)) != 0) return ScmiStatus.InvalidParameters;
        bool autonomous = (flags & AutonomousFlag) != 0;
        bool async = (flags & AsyncFlag) != 0;
        // DEN0056 §4.8.2.5: autonomous reset and explicit assert are exclusive; async only applies to autonomous resets.
        if (autonomous && (flags & ExplicitAssertFlag) != 0) return ScmiStatus.InvalidParameters;
        if (async && !autonomous) return ScmiStatus.InvalidParameters;
        // Architectural reset types other than 0 (cold reset, context lost) are reserved.
        if ((resetState & ImplementationDefinedBit) == 0 && resetState != 0) return ScmiStatus.InvalidParameters;
        var d = _domains[domain];
        if (d.Locked) return ScmiStatus.Denied;
        if (async && !d.AsyncSupported) return ScmiStatus.NotSupported;
        if (async && !context.MayQueueDelayedResponse(out ScmiStatus refusal)) return refusal;

        if (autonomous)
        {
            _asserted[domain] = false;
            ResetCount++;
            // DEN0056 §4.8.2.5: RESET_COMPLETE carries the domain id once the asynchronous reset is done.
            if (async) context.SendAfterReply(context.DelayedResponse("RESET_COMPLETE").U32("domain_id", (uint)domain).Build());
        }
        else
        {
            _asserted[domain] = (flags & ExplicitAssertFlag) != 0;
            if (_asserted[domain]) ResetCount++;
        }
        if (autonomous || _asserted[domain])
        {
            Notify(context, (byte)ResetDomainNotification.ResetIssued, (uint)domain, m => m
                .U32("agent_id", context.AgentId).U32("domain_id", (uint)domain).U32("reset_state", resetState, hex: true));
        }
        return ScmiStatus.Success;
    }

    private bool TryDomain(uint id, out int domain) => TryIndex(id, _domains.Count, out domain);
}
