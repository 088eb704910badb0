// SCMI Voltage domain management protocol 0x17 (Arm DEN0056 v3.2 §4.9).
using ScmiPlatform.Description;
using ScmiPlatform.Scmi;

namespace ScmiPlatform.Protocols;

/// <summary>Voltage domain message ids (DEN0056 §4.9.2).</summary>
public enum VoltageDomainMessage : byte
{
    ProtocolVersion = 0x0,
    ProtocolAttributes = 0x1,
    ProtocolMessageAttributes = 0x2,
    VoltageDomainAttributes = 0x3,
    VoltageDescribeLevels = 0x4,
    VoltageConfigSet = 0x5,
    VoltageConfigGet = 0x6,
    VoltageLevelSet = 0x7,
    VoltageLevelGet = 0x8,
    VoltageDomainNameGet = 0x9,
}

/// <summary>The voltage protocol has no notifications.</summary>
public enum VoltageDomainNotification : byte
{
}

/// <summary>Voltage domains with discrete or linear levels, on/off configuration and the current level.</summary>
public sealed class VoltageDomainProtocol : ScmiProtocol<VoltageDomainMessage, VoltageDomainNotification>
{
    /// <summary>DEN0056 §4.9.2.1: voltage protocol version 2.0.</summary>
    public const uint ProtocolVersion = 0x2_0000;
    /// <summary>VOLTAGE_DESCRIBE_LEVELS flags bit 12: levels are a (min, max, step) triplet.</summary>
    public const uint LinearFormatBit = 1u << 12;
    /// <summary>DEN0056 §4.9.2.6: architectural config values (bit 3 clear): 0 off, 7 on.</summary>
    public const uint ConfigOff = 0x0, ConfigOn = 0x7;
    /// <summary>VOLTAGE_LEVEL_SET flags bit 0: asynchronous.</summary>
    public const uint AsyncFlag = 1u << 0;

    private readonly IReadOnlyList<VoltageDomainDescription> _domains;
    private readonly int[] _levels;
    private readonly uint[] _configs;

    /// <summary>Creates the protocol with every domain at its initial level and configuration.</summary>
    public VoltageDomainProtocol(PlatformServices services, IReadOnlyList<VoltageDomainDescription> domains) : base(services)
    {
        _domains = domains;
        _levels = domains.Select(d => d.InitialLevel ?? (d.Levels is not null ? d.Levels[0] : d.Range!.Minimum)).ToArray();
        _configs = domains.Select(d => d.InitiallyOn ? ConfigOn : ConfigOff).ToArray();
    }

    /// <inheritdoc/>
    public override ScmiProtocolId Id => ScmiProtocolId.VoltageDomain;

    /// <inheritdoc/>
    public override uint Version => ProtocolVersion;

    /// <summary>Current level of a domain in microvolts.</summary>
    public int LevelOf(int domain) => _levels[domain];

    /// <inheritdoc/>
    protected override void WriteProtocolAttributes(CommandContext context, ref ReplyWriter reply)
    {
        // DEN0056 §4.9.2.2: bits 15:0 number of voltage domains.
        reply.U32("attributes", (uint)_domains.Count, hex: true);
    }

