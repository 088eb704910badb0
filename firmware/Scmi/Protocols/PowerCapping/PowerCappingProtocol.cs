// Client of the SCMI Power capping and monitoring protocol (SCMI DEN0056E §4.10): attributes, names, cap and PAI, measurements, notifications.
using System;
using System.Buffers.Binary;

namespace Scmi.Protocols;

/// <summary>Power capping domains as an agent sees them; one method per command.</summary>
public sealed class PowerCappingProtocol : ScmiProtocolClient
{
    /// <summary>The version this client implements (1.0).</summary>
    public static readonly ScmiProtocolVersion Implemented = new ScmiProtocolVersion(1, 0);

    // SCMI (DEN0056E) §4.10.2.6 POWERCAP_CAP_SET flags: bit 1 asynchronous, bit 0 ignore the delayed response.
    private const uint AsyncFlag = 1u << 1;
    private const uint IgnoreDelayedResponseFlag = 1u << 0;
    private const int AttributesReplyBytes = 4 + ScmiNames.ShortNameBytes + 9 * 4;

    /// <summary>Builds the client. Context: thread, before the heap is sealed.</summary>
    public PowerCappingProtocol(ScmiAgent agent) : base(agent, ScmiProtocolId.PowerCapping, Implemented)
    {
    }

    /// <summary>Number of power capping domains (PROTOCOL_ATTRIBUTES bits 15:0).</summary>
    public int DomainCount { get; private set; }

    /// <inheritdoc />
    protected override ScmiResult OnAttributes(ReadOnlySpan<byte> attributes)
    {
        // SCMI (DEN0056E) §4.10.2.2: bits 15:0 number of power capping domains.
        DomainCount = (int)(BinaryPrimitives.ReadUInt32LittleEndian(attributes) & 0xFFFF);
        return default;
    }

    /// <summary>POWERCAP_DOMAIN_ATTRIBUTES: everything about a domain, its 16-byte name into <paramref name="name"/>. Context: thread.</summary>
    public ScmiResult GetAttributes(uint domain, out PowerCapDomainAttributes attributes, Span<byte> name, out int nameLength)
    {
        attributes = default;
        nameLength = 0;
        Span<byte> parameters = stackalloc byte[4];
        Span<byte> reply = stackalloc byte[AttributesReplyBytes];
        ScmiResult result = Invoke(PowerCappingMessages.DomainAttributes, ScmiNames.Word(parameters, domain), reply, out _, reply.Length);
        if (!result.IsSuccess)
            return result;
        var reader = new ScmiPayloadReader(reply);
        reader.TryReadUInt32(out attributes.Raw);
        reader.TryReadBytes(ScmiNames.ShortNameBytes, out ReadOnlySpan<byte> field);
        reader.TryReadUInt32(out attributes.MinimumPai);
        reader.TryReadUInt32(out attributes.MaximumPai);
        reader.TryReadUInt32(out attributes.PaiStep);
        reader.TryReadUInt32(out attributes.MinimumCap);
        reader.TryReadUInt32(out attributes.MaximumCap);
        reader.TryReadUInt32(out attributes.CapStep);
        reader.TryReadUInt32(out attributes.SustainablePower);
        reader.TryReadUInt32(out attributes.Accuracy);
        reader.TryReadUInt32(out attributes.ParentId);
        // SCMI (DEN0056E) §4.10.2.4: a minimum above its maximum describes no domain; the values are not believed.
        if (attributes.MinimumCap > attributes.MaximumCap || attributes.MinimumPai > attributes.MaximumPai)
            return ScmiResult.FromAgent(ScmiAgentError.ReplyInvalid);
        return ScmiNames.Copy(field, name, out nameLength);
    }

    /// <summary>POWERCAP_DOMAIN_NAME_GET: the extended name (NOT_SUPPORTED when the short one is whole). Context: thread.</summary>
    public ScmiResult GetExtendedName(uint domain, Span<byte> name, out int length) =>
        InvokeDomainName(PowerCappingMessages.DomainNameGet, domain, name, out length);

    /// <summary>The domain's full name: the short one, or the extended one when the attributes say so. Context: thread.</summary>
    public ScmiResult GetName(uint domain, Span<byte> name, out int length)
    {
        ScmiResult result = GetAttributes(domain, out PowerCapDomainAttributes attributes, name, out length);
        if (result.IsSuccess && attributes.ExtendedName)
            result = GetExtendedName(domain, name, out length);
        return result;
    }

    /// <summary>POWERCAP_CAP_GET: the cap in force. Context: thread.</summary>
    public ScmiResult GetCap(uint domain, out uint cap) => ReadWord(PowerCappingMessages.CapGet, domain, out cap);

    /// <summary>POWERCAP_CAP_SET, synchronous: the cap is in force when it returns. Context: thread.</summary>
    public ScmiResult SetCap(uint domain, uint cap, ScmiCompletion completion = ScmiCompletion.Default)
    {
        Span<byte> parameters = stackalloc byte[12];
        return Invoke(PowerCappingMessages.CapSet, ScmiNames.Words(parameters, domain, 0, cap), default, out _, 0, completion);
    }

