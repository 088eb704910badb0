// SCMI Performance domain management protocol 0x13 (Arm DEN0056 v3.2 §4.5).
using ScmiPlatform.Description;
using ScmiPlatform.Scmi;

namespace ScmiPlatform.Protocols;

/// <summary>Performance message ids (DEN0056 §4.5.3). PERFORMANCE_DESCRIBE_FASTCHANNEL (0xB) is not implemented: no shared memory.</summary>
public enum PerformanceMessage : byte
{
    ProtocolVersion = 0x0,
    ProtocolAttributes = 0x1,
    ProtocolMessageAttributes = 0x2,
    PerformanceDomainAttributes = 0x3,
    PerformanceDescribeLevels = 0x4,
    PerformanceLimitsSet = 0x5,
    PerformanceLimitsGet = 0x6,
    PerformanceLevelSet = 0x7,
    PerformanceLevelGet = 0x8,
    PerformanceNotifyLimits = 0x9,
    PerformanceNotifyLevel = 0xA,
    PerformanceDomainNameGet = 0xC,
}

/// <summary>Performance notification ids (DEN0056 §4.5.4).</summary>
public enum PerformanceNotification : byte
{
    PerformanceLimitsChanged = 0x0,
    PerformanceLevelChanged = 0x1,
}

/// <summary>Performance domains with their operating points, limits and current level.</summary>
public sealed class PerformanceProtocol : ScmiProtocol<PerformanceMessage, PerformanceNotification>
{
    /// <summary>DEN0056 §4.5.3.1: performance protocol version 3.0 (12-byte level entries, no level indexing).</summary>
    public const uint ProtocolVersion = 0x3_0000;
    /// <summary>Size of one PERFORMANCE_DESCRIBE_LEVELS entry: level, power cost, attributes.</summary>
    public const int LevelEntrySize = 12;

    private readonly PlatformDescription _description;
    private readonly IReadOnlyList<PerformanceDomainDescription> _domains;
    private readonly DomainState[] _state;

    private sealed class DomainState
    {
        public uint Level;
        public uint LimitMin;
        public uint LimitMax;
    }

    /// <summary>Creates the protocol with every domain at its initial level and limits.</summary>
    public PerformanceProtocol(PlatformServices services, PlatformDescription description) : base(services)
    {
        _description = description;
        _domains = description.PerformanceDomains;
        _state = _domains.Select(d => new DomainState
        {
            Level = d.InitialLevel ?? d.Levels[^1].Level,
            LimitMin = d.LimitMin ?? d.Levels[0].Level,
            LimitMax = d.LimitMax ?? d.Levels[^1].Level,
        }).ToArray();
    }

    /// <inheritdoc/>
    public override ScmiProtocolId Id => ScmiProtocolId.Performance;

    /// <inheritdoc/>
    public override uint Version => ProtocolVersion;

    /// <summary>Current level of a domain.</summary>
    public uint LevelOf(int domain) => _state[domain].Level;

    /// <inheritdoc/>
    protected override void WriteProtocolAttributes(CommandContext context, ref ReplyWriter reply)
    {
        // DEN0056 §4.5.3.2: bits 15:0 domain count, bit 16 power values in milliwatts; no statistics region.
        uint attributes = (uint)_domains.Count | (_description.PerformancePowerUnit == PerformancePowerUnit.Milliwatts ? 1u << 16 : 0);
        reply.U32("attributes", attributes, hex: true);
        reply.U32("statistics_address_low", 0);
        reply.U32("statistics_address_high", 0);
        reply.U32("statistics_len", 0);
    }