    /// <inheritdoc/>
    protected override ScmiStatus HandleMessage(CommandContext context, ref ParameterReader parameters, ref ReplyWriter reply)
    {
        switch (MessageOf(context))
        {
            case VoltageDomainMessage.VoltageDomainAttributes:
            {
                if (ReadIndex(ref parameters, 4, "domain_id", _domains.Count, out int domain) is { } error) return error;
                var d = _domains[domain];
                // DEN0056 §4.9.2.4: bit 31 async level set supported, bit 30 extended name.
                uint attributes = (d.AsyncSupported && context.EventsAvailable ? 1u << 31 : 0) | (d.Name.Length >= ReplyWriter.ShortNameSize ? 1u << 30 : 0);
                reply.U32("attributes", attributes, hex: true);
                reply.Name("name", d.Name, ReplyWriter.ShortNameSize);
                return ScmiStatus.Success;
            }
            case VoltageDomainMessage.VoltageDescribeLevels:
                return DescribeLevels(ref parameters, ref reply);
            case VoltageDomainMessage.VoltageConfigSet:
            {
                if (!parameters.IsExactly(8)) return ScmiStatus.ProtocolError;
                uint domainId = parameters.U32("domain_id");
                uint config = parameters.U32("config", hex: true);
                if (!TryDomain(domainId, out int domain)) return ScmiStatus.NotFound;
                // DEN0056 §4.9.2.6: bits 31:4 reserved; architectural modes other than off (0) and on (7) are reserved;
                // implementation-defined modes (bit 3 set) are not offered by this platform.
                if (config != ConfigOff && config != ConfigOn) return ScmiStatus.InvalidParameters;
                if (_domains[domain].Locked) return ScmiStatus.Denied;
                _configs[domain] = config;
                return ScmiStatus.Success;
            }
            case VoltageDomainMessage.VoltageConfigGet:
            {
                if (ReadIndex(ref parameters, 4, "domain_id", _domains.Count, out int domain) is { } error) return error;
                reply.U32("config", _configs[domain], hex: true);
                return ScmiStatus.Success;
            }
            case VoltageDomainMessage.VoltageLevelSet:
                return LevelSet(context, ref parameters);
            case VoltageDomainMessage.VoltageLevelGet:
            {
                if (ReadIndex(ref parameters, 4, "domain_id", _domains.Count, out int domain) is { } error) return error;
                reply.I32("voltage_level", _levels[domain]);
                return ScmiStatus.Success;
            }
            case VoltageDomainMessage.VoltageDomainNameGet:
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
        var d = _domains[domain];
        if (d.Range is { } range)
        {
            // DEN0056 §4.9.2.5: a linear range comes whole as one triplet (lowest, highest, step).
            reply.U32("flags", 3 | LinearFormatBit, hex: true);
            reply.I32("lowest", range.Minimum);
            reply.I32("highest", range.Maximum);
            reply.I32("step", range.Step);
            return ScmiStatus.Success;
        }
        var list = d.Levels!;
        if (index >= list.Count) return ScmiStatus.InvalidParameters;
        int left = list.Count - (int)index;
        int returned = Math.Min(left, Math.Min(reply.EntriesThatFit(4, 4), 0xFFF));
        if (returned == 0) { reply.MarkTooSmall(); return ScmiStatus.Success; }
        // flags: bits 11:0 returned, bit 12 clear (discrete), bits 31:16 remaining.
        reply.U32("flags", (uint)returned | (uint)(left - returned) << 16, hex: true);
        for (int i = 0; i < returned; i++) reply.I32("voltage", list[(int)index + i]);
        return ScmiStatus.Success;
    }

    private ScmiStatus LevelSet(CommandContext context, ref ParameterReader parameters)
    {
        if (!parameters.IsExactly(12)) return ScmiStatus.ProtocolError;
        uint domainId = parameters.U32("domain_id");
        uint flags = parameters.U32("flags", hex: true);
        int level = parameters.I32("voltage_level");
        if (!TryDomain(domainId, out int domain)) return ScmiStatus.NotFound;
        if ((flags & ~AsyncFlag) != 0) return ScmiStatus.InvalidParameters;
        var d = _domains[domain];
        if (d.Locked) return ScmiStatus.Denied;
        bool async = (flags & AsyncFlag) != 0;
        // virtio 1.3 §5.17.6.1: a delayed response needs P2A_CHANNELS.
        if (async && !d.AsyncSupported) return ScmiStatus.NotSupported;
        if (async && !context.MayQueueDelayedResponse(out ScmiStatus refusal)) return refusal;
        bool offered = d.Levels is not null
            ? d.Levels.Contains(level)
            : level >= d.Range!.Minimum && level <= d.Range.Maximum && ((long)level - d.Range.Minimum) % d.Range.Step == 0;
        // DEN0056 §4.9.2.8: OUT_OF_RANGE for a level the domain does not offer.
        if (!offered) return ScmiStatus.OutOfRange;
        _levels[domain] = level;
        // DEN0056 §4.9.2.8: VOLTAGE_LEVEL_SET_COMPLETE carries the domain id and the level reached.
        if (async) context.SendAfterReply(context.DelayedResponse("VOLTAGE_LEVEL_SET_COMPLETE").U32("domain_id", (uint)domain).I32("voltage_level", level).Build());
        return ScmiStatus.Success;
    }

    private bool TryDomain(uint id, out int domain) => TryIndex(id, _domains.Count, out domain);
}
