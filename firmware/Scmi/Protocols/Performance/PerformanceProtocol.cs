// The SCMI Performance domain management protocol client (SCMI DEN0056E §4.5): domains, levels, limits, events.
using System;

namespace Scmi.Protocols;

/// <summary>
/// Performance protocol 0x13, version 3.x, without fast channels (the platform offers none; every level
/// and limit goes through messages). Nothing allocates after construction.
/// </summary>
public sealed class PerformanceProtocol : ScmiProtocolClient
{
    /// <summary>The newest version this client speaks.</summary>
    public static readonly ScmiProtocolVersion HighestSupported = new ScmiProtocolVersion(3, 0);

    private const int DomainAttributesReplyBytes = 16 + ScmiNames.ShortNameBytes;
    private const int NameGetReplyBytes = 4 + ScmiNames.ExtendedNameBytes;

    /// <summary>A client of the performance protocol on <paramref name="agent"/>. Context: thread, before the heap is sealed.</summary>
    public PerformanceProtocol(ScmiAgent agent)
        : base(agent, ScmiProtocolId.Performance, HighestSupported)
    {
    }

    /// <summary>Number of performance domains (PROTOCOL_ATTRIBUTES bits 15:0).</summary>
    public int DomainCount { get; private set; }

    /// <summary>Bit 16: power costs are in milliwatts (otherwise abstract units).</summary>
    public bool PowerInMilliwatts { get; private set; }

    /// <inheritdoc />
    protected override ScmiResult OnAttributes(ReadOnlySpan<byte> attributes)
    {
        var reader = new ScmiPayloadReader(attributes);
        if (!reader.TryReadUInt32(out uint word))
            return ScmiResult.FromAgent(ScmiAgentError.ReplyTooShort);
        // SCMI DEN0056E §4.5.3.2: bits 15:0 domains, bit 16 power in mW; the statistics region follows (unused here).
        DomainCount = (int)(word & 0xFFFF);
        PowerInMilliwatts = (word & (1u << 16)) != 0;
        return default;
    }

    /// <summary>
    /// PERFORMANCE_DOMAIN_ATTRIBUTES of <paramref name="domainId"/>, and its name into <paramref name="name"/>
    /// (through PERFORMANCE_DOMAIN_NAME_GET when flagged). Context: thread.
    /// </summary>
    public ScmiResult GetDomainAttributes(uint domainId, out PerformanceDomainAttributes attributes, Span<byte> name, out int nameLength)
    {
        attributes = default;
        nameLength = 0;
        Span<byte> parameters = stackalloc byte[4];
        Write(parameters, domainId);
        Span<byte> reply = stackalloc byte[DomainAttributesReplyBytes];
        ScmiResult result = Invoke(PerformanceMessages.DomainAttributes, parameters, reply, out _, DomainAttributesReplyBytes);
        if (!result.IsSuccess)
            return result;
        var reader = new ScmiPayloadReader(reply);
        reader.TryReadUInt32(out uint word);
        reader.TryReadUInt32(out uint rateLimit);
        reader.TryReadUInt32(out attributes.SustainedFrequencyKhz);
        reader.TryReadUInt32(out attributes.SustainedLevel);
        reader.TryReadBytes(ScmiNames.ShortNameBytes, out ReadOnlySpan<byte> shortName);
        attributes.CanSetLimits = (word & (1u << 31)) != 0;
        attributes.CanSetLevel = (word & (1u << 30)) != 0;
        attributes.LimitsNotifySupported = (word & (1u << 29)) != 0;
        attributes.LevelNotifySupported = (word & (1u << 28)) != 0;
        attributes.FastChannelsSupported = (word & (1u << 27)) != 0;
        attributes.HasExtendedName = (word & (1u << 26)) != 0;
        // SCMI DEN0056E §4.5.3.4: rate_limit bits 19:0 are microseconds, the rest reserved.
        attributes.RateLimitMicroseconds = rateLimit & 0xF_FFFF;
        if (attributes.HasExtendedName)
            return GetExtendedName(domainId, name, out nameLength);
        return ScmiNames.Copy(shortName, name, out nameLength);
    }

    /// <summary>PERFORMANCE_DOMAIN_NAME_GET: the domain's full name (up to 63 bytes). Context: thread.</summary>
    public ScmiResult GetExtendedName(uint domainId, Span<byte> name, out int nameLength)
    {
        nameLength = 0;
        Span<byte> parameters = stackalloc byte[4];
        Write(parameters, domainId);
        Span<byte> reply = stackalloc byte[NameGetReplyBytes];
        ScmiResult result = Invoke(PerformanceMessages.DomainNameGet, parameters, reply, out _, NameGetReplyBytes);
        if (!result.IsSuccess)
            return result;
        // SCMI DEN0056E §4.5.3.12: flags (reserved), then the 64-byte NUL-terminated name.
        return ScmiNames.Copy(reply.Slice(4, ScmiNames.ExtendedNameBytes), name, out nameLength);
    }