    /// <inheritdoc/>
    protected override ScmiStatus HandleMessage(CommandContext context, ref ParameterReader parameters, ref ReplyWriter reply)
    {
        var message = MessageOf(context);
        switch (message)
        {
            case PerformanceMessage.PerformanceDomainAttributes:
            {
                if (ReadIndex(ref parameters, 4, "domain_id", _domains.Count, out int domain) is { } error) return error;
                var d = _domains[domain];
                // DEN0056 §4.5.3.4: 31 set limits, 30 set level, 29 limits notify, 28 level notify, 27 fast channels, 26 extended name.
                uint attributes = (d.SetLimitsAllowed ? 1u << 31 : 0) | (d.SetLevelAllowed ? 1u << 30 : 0);
                if (context.EventsAvailable) attributes |= 1u << 29 | 1u << 28;
                if (d.Name.Length >= ReplyWriter.ShortNameSize) attributes |= 1u << 26;
                reply.U32("attributes", attributes, hex: true);
                reply.U32("rate_limit", d.RateLimitMicroseconds & 0xF_FFFF);
                reply.U32("sustained_freq", d.SustainedFrequencyKhz);
                reply.U32("sustained_perf_level", d.SustainedLevel);
                reply.Name("name", d.Name, ReplyWriter.ShortNameSize);
                return ScmiStatus.Success;
            }
            case PerformanceMessage.PerformanceDescribeLevels:
                return DescribeLevels(ref parameters, ref reply);
            case PerformanceMessage.PerformanceLimitsSet:
                return LimitsSet(context, ref parameters);
            case PerformanceMessage.PerformanceLimitsGet:
            {
                if (ReadIndex(ref parameters, 4, "domain_id", _domains.Count, out int domain) is { } error) return error;
                reply.U32("range_max", _state[domain].LimitMax);
                reply.U32("range_min", _state[domain].LimitMin);
                return ScmiStatus.Success;
            }
            case PerformanceMessage.PerformanceLevelSet:
                return LevelSet(context, ref parameters);
            case PerformanceMessage.PerformanceLevelGet:
            {
                if (ReadIndex(ref parameters, 4, "domain_id", _domains.Count, out int domain) is { } error) return error;
                reply.U32("performance_level", _state[domain].Level);
                return ScmiStatus.Success;
            }
            case PerformanceMessage.PerformanceNotifyLimits:
            case PerformanceMessage.PerformanceNotifyLevel:
            {
                if (ReadIndex(ref parameters, 8, "domain_id", _domains.Count, out int domain) is { } error) return error;
                var notification = message == PerformanceMessage.PerformanceNotifyLimits
                    ? PerformanceNotification.PerformanceLimitsChanged
                    : PerformanceNotification.PerformanceLevelChanged;
                return ChangeSubscription(context, (byte)notification, (uint)domain, parameters.U32("notify_enable", hex: true));
            }
            case PerformanceMessage.PerformanceDomainNameGet:
                return ExtendedNameGet(ref parameters, ref reply, "domain_id", _domains, d => d.Name);
            default:
                return ScmiStatus.NotFound;
        }
    }

    private ScmiStatus DescribeLevels(ref ParameterReader parameters, ref ReplyWriter reply)
    {
        if (!parameters.IsExactly(8)) return ScmiStatus.ProtocolError;
        uint domainId = parameters.U32("domain_id");
        uint index = parameters.U32("level_index");
        if (!TryDomain(domainId, out int domain)) return ScmiStatus.NotFound;
        var levels = _domains[domain].Levels;
        if (index >= levels.Count) return ScmiStatus.InvalidParameters;
        int left = levels.Count - (int)index;
        int returned = Math.Min(left, Math.Min(reply.EntriesThatFit(4, LevelEntrySize), 0xFFF));
        if (returned == 0) { reply.MarkTooSmall(); return ScmiStatus.Success; }
        // DEN0056 §4.5.3.5: num_levels bits 11:0 returned, 31:16 remaining.
        reply.U32("num_levels", (uint)returned | (uint)(left - returned) << 16, hex: true);
        for (int i = 0; i < returned; i++)
        {
            var level = levels[(int)index + i];
            reply.U32("performance_level", level.Level);
            reply.U32("power_cost", level.PowerCost);
            reply.U32("attributes", level.LatencyMicroseconds);
        }
        return ScmiStatus.Success;
    }

