// Probes every protocol answers the same way: version, attributes, message attributes, unknown ids, bad lengths.
using ScmiPlatform.Scmi;

namespace Interop.Tests.Raw;

public static class CommonProbes
{
    /// <summary>Name of the probe that sends optional message <paramref name="message"/> of <paramref name="protocol"/> without parameters.</summary>
    public static string DispatchProbe(byte protocol, byte message) => $"{ProtocolNumber.Short(protocol)}.dispatch.{message:x2}";

    /// <summary>Name of the PROTOCOL_MESSAGE_ATTRIBUTES probe for <paramref name="message"/>.</summary>
    public static string MessageAttributesProbe(byte protocol, byte message) => $"{ProtocolNumber.Short(protocol)}.message-attributes.{message:x2}";

    /// <summary>The probes for one offered protocol; <paramref name="mandatory"/> and <paramref name="all"/> are its spec message ids.</summary>
    /// <param name="withoutParameters">Optional messages that take no parameters (the rest take at least one).</param>
    public static IEnumerable<RawCheck> For(byte protocol, byte[] mandatory, byte[] all, byte[]? withoutParameters = null)
    {
        string p = ProtocolNumber.Short(protocol);
        yield return new RawCheck($"{p}.version", ScmiRequest.Words(protocol, CommonMessage.ProtocolVersion), ScmiStatus.Success,
            "PROTOCOL_VERSION returns one u32 version")
        {
            Reply = r => Mismatch.First(() => Mismatch.Of("return values length", 4, r.Length),
                () => r.U32(0) >> 16 == 0 ? $"major version is 0 (0x{r.U32(0):x8})" : null),
        };
        yield return new RawCheck($"{p}.attributes", ScmiRequest.Words(protocol, CommonMessage.ProtocolAttributes), ScmiStatus.Success,
            "PROTOCOL_ATTRIBUTES succeeds")
        { Reply = r => r.Length >= 4 ? null : $"return values: {r.Length} bytes, need at least 4" };
        foreach (byte message in all)
        {
            bool required = mandatory.Contains(message);
            // Optional messages may be absent (NOT_FOUND); the dispatch-agreement test compares both answers.
            yield return new RawCheck(MessageAttributesProbe(protocol, message),
                ScmiRequest.Words(protocol, CommonMessage.ProtocolMessageAttributes, message),
                ScmiStatus.Success, required
                    ? "PROTOCOL_MESSAGE_ATTRIBUTES of a mandatory message succeeds with one u32"
                    : "PROTOCOL_MESSAGE_ATTRIBUTES of an optional message: SUCCESS with one u32, or NOT_FOUND")
            {
                AlsoAccepted = required ? null : ScmiStatus.NotFound,
                Reply = r => Mismatch.Of("return values length", 4, r.Length),
            };
        }
        foreach (byte message in all.Except(mandatory))
        {
            // Sent bare: an implemented message answers PROTOCOL_ERROR (its parameters are missing) or, when it
            // takes none, SUCCESS; an absent one NOT_FOUND. The dispatch-agreement test compares this with
            // what PROTOCOL_MESSAGE_ATTRIBUTES said.
            bool bare = withoutParameters?.Contains(message) ?? false;
            yield return new RawCheck(DispatchProbe(protocol, message), ScmiRequest.Words(protocol, message),
                bare ? ScmiStatus.Success : ScmiStatus.ProtocolError,
                "an optional message is either implemented (answers as such) or answers NOT_FOUND")
            {
                AlsoAccepted = ScmiStatus.NotFound,
            };
        }
        yield return new RawCheck($"{p}.message-attributes.undefined",
            ScmiRequest.Words(protocol, CommonMessage.ProtocolMessageAttributes, CommonMessage.Undefined), ScmiStatus.NotFound,
            "PROTOCOL_MESSAGE_ATTRIBUTES of a message the protocol does not define answers NOT_FOUND");
        yield return new RawCheck($"{p}.undefined-message", ScmiRequest.Words(protocol, CommonMessage.Undefined), ScmiStatus.NotFound,
            "a message id the protocol does not define answers NOT_FOUND");
        yield return new RawCheck($"{p}.version.trailing-bytes", ScmiRequest.Words(protocol, CommonMessage.ProtocolVersion).Padded(4),
            ScmiStatus.ProtocolError, "a command longer than its parameters answers PROTOCOL_ERROR");
        yield return new RawCheck($"{p}.message-attributes.no-parameter", ScmiRequest.Words(protocol, CommonMessage.ProtocolMessageAttributes),
            ScmiStatus.ProtocolError, "a command shorter than its parameters answers PROTOCOL_ERROR");
        yield return new RawCheck($"{p}.message-attributes.short-parameter",
            ScmiRequest.Words(protocol, CommonMessage.ProtocolMessageAttributes, 0).Truncated(2),
            ScmiStatus.ProtocolError, "a command whose parameter is cut in half answers PROTOCOL_ERROR");
    }
}
