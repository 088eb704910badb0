// Client of the SCMI Base protocol (SCMI DEN0056E §4.2): vendor, versions, the protocol list, agents, error notifications.
using System;
using System.Buffers.Binary;

namespace Scmi.Protocols;

/// <summary>
/// The Base protocol as an agent sees it. <see cref="Scmi.ScmiProtocolClient.Discover"/> reads the number of
/// protocols and agents; the rest are one method per command, results into caller-provided spans.
/// </summary>
public sealed class BaseProtocol : ScmiProtocolClient
{
    /// <summary>The version this client implements (2.0).</summary>
    public static readonly ScmiProtocolVersion Implemented = new ScmiProtocolVersion(2, 0);

    /// <summary>BASE_DISCOVER_AGENT's agent id meaning "the calling agent".</summary>
    public const uint CallingAgent = 0xFFFF_FFFF;

    /// <summary>Builds the client. Context: thread, before the heap is sealed.</summary>
    public BaseProtocol(ScmiAgent agent) : base(agent, ScmiProtocolId.Base, Implemented)
    {
    }

    /// <summary>Protocols the platform implements besides Base (PROTOCOL_ATTRIBUTES bits 7:0).</summary>
    public int ProtocolCount { get; private set; }

    /// <summary>Agents the platform knows (PROTOCOL_ATTRIBUTES bits 15:8).</summary>
    public int AgentCount { get; private set; }

    /// <inheritdoc />
    protected override ScmiResult OnAttributes(ReadOnlySpan<byte> attributes)
    {
        // SCMI (DEN0056E) §4.2.2.4: bits 15:8 number of agents, bits 7:0 number of protocols.
        uint word = BinaryPrimitives.ReadUInt32LittleEndian(attributes);
        ProtocolCount = (int)(word & 0xFF);
        AgentCount = (int)((word >> 8) & 0xFF);
        return default;
    }

    /// <summary>BASE_DISCOVER_VENDOR: the vendor name into <paramref name="name"/>. Context: thread.</summary>
    public ScmiResult GetVendor(Span<byte> name, out int length) => ReadName(BaseMessages.DiscoverVendor, name, out length);

    /// <summary>BASE_DISCOVER_SUB_VENDOR: the sub-vendor name into <paramref name="name"/>. Context: thread.</summary>
    public ScmiResult GetSubVendor(Span<byte> name, out int length) => ReadName(BaseMessages.DiscoverSubVendor, name, out length);

    /// <summary>BASE_DISCOVER_IMPLEMENTATION_VERSION: the vendor's implementation version. Context: thread.</summary>
    public ScmiResult GetImplementationVersion(out uint version)
    {
        version = 0;
        Span<byte> reply = stackalloc byte[4];
        ScmiResult result = Invoke(BaseMessages.DiscoverImplementationVersion, default, reply, out _, 4);
        if (result.IsSuccess)
            version = BinaryPrimitives.ReadUInt32LittleEndian(reply);
        return result;
    }

    /// <summary>
    /// BASE_DISCOVER_LIST_PROTOCOLS, page by page: the returned enumerator keeps one page in
    /// <paramref name="page"/> (at least 8 bytes; its size sets how many ids a page carries) and fetches
    /// the next when it runs out. Context: thread.
    /// </summary>
    public BaseProtocolList ListProtocols(Span<byte> page) => new BaseProtocolList(this, page);

    /// <summary>One page of BASE_DISCOVER_LIST_PROTOCOLS after <paramref name="skip"/> ids, into <paramref name="page"/>.</summary>
    internal ScmiResult FetchProtocolPage(uint skip, Span<byte> page, out int length)
    {
        Span<byte> parameters = stackalloc byte[4];
        return Invoke(BaseMessages.DiscoverListProtocols, ScmiNames.Word(parameters, skip), page, out length, 4);
    }

    /// <summary>
    /// BASE_DISCOVER_AGENT: the name of agent <paramref name="agentId"/> (0 is the platform,
    /// <see cref="CallingAgent"/> the caller) and the id the platform reports for it. Context: thread.
    /// </summary>
    public ScmiResult DiscoverAgent(uint agentId, out uint reportedId, Span<byte> name, out int length)
    {
        reportedId = 0;
        length = 0;
        Span<byte> parameters = stackalloc byte[4];
        Span<byte> reply = stackalloc byte[4 + ScmiNames.ShortNameBytes];
        ScmiResult result = Invoke(BaseMessages.DiscoverAgent, ScmiNames.Word(parameters, agentId), reply, out _, reply.Length);
        if (!result.IsSuccess)
            return result;
        reportedId = BinaryPrimitives.ReadUInt32LittleEndian(reply);
        return ScmiNames.Copy(reply.Slice(4), name, out length);
    }

    /// <summary>BASE_NOTIFY_ERRORS: turns BASE_ERROR_EVENT on or off (decode it with <see cref="BaseErrorEvent"/>). Context: thread.</summary>
    public ScmiResult NotifyErrors(bool enable)
    {
        Span<byte> parameters = stackalloc byte[4];
        return Invoke(BaseMessages.NotifyErrors, ScmiNames.Word(parameters, enable ? 1u : 0u), default, out _);
    }

    private ScmiResult ReadName(byte messageId, Span<byte> name, out int length)
    {
        length = 0;
        Span<byte> reply = stackalloc byte[ScmiNames.ShortNameBytes];
        ScmiResult result = Invoke(messageId, default, reply, out _, ScmiNames.ShortNameBytes);
        return result.IsSuccess ? ScmiNames.Copy(reply, name, out length) : result;
    }
}
