// Client of the SCMI Power domain management protocol (SCMI DEN0056E §4.3): attributes, names, state get/set, notifications.
using System;
using System.Buffers.Binary;

namespace Scmi.Protocols;

/// <summary>Power domains as an agent sees them; one method per command, results into caller-provided values.</summary>
public sealed class PowerDomainProtocol : ScmiProtocolClient
{
    /// <summary>The version this client implements (3.0).</summary>
    public static readonly ScmiProtocolVersion Implemented = new ScmiProtocolVersion(3, 0);

    /// <summary>SCMI (DEN0056E) §4.3.2.7: power_state "ON" (context preserved, type 0, id 0).</summary>
    public const uint StateOn = 0x0000_0000;
    /// <summary>SCMI (DEN0056E) §4.3.2.7: power_state "OFF" (bit 30: context lost).</summary>
    public const uint StateOff = 0x4000_0000;

    private const uint AsyncFlag = 1;

    /// <summary>Builds the client. Context: thread, before the heap is sealed.</summary>
    public PowerDomainProtocol(ScmiAgent agent) : base(agent, ScmiProtocolId.PowerDomain, Implemented)
    {
    }

    /// <summary>Number of power domains (PROTOCOL_ATTRIBUTES bits 15:0).</summary>
    public int DomainCount { get; private set; }

    /// <inheritdoc />
    protected override ScmiResult OnAttributes(ReadOnlySpan<byte> attributes)
    {
        // SCMI (DEN0056E) §4.3.2.2: bits 15:0 number of domains; the statistics region that follows is not used.
        DomainCount = (int)(BinaryPrimitives.ReadUInt32LittleEndian(attributes) & 0xFFFF);
        return default;
    }

    /// <summary>POWER_DOMAIN_ATTRIBUTES: the domain's flags and its 16-byte name into <paramref name="name"/>. Context: thread.</summary>
    public ScmiResult GetAttributes(uint domain, out PowerDomainAttributes attributes, Span<byte> name, out int nameLength)
    {
        Span<byte> words = stackalloc byte[4];
        ScmiResult result = InvokeDomainAttributes(PowerDomainMessages.DomainAttributes, domain, words, name, out nameLength);
        attributes = new PowerDomainAttributes(BinaryPrimitives.ReadUInt32LittleEndian(words));
        return result;
    }

    /// <summary>POWER_DOMAIN_NAME_GET: the extended name (NOT_SUPPORTED when the short one is whole). Context: thread.</summary>
    public ScmiResult GetExtendedName(uint domain, Span<byte> name, out int length) =>
        InvokeDomainName(PowerDomainMessages.DomainNameGet, domain, name, out length);

    /// <summary>The domain's full name: the attributes' short name, or the extended one when the attributes say so. Context: thread.</summary>
    public ScmiResult GetName(uint domain, Span<byte> name, out int length)
    {
        ScmiResult result = GetAttributes(domain, out PowerDomainAttributes attributes, name, out length);
        if (result.IsSuccess && attributes.ExtendedName)
            result = GetExtendedName(domain, name, out length);
        return result;
    }

    /// <summary>POWER_STATE_SET, synchronous: returns once the domain is in <paramref name="state"/>. Context: thread.</summary>
    public ScmiResult SetState(uint domain, uint state, ScmiCompletion completion = ScmiCompletion.Default)
    {
        Span<byte> parameters = stackalloc byte[12];
        return Invoke(PowerDomainMessages.StateSet, ScmiNames.Words(parameters, 0, domain, state), default, out _, 0, completion);
    }

    /// <summary>
    /// POWER_STATE_SET, asynchronous: returns once the platform accepted the request. SCMI (DEN0056E)
    /// §4.3.2.7: there is no delayed response; completion is announced by POWER_STATE_CHANGED to an agent
    /// that enabled it (<see cref="NotifyStateChanged"/>). Context: thread.
    /// </summary>
    public ScmiResult SetStateAsync(uint domain, uint state)
    {
        Span<byte> parameters = stackalloc byte[12];
        return Invoke(PowerDomainMessages.StateSet, ScmiNames.Words(parameters, AsyncFlag, domain, state), default, out _);
    }

    /// <summary>POWER_STATE_GET: the domain's current power state. Context: thread.</summary>
    public ScmiResult GetState(uint domain, out uint state)
    {
        state = 0;
        Span<byte> parameters = stackalloc byte[4];
        Span<byte> reply = stackalloc byte[4];
        ScmiResult result = Invoke(PowerDomainMessages.StateGet, ScmiNames.Word(parameters, domain), reply, out _, 4);
        if (result.IsSuccess)
            state = BinaryPrimitives.ReadUInt32LittleEndian(reply);
        return result;
    }

    /// <summary>POWER_STATE_NOTIFY: POWER_STATE_CHANGED of <paramref name="domain"/> on or off (decode with <see cref="PowerStateEvent"/>). Context: thread.</summary>
    public ScmiResult NotifyStateChanged(uint domain, bool enable)
    {
        Span<byte> parameters = stackalloc byte[8];
        return Invoke(PowerDomainMessages.StateNotify, ScmiNames.Words(parameters, domain, enable ? 1u : 0u), default, out _);
    }

    /// <summary>POWER_STATE_CHANGE_REQUESTED_NOTIFY: POWER_STATE_CHANGE_REQUESTED of <paramref name="domain"/> on or off. Context: thread.</summary>
    public ScmiResult NotifyStateChangeRequested(uint domain, bool enable)
    {
        Span<byte> parameters = stackalloc byte[8];
        return Invoke(PowerDomainMessages.StateChangeRequestedNotify, ScmiNames.Words(parameters, domain, enable ? 1u : 0u), default, out _);
    }
}
