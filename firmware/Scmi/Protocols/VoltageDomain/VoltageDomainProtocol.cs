// Client of the SCMI Voltage domain management protocol (SCMI DEN0056E §4.9): attributes, names, levels, level and config get/set.
using System;
using System.Buffers.Binary;

namespace Scmi.Protocols;

/// <summary>Voltage domains as an agent sees them; levels are signed microvolts.</summary>
public sealed class VoltageDomainProtocol : ScmiProtocolClient
{
    /// <summary>The version this client implements (2.0).</summary>
    public static readonly ScmiProtocolVersion Implemented = new ScmiProtocolVersion(2, 0);

    /// <summary>SCMI (DEN0056E) §4.9.2.6: architectural config "off" (bit 3 clear, mode 0).</summary>
    public const uint ConfigOff = 0x0;
    /// <summary>SCMI (DEN0056E) §4.9.2.6: architectural config "on" (bit 3 clear, mode 7).</summary>
    public const uint ConfigOn = 0x7;

    private const uint AsyncFlag = 1;

    /// <summary>Builds the client. Context: thread, before the heap is sealed.</summary>
    public VoltageDomainProtocol(ScmiAgent agent) : base(agent, ScmiProtocolId.VoltageDomain, Implemented)
    {
    }

    /// <summary>Number of voltage domains (PROTOCOL_ATTRIBUTES bits 15:0).</summary>
    public int DomainCount { get; private set; }

    /// <inheritdoc />
    protected override ScmiResult OnAttributes(ReadOnlySpan<byte> attributes)
    {
        // SCMI (DEN0056E) §4.9.2.2: bits 15:0 number of voltage domains.
        DomainCount = (int)(BinaryPrimitives.ReadUInt32LittleEndian(attributes) & 0xFFFF);
        return default;
    }

    /// <summary>VOLTAGE_DOMAIN_ATTRIBUTES: flags and the 16-byte name into <paramref name="name"/>. Context: thread.</summary>
    public ScmiResult GetAttributes(uint domain, out VoltageDomainAttributes attributes, Span<byte> name, out int nameLength)
    {
        Span<byte> words = stackalloc byte[4];
        ScmiResult result = InvokeDomainAttributes(VoltageDomainMessages.DomainAttributes, domain, words, name, out nameLength);
        attributes = new VoltageDomainAttributes(BinaryPrimitives.ReadUInt32LittleEndian(words));
        return result;
    }

    /// <summary>VOLTAGE_DOMAIN_NAME_GET: the extended name (NOT_SUPPORTED when the short one is whole). Context: thread.</summary>
    public ScmiResult GetExtendedName(uint domain, Span<byte> name, out int length) =>
        InvokeDomainName(VoltageDomainMessages.DomainNameGet, domain, name, out length);

    /// <summary>The domain's full name: the short one, or the extended one when the attributes say so. Context: thread.</summary>
    public ScmiResult GetName(uint domain, Span<byte> name, out int length)
    {
        ScmiResult result = GetAttributes(domain, out VoltageDomainAttributes attributes, name, out length);
        if (result.IsSuccess && attributes.ExtendedName)
            result = GetExtendedName(domain, name, out length);
        return result;
    }

    /// <summary>
    /// VOLTAGE_DESCRIBE_LEVELS, page by page: the enumerator keeps one page in <paramref name="page"/>
    /// (at least 16 bytes; its size sets how many levels a page carries). Context: thread.
    /// </summary>
    public VoltageLevelList DescribeLevels(uint domain, Span<byte> page) => new VoltageLevelList(this, domain, page);

    /// <summary>One page of VOLTAGE_DESCRIBE_LEVELS from <paramref name="levelIndex"/> into <paramref name="page"/>.</summary>
    internal ScmiResult FetchLevelPage(uint domain, uint levelIndex, Span<byte> page, out int length)
    {
        Span<byte> parameters = stackalloc byte[8];
        return Invoke(VoltageDomainMessages.DescribeLevels, ScmiNames.Words(parameters, domain, levelIndex), page, out length, 4);
    }

    /// <summary>VOLTAGE_LEVEL_SET, synchronous: the domain is at <paramref name="microvolts"/> when it returns. Context: thread.</summary>
    public ScmiResult SetLevel(uint domain, int microvolts, ScmiCompletion completion = ScmiCompletion.Default)
    {
        Span<byte> parameters = stackalloc byte[12];
        return Invoke(VoltageDomainMessages.LevelSet, ScmiNames.Words(parameters, domain, 0, (uint)microvolts), default, out _, 0, completion);
    }

    /// <summary>
    /// VOLTAGE_LEVEL_SET, asynchronous: waits for VOLTAGE_LEVEL_SET_COMPLETE, which must name
    /// <paramref name="domain"/>; the level it reports is <paramref name="reached"/>. Context: thread.
    /// </summary>
    public ScmiResult SetLevelAsync(uint domain, int microvolts, out int reached, ScmiCompletion completion = ScmiCompletion.Default)
    {
        reached = 0;
        Span<byte> parameters = stackalloc byte[12];
        Span<byte> delayed = stackalloc byte[8];
        ScmiResult result = Agent.InvokeWithDelayedResponse(Protocol, VoltageDomainMessages.LevelSet,
            ScmiNames.Words(parameters, domain, AsyncFlag, (uint)microvolts), default, out _, delayed, out _, 8, completion);
        if (!result.IsSuccess)
            return result;
        // SCMI (DEN0056E) §4.9.2.8 VOLTAGE_LEVEL_SET_COMPLETE: domain_id, then the level reached.
        if (BinaryPrimitives.ReadUInt32LittleEndian(delayed) != domain)
            return ScmiResult.FromAgent(ScmiAgentError.ReplyInvalid);
        reached = BinaryPrimitives.ReadInt32LittleEndian(delayed.Slice(4));
        return default;
    }

    /// <summary>VOLTAGE_LEVEL_GET: the domain's current level in microvolts. Context: thread.</summary>
    public ScmiResult GetLevel(uint domain, out int microvolts)
    {
        microvolts = 0;
        Span<byte> parameters = stackalloc byte[4];
        Span<byte> reply = stackalloc byte[4];
        ScmiResult result = Invoke(VoltageDomainMessages.LevelGet, ScmiNames.Word(parameters, domain), reply, out _, 4);
        if (result.IsSuccess)
            microvolts = BinaryPrimitives.ReadInt32LittleEndian(reply);
        return result;
    }

    /// <summary>VOLTAGE_CONFIG_SET: <see cref="ConfigOn"/>, <see cref="ConfigOff"/> or an implementation-defined mode. Context: thread.</summary>
    public ScmiResult SetConfig(uint domain, uint config)
    {
        Span<byte> parameters = stackalloc byte[8];
        return Invoke(VoltageDomainMessages.ConfigSet, ScmiNames.Words(parameters, domain, config), default, out _);
    }

    /// <summary>VOLTAGE_CONFIG_GET: the domain's configuration word. Context: thread.</summary>
    public ScmiResult GetConfig(uint domain, out uint config)
    {
        config = 0;
        Span<byte> parameters = stackalloc byte[4];
        Span<byte> reply = stackalloc byte[4];
        ScmiResult result = Invoke(VoltageDomainMessages.ConfigGet, ScmiNames.Word(parameters, domain), reply, out _, 4);
        if (result.IsSuccess)
            config = BinaryPrimitives.ReadUInt32LittleEndian(reply);
        return result;
    }
}