    /// <summary>
    /// POWERCAP_CAP_SET, asynchronous: waits for POWERCAP_CAP_SET_COMPLETE, which must name
    /// <paramref name="domain"/>; the cap it reports is <paramref name="applied"/>. Context: thread.
    /// </summary>
    public ScmiResult SetCapAsync(uint domain, uint cap, out uint applied, ScmiCompletion completion = ScmiCompletion.Default)
    {
        applied = 0;
        Span<byte> parameters = stackalloc byte[12];
        Span<byte> delayed = stackalloc byte[8];
        ScmiResult result = Agent.InvokeWithDelayedResponse(Protocol, PowerCappingMessages.CapSet,
            ScmiNames.Words(parameters, domain, AsyncFlag, cap), default, out _, delayed, out _, 8, completion);
        if (!result.IsSuccess)
            return result;
        // SCMI (DEN0056E) §4.10.2.6 POWERCAP_CAP_SET_COMPLETE: domain_id, then the cap applied.
        if (BinaryPrimitives.ReadUInt32LittleEndian(delayed) != domain)
            return ScmiResult.FromAgent(ScmiAgentError.ReplyInvalid);
        applied = BinaryPrimitives.ReadUInt32LittleEndian(delayed.Slice(4));
        return default;
    }

    /// <summary>
    /// POWERCAP_CAP_SET, asynchronous with "ignore delayed response": returns once the platform accepted the
    /// cap; no delayed response follows (POWERCAP_CAP_CHANGED tells an agent that enabled it). Context: thread.
    /// </summary>
    public ScmiResult SetCapWithoutCompletion(uint domain, uint cap)
    {
        Span<byte> parameters = stackalloc byte[12];
        return Invoke(PowerCappingMessages.CapSet, ScmiNames.Words(parameters, domain, AsyncFlag | IgnoreDelayedResponseFlag, cap), default, out _);
    }

    /// <summary>POWERCAP_PAI_GET: the power averaging interval in force (µs). Context: thread.</summary>
    public ScmiResult GetPai(uint domain, out uint pai) => ReadWord(PowerCappingMessages.PaiGet, domain, out pai);

    /// <summary>POWERCAP_PAI_SET: a new power averaging interval (µs). Context: thread.</summary>
    public ScmiResult SetPai(uint domain, uint pai)
    {
        Span<byte> parameters = stackalloc byte[12];
        return Invoke(PowerCappingMessages.PaiSet, ScmiNames.Words(parameters, domain, 0, pai), default, out _);
    }

    /// <summary>POWERCAP_MEASUREMENTS_GET: the power measured and the interval it was averaged over. Context: thread.</summary>
    public ScmiResult GetMeasurements(uint domain, out uint power, out uint pai)
    {
        power = 0;
        pai = 0;
        Span<byte> parameters = stackalloc byte[4];
        Span<byte> reply = stackalloc byte[8];
        ScmiResult result = Invoke(PowerCappingMessages.MeasurementsGet, ScmiNames.Word(parameters, domain), reply, out _, 8);
        if (!result.IsSuccess)
            return result;
        power = BinaryPrimitives.ReadUInt32LittleEndian(reply);
        pai = BinaryPrimitives.ReadUInt32LittleEndian(reply.Slice(4));
        return default;
    }

    /// <summary>POWERCAP_CAP_NOTIFY: POWERCAP_CAP_CHANGED on or off (decode with <see cref="PowerCapChangedEvent"/>). Context: thread.</summary>
    public ScmiResult NotifyCapChanged(uint domain, bool enable)
    {
        Span<byte> parameters = stackalloc byte[8];
        return Invoke(PowerCappingMessages.CapNotify, ScmiNames.Words(parameters, domain, enable ? 1u : 0u), default, out _);
    }

    /// <summary>
    /// POWERCAP_MEASUREMENTS_NOTIFY: POWERCAP_MEASUREMENTS_CHANGED on or off, sent when the power leaves
    /// [<paramref name="low"/>, <paramref name="high"/>] (decode with <see cref="PowerCapMeasurementsChangedEvent"/>). Context: thread.
    /// </summary>
    public ScmiResult NotifyMeasurements(uint domain, bool enable, uint low, uint high)
    {
        Span<byte> parameters = stackalloc byte[16];
        ScmiNames.Words(parameters, domain, enable ? 1u : 0u, low);
        BinaryPrimitives.WriteUInt32LittleEndian(parameters.Slice(12), high);
        return Invoke(PowerCappingMessages.MeasurementsNotify, parameters, default, out _);
    }

    private ScmiResult ReadWord(byte messageId, uint domain, out uint value)
    {
        value = 0;
        Span<byte> parameters = stackalloc byte[4];
        Span<byte> reply = stackalloc byte[4];
        ScmiResult result = Invoke(messageId, ScmiNames.Word(parameters, domain), reply, out _, 4);
        if (result.IsSuccess)
            value = BinaryPrimitives.ReadUInt32LittleEndian(reply);
        return result;
    }
}