    private ScmiStatus LimitsSet(CommandContext context, ref ParameterReader parameters)
    {
        if (!parameters.IsExactly(12)) return ScmiStatus.ProtocolError;
        uint domainId = parameters.U32("domain_id");
        uint rangeMax = parameters.U32("range_max");
        uint rangeMin = parameters.U32("range_min");
        if (!TryDomain(domainId, out int domain)) return ScmiStatus.NotFound;
        var d = _domains[domain];
        if (!d.SetLimitsAllowed) return ScmiStatus.Denied;
        if (rangeMin > rangeMax) return ScmiStatus.InvalidParameters;
        // DEN0056 §4.5.3.6: OUT_OF_RANGE when the limits lie outside what the domain supports.
        if (rangeMin < d.Levels[0].Level || rangeMax > d.Levels[^1].Level) return ScmiStatus.OutOfRange;
        if (!d.Levels.Any(l => l.Level >= rangeMin && l.Level <= rangeMax)) return ScmiStatus.OutOfRange;
        var s = _state[domain];
        bool limitsChanged = s.LimitMin != rangeMin || s.LimitMax != rangeMax;
        s.LimitMin = rangeMin;
        s.LimitMax = rangeMax;
        if (limitsChanged)
        {
            Notify(context, (byte)PerformanceNotification.PerformanceLimitsChanged, (uint)domain, m => m
                .U32("agent_id", context.AgentId).U32("domain_id", (uint)domain).U32("range_max", rangeMax).U32("range_min", rangeMin));
        }
        // The platform keeps the level inside the limits: move to the nearest operating point within them.
        if (s.Level > rangeMax) SetLevel(context, domain, d.Levels.Last(l => l.Level <= rangeMax).Level);
        else if (s.Level < rangeMin) SetLevel(context, domain, d.Levels.First(l => l.Level >= rangeMin).Level);
        return ScmiStatus.Success;
    }

    private ScmiStatus LevelSet(CommandContext context, ref ParameterReader parameters)
    {
        if (!parameters.IsExactly(8)) return ScmiStatus.ProtocolError;
        uint domainId = parameters.U32("domain_id");
        uint level = parameters.U32("performance_level");
        if (!TryDomain(domainId, out int domain)) return ScmiStatus.NotFound;
        var d = _domains[domain];
        if (!d.SetLevelAllowed) return ScmiStatus.Denied;
        var s = _state[domain];
        // DEN0056 §4.5.3.8: OUT_OF_RANGE when the level lies outside the current limits.
        if (level < s.LimitMin || level > s.LimitMax) return ScmiStatus.OutOfRange;
        if (!d.Levels.Any(l => l.Level == level)) return ScmiStatus.InvalidParameters;
        SetLevel(context, domain, level);
        return ScmiStatus.Success;
    }

    private void SetLevel(CommandContext context, int domain, uint level)
    {
        if (_state[domain].Level == level) return;
        _state[domain].Level = level;
        Notify(context, (byte)PerformanceNotification.PerformanceLevelChanged, (uint)domain, m => m
            .U32("agent_id", context.AgentId).U32("domain_id", (uint)domain).U32("performance_level", level));
    }

    /// <inheritdoc/>
    public override IEnumerable<PlatformMessage> CurrentStateNotifications()
    {
        for (int domain = 0; domain < _domains.Count; domain++)
        {
            if (Subscriptions.IsEnabled((byte)PerformanceNotification.PerformanceLevelChanged, (uint)domain))
            {
                yield return NotificationBuilder((byte)PerformanceNotification.PerformanceLevelChanged)
                    .U32("agent_id", PlatformServices.PlatformAgentId).U32("domain_id", (uint)domain).U32("performance_level", _state[domain].Level).Build();
            }
            if (Subscriptions.IsEnabled((byte)PerformanceNotification.PerformanceLimitsChanged, (uint)domain))
            {
                yield return NotificationBuilder((byte)PerformanceNotification.PerformanceLimitsChanged)
                    .U32("agent_id", PlatformServices.PlatformAgentId).U32("domain_id", (uint)domain)
                    .U32("range_max", _state[domain].LimitMax).U32("range_min", _state[domain].LimitMin).Build();
            }
        }
    }

    private bool TryDomain(uint id, out int domain) => TryIndex(id, _domains.Count, out domain);
}