    /// <summary>
    /// Starts walking the levels of <paramref name="domainId"/> with <paramref name="page"/> as the buffer of
    /// one PERFORMANCE_DESCRIBE_LEVELS reply (16 bytes hold one level). Context: thread.
    /// </summary>
    public ScmiResult DescribeLevels(uint domainId, Span<byte> page, out PerformanceLevelEnumerator levels)
    {
        levels = new PerformanceLevelEnumerator(this, domainId, page);
        if (page.Length < 4 + PerformanceLevel.Size)
            return ScmiResult.FromAgent(ScmiAgentError.InvalidArgument);
        return levels.Start();
    }

    /// <summary>One page of PERFORMANCE_DESCRIBE_LEVELS from <paramref name="index"/>. Context: thread.</summary>
    internal ScmiResult LevelPage(uint domainId, uint index, Span<byte> page, out int length)
    {
        Span<byte> parameters = stackalloc byte[8];
        Write(parameters, domainId, index);
        return Invoke(PerformanceMessages.DescribeLevels, parameters, page, out length, 4);
    }

    /// <summary>PERFORMANCE_LIMITS_SET: the range the level may move in. Context: thread.</summary>
    public ScmiResult SetLimits(uint domainId, PerformanceLimits limits)
    {
        // SCMI DEN0056E §4.5.3.6: domain_id, range_max, range_min.
        Span<byte> parameters = stackalloc byte[12];
        var writer = new ScmiPayloadWriter(parameters);
        writer.TryWriteUInt32(domainId);
        writer.TryWriteUInt32(limits.Max);
        writer.TryWriteUInt32(limits.Min);
        return Invoke(PerformanceMessages.LimitsSet, parameters, default, out _);
    }

    /// <summary>PERFORMANCE_LIMITS_GET. Context: thread.</summary>
    public ScmiResult GetLimits(uint domainId, out PerformanceLimits limits)
    {
        limits = default;
        Span<byte> parameters = stackalloc byte[4];
        Write(parameters, domainId);
        Span<byte> reply = stackalloc byte[8];
        ScmiResult result = Invoke(PerformanceMessages.LimitsGet, parameters, reply, out _, 8);
        if (result.IsSuccess)
        {
            // SCMI DEN0056E §4.5.3.7: range_max then range_min.
            var reader = new ScmiPayloadReader(reply);
            reader.TryReadUInt32(out limits.Max);
            reader.TryReadUInt32(out limits.Min);
            if (limits.Min > limits.Max)
                return ScmiResult.FromAgent(ScmiAgentError.ReplyInvalid);
        }
        return result;
    }

    /// <summary>PERFORMANCE_LEVEL_SET. Context: thread.</summary>
    public ScmiResult SetLevel(uint domainId, uint level)
    {
        Span<byte> parameters = stackalloc byte[8];
        Write(parameters, domainId, level);
        return Invoke(PerformanceMessages.LevelSet, parameters, default, out _);
    }

    /// <summary>PERFORMANCE_LEVEL_GET. Context: thread.</summary>
    public ScmiResult GetLevel(uint domainId, out uint level)
    {
        level = 0;
        Span<byte> parameters = stackalloc byte[4];
        Write(parameters, domainId);
        Span<byte> reply = stackalloc byte[4];
        ScmiResult result = Invoke(PerformanceMessages.LevelGet, parameters, reply, out _, 4);
        if (result.IsSuccess)
            new ScmiPayloadReader(reply).TryReadUInt32(out level);
        return result;
    }

    /// <summary>PERFORMANCE_NOTIFY_LIMITS: turns PERFORMANCE_LIMITS_CHANGED of one domain on or off. Context: thread.</summary>
    public ScmiResult NotifyLimits(uint domainId, bool enable) => SendNotify(PerformanceMessages.NotifyLimits, domainId, enable);

    /// <summary>PERFORMANCE_NOTIFY_LEVEL: turns PERFORMANCE_LEVEL_CHANGED of one domain on or off. Context: thread.</summary>
    public ScmiResult NotifyLevel(uint domainId, bool enable) => SendNotify(PerformanceMessages.NotifyLevel, domainId, enable);

    private ScmiResult SendNotify(byte messageId, uint domainId, bool enable)
    {
        // SCMI DEN0056E §4.5.3.10, §4.5.3.11: domain_id then notify_enable (bit 0).
        Span<byte> parameters = stackalloc byte[8];
        Write(parameters, domainId, enable ? 1u : 0u);
        return Invoke(messageId, parameters, default, out _);
    }

    private static void Write(Span<byte> parameters, uint first)
    {
        var writer = new ScmiPayloadWriter(parameters);
        writer.TryWriteUInt32(first);
    }

    private static void Write(Span<byte> parameters, uint first, uint second)
    {
        var writer = new ScmiPayloadWriter(parameters);
        writer.TryWriteUInt32(first);
        writer.TryWriteUInt32(second);
    }
}
