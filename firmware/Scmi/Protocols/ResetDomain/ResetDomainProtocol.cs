// Client of the SCMI Reset domain management protocol (SCMI DEN0056E §4.8): attributes, names, resets, assert/deassert, notifications.
using System;
using System.Buffers.Binary;

namespace Scmi.Protocols;

/// <summary>Reset domains as an agent sees them; one method per kind of RESET request.</summary>
public sealed class ResetDomainProtocol : ScmiProtocolClient
{
    /// <summary>The version this client implements (3.0).</summary>
    public static readonly ScmiProtocolVersion Implemented = new ScmiProtocolVersion(3, 0);

    /// <summary>SCMI (DEN0056E) §4.8.2.5: reset_state 0, the architectural cold reset (context lost).</summary>
    public const uint ColdReset = 0;

    // SCMI (DEN0056E) §4.8.2.5 RESET flags: bit 0 autonomous reset, bit 1 explicit assert, bit 2 asynchronous.
    private const uint AutonomousFlag = 1u << 0;
    private const uint ExplicitAssertFlag = 1u << 1;
    private const uint AsyncFlag = 1u << 2;

    /// <summary>Builds the client. Context: thread, before the heap is sealed.</summary>
    public ResetDomainProtocol(ScmiAgent agent) : base(agent, ScmiProtocolId.ResetDomain, Implemented)
    {
    }

    /// <summary>Number of reset domains (PROTOCOL_ATTRIBUTES bits 15:0).</summary>
    public int DomainCount { get; private set; }

    /// <inheritdoc />
    protected override ScmiResult OnAttributes(ReadOnlySpan<byte> attributes)
    {
        // SCMI (DEN0056E) §4.8.2.2: bits 15:0 number of reset domains.
        DomainCount = (int)(BinaryPrimitives.ReadUInt32LittleEndian(attributes) & 0xFFFF);
        return default;
    }

    /// <summary>RESET_DOMAIN_ATTRIBUTES: flags, latency and the 16-byte name into <paramref name="name"/>. Context: thread.</summary>
    public ScmiResult GetAttributes(uint domain, out ResetDomainAttributes attributes, Span<byte> name, out int nameLength)
    {
        Span<byte> words = stackalloc byte[8];
        ScmiResult result = InvokeDomainAttributes(ResetDomainMessages.DomainAttributes, domain, words, name, out nameLength);
        attributes = new ResetDomainAttributes(BinaryPrimitives.ReadUInt32LittleEndian(words), BinaryPrimitives.ReadUInt32LittleEndian(words.Slice(4)));
        return result;
    }

    /// <summary>RESET_DOMAIN_NAME_GET: the extended name (NOT_SUPPORTED when the short one is whole). Context: thread.</summary>
    public ScmiResult GetExtendedName(uint domain, Span<byte> name, out int length) =>
        InvokeDomainName(ResetDomainMessages.DomainNameGet, domain, name, out length);

    /// <summary>The domain's full name: the short one, or the extended one when the attributes say so. Context: thread.</summary>
    public ScmiResult GetName(uint domain, Span<byte> name, out int length)
    {
        ScmiResult result = GetAttributes(domain, out ResetDomainAttributes attributes, name, out length);
        if (result.IsSuccess && attributes.ExtendedName)
            result = GetExtendedName(domain, name, out length);
        return result;
    }

    /// <summary>RESET, autonomous and synchronous: returns when the domain has been reset and released. Context: thread.</summary>
    public ScmiResult Reset(uint domain, uint resetState = ColdReset, ScmiCompletion completion = ScmiCompletion.Default)
    {
        Span<byte> parameters = stackalloc byte[12];
        return Invoke(ResetDomainMessages.Reset, ScmiNames.Words(parameters, domain, AutonomousFlag, resetState), default, out _, 0, completion);
    }

    /// <summary>
    /// RESET, autonomous and asynchronous: waits for the delayed response RESET_COMPLETE, which must name
    /// <paramref name="domain"/> (anything else is <see cref="ScmiAgentError.ReplyInvalid"/>). Context: thread.
    /// </summary>
    public ScmiResult ResetAsync(uint domain, uint resetState = ColdReset, ScmiCompletion completion = ScmiCompletion.Default)
    {
        Span<byte> parameters = stackalloc byte[12];
        Span<byte> delayed = stackalloc byte[4];
        ScmiResult result = Agent.InvokeWithDelayedResponse(Protocol, ResetDomainMessages.Reset,
            ScmiNames.Words(parameters, domain, AutonomousFlag | AsyncFlag, resetState), default, out _, delayed, out _, 4, completion);
        if (!result.IsSuccess)
            return result;
        // SCMI (DEN0056E) §4.8.2.6 RESET_COMPLETE: its payload is the domain id of the request.
        return BinaryPrimitives.ReadUInt32LittleEndian(delayed) == domain ? default : ScmiResult.FromAgent(ScmiAgentError.ReplyInvalid);
    }

    /// <summary>RESET with explicit assert: the domain is held in reset until <see cref="Deassert"/>. Context: thread.</summary>
    public ScmiResult Assert(uint domain, uint resetState = ColdReset)
    {
        Span<byte> parameters = stackalloc byte[12];
        return Invoke(ResetDomainMessages.Reset, ScmiNames.Words(parameters, domain, ExplicitAssertFlag, resetState), default, out _);
    }

    /// <summary>RESET with explicit deassert (flags 0): releases the domain from reset. Context: thread.</summary>
    public ScmiResult Deassert(uint domain, uint resetState = ColdReset)
    {
        Span<byte> parameters = stackalloc byte[12];
        return Invoke(ResetDomainMessages.Reset, ScmiNames.Words(parameters, domain, 0, resetState), default, out _);
    }

    /// <summary>RESET_NOTIFY: RESET_ISSUED of <paramref name="domain"/> on or off (decode with <see cref="ResetIssuedEvent"/>). Context: thread.</summary>
    public ScmiResult Notify(uint domain, bool enable)
    {
        Span<byte> parameters = stackalloc byte[8];
        return Invoke(ResetDomainMessages.ResetNotify, ScmiNames.Words(parameters, domain, enable ? 1u : 0u), default, out _);
    }
}
