// What every protocol client shares: version negotiation, protocol and message attributes (SCMI DEN0056E, messages 0x0-0x2 of every protocol).
using System;
using System.Buffers.Binary;
using Scmi.Protocols;

namespace Scmi;

/// <summary>
/// The base of the nine protocol clients. <see cref="Discover"/> agrees on a version, reads
/// PROTOCOL_ATTRIBUTES and hands the reply to <see cref="OnAttributes"/>; a client is usable after it succeeds.
/// </summary>
public abstract class ScmiProtocolClient
{
    /// <summary>The most flag words before the name in a *_DOMAIN_ATTRIBUTES reply (Reset domain: attributes and latency).</summary>
    private const int MostDomainAttributeWordBytes = 8;

    /// <summary>PROTOCOL_VERSION, common to every protocol.</summary>
    public const byte ProtocolVersionMessage = 0x0;
    /// <summary>PROTOCOL_ATTRIBUTES, common to every protocol.</summary>
    public const byte ProtocolAttributesMessage = 0x1;
    /// <summary>PROTOCOL_MESSAGE_ATTRIBUTES, common to every protocol.</summary>
    public const byte ProtocolMessageAttributesMessage = 0x2;

    private readonly ScmiProtocolVersion _highestSupported;

    /// <summary>A client of <paramref name="protocol"/> implementing versions up to <paramref name="highestSupported"/>.</summary>
    protected ScmiProtocolClient(ScmiAgent agent, ScmiProtocolId protocol, ScmiProtocolVersion highestSupported)
    {
        Agent = agent;
        Protocol = protocol;
        _highestSupported = highestSupported;
    }

    /// <summary>The agent this client sends through.</summary>
    public ScmiAgent Agent { get; }

    /// <summary>The protocol this client speaks.</summary>
    public ScmiProtocolId Protocol { get; }

    /// <summary>The version agreed with the platform (0.0 before discovery).</summary>
    public ScmiProtocolVersion Version { get; private set; }

    /// <summary>True once <see cref="Discover"/> succeeded.</summary>
    public bool IsDiscovered { get; private set; }

    /// <summary>Agrees on a version and reads the protocol's attributes. Context: thread.</summary>
    public ScmiResult Discover()
    {
        IsDiscovered = false;
        ScmiResult result = Agent.NegotiateVersion(Protocol, _highestSupported, out ScmiProtocolVersion agreed);
        if (!result.IsSuccess)
            return result;
        Version = agreed;
        Span<byte> reply = stackalloc byte[Agent.MaxPayloadBytes];
        result = Invoke(ProtocolAttributesMessage, default, reply, out int length, 4);
        if (!result.IsSuccess)
            return result;
        result = OnAttributes(reply.Slice(0, length));
        IsDiscovered = result.IsSuccess;
        return result;
    }

    /// <summary>Reads PROTOCOL_MESSAGE_ATTRIBUTES of <paramref name="messageId"/>; NOT_FOUND means the platform does not implement it. Context: thread.</summary>
    public ScmiResult GetMessageAttributes(byte messageId, out uint attributes)
    {
        attributes = 0;
        Span<byte> parameters = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(parameters, messageId);
        Span<byte> reply = stackalloc byte[4];
        ScmiResult result = Invoke(ProtocolMessageAttributesMessage, parameters, reply, out _, 4);
        if (result.IsSuccess)
            attributes = BinaryPrimitives.ReadUInt32LittleEndian(reply);
        return result;
    }

    /// <summary>Decodes PROTOCOL_ATTRIBUTES' return values (at least 4 bytes).</summary>
    protected abstract ScmiResult OnAttributes(ReadOnlySpan<byte> attributes);

    /// <summary>A synchronous command of this protocol. Context: thread.</summary>
    protected ScmiResult Invoke(byte messageId, ReadOnlySpan<byte> parameters, Span<byte> returnValues, out int returnLength,
        int minimumReturnBytes = 0, ScmiCompletion completion = ScmiCompletion.Default) =>
        Agent.Invoke(Protocol, messageId, parameters, returnValues, out returnLength, minimumReturnBytes, completion);

    /// <summary>
    /// A *_DOMAIN_ATTRIBUTES command of the Power domain, Reset domain and Voltage domain shape: the domain id in;
    /// <paramref name="words"/> (4 or 8 bytes of flag words) then a 16-byte name out, the name copied into
    /// <paramref name="name"/>. <paramref name="words"/> stays zero when the command fails. Context: thread.
    /// </summary>
    protected ScmiResult InvokeDomainAttributes(byte messageId, uint domain, Span<byte> words, Span<byte> name, out int nameLength)
    {
        nameLength = 0;
        words.Clear();
        Span<byte> parameters = stackalloc byte[4];
        Span<byte> reply = stackalloc byte[MostDomainAttributeWordBytes + ScmiNames.ShortNameBytes];
        if (words.Length > MostDomainAttributeWordBytes)
            return ScmiResult.FromAgent(ScmiAgentError.InvalidArgument);
        reply = reply.Slice(0, words.Length + ScmiNames.ShortNameBytes);
        ScmiResult result = Invoke(messageId, ScmiNames.Word(parameters, domain), reply, out _, reply.Length);
        if (!result.IsSuccess)
            return result;
        reply.Slice(0, words.Length).CopyTo(words);
        return ScmiNames.Copy(reply.Slice(words.Length), name, out nameLength);
    }

    /// <summary>A *_DOMAIN_NAME_GET command (domain id in; flags and a 64-byte name out): the extended name into <paramref name="name"/>. Context: thread.</summary>
    protected ScmiResult InvokeDomainName(byte messageId, uint domain, Span<byte> name, out int length)
    {
        length = 0;
        Span<byte> parameters = stackalloc byte[4];
        Span<byte> reply = stackalloc byte[ScmiNames.NameGetReplyBytes];
        ScmiResult result = Invoke(messageId, ScmiNames.Word(parameters, domain), reply, out int replyLength, 4);
        return result.IsSuccess ? ScmiNames.CopyExtended(reply, replyLength, name, out length) : result;
    }

    /// <summary>An asynchronous command of this protocol, waiting for its delayed response (<see cref="ScmiAgent.InvokeWithDelayedResponse"/>). Context: thread.</summary>
    protected ScmiResult InvokeWithDelayedResponse(byte messageId, ReadOnlySpan<byte> parameters, Span<byte> returnValues, out int returnLength,
        Span<byte> delayedValues, out int delayedLength, int minimumDelayedBytes = 0, ScmiCompletion completion = ScmiCompletion.Default) =>
        Agent.InvokeWithDelayedResponse(Protocol, messageId, parameters, returnValues, out returnLength, delayedValues, out delayedLength,
            minimumDelayedBytes, completion);
}
