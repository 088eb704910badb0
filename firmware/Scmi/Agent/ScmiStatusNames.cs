// Printable names of SCMI status codes, transport results and agent errors (string literals: no allocation on target).
namespace Scmi;

/// <summary>
/// Names as the specification spells them (SCMI DEN0056E §4.1.4 for status codes), and the one-line view
/// of an <see cref="ScmiResult"/> a shell prints: <see cref="Source"/> then <see cref="Describe"/>.
/// </summary>
public static class ScmiStatusNames
{
    /// <summary>"SUCCESS", "NOT_SUPPORTED", ... or "UNKNOWN". Context: any.</summary>
    public static string Name(ScmiStatus status) => status switch
    {
        ScmiStatus.Success => "SUCCESS",
        ScmiStatus.NotSupported => "NOT_SUPPORTED",
        ScmiStatus.InvalidParameters => "INVALID_PARAMETERS",
        ScmiStatus.Denied => "DENIED",
        ScmiStatus.NotFound => "NOT_FOUND",
        ScmiStatus.OutOfRange => "OUT_OF_RANGE",
        ScmiStatus.Busy => "BUSY",
        ScmiStatus.CommsError => "COMMS_ERROR",
        ScmiStatus.GenericError => "GENERIC_ERROR",
        ScmiStatus.HardwareError => "HARDWARE_ERROR",
        ScmiStatus.ProtocolError => "PROTOCOL_ERROR",
        ScmiStatus.InUse => "IN_USE",
        _ => "UNKNOWN",
    };

    /// <summary>"OK", "TIMED_OUT", ... Context: any.</summary>
    public static string Name(ScmiTransportResult result) => result switch
    {
        ScmiTransportResult.Ok => "OK",
        ScmiTransportResult.Pending => "PENDING",
        ScmiTransportResult.Busy => "CHANNEL_BUSY",
        ScmiTransportResult.NotReady => "NOT_READY",
        ScmiTransportResult.QueueError => "QUEUE_ERROR",
        ScmiTransportResult.TimedOut => "TIMED_OUT",
        ScmiTransportResult.Malformed => "MALFORMED_REPLY",
        ScmiTransportResult.ChannelReset => "CHANNEL_RESET",
        ScmiTransportResult.NoMessage => "NO_MESSAGE",
        ScmiTransportResult.TooLarge => "TOO_LARGE",
        ScmiTransportResult.InvalidHandle => "INVALID_HANDLE",
        _ => "UNKNOWN_TRANSPORT_RESULT",
    };

    /// <summary>"NONE", "UNSUPPORTED_VERSION", ... Context: any.</summary>
    public static string Name(ScmiAgentError error) => error switch
    {
        ScmiAgentError.None => "NONE",
        ScmiAgentError.UnsupportedVersion => "UNSUPPORTED_VERSION",
        ScmiAgentError.ProtocolNotImplemented => "PROTOCOL_NOT_IMPLEMENTED",
        ScmiAgentError.NotDiscovered => "NOT_DISCOVERED",
        ScmiAgentError.ReplyTooShort => "REPLY_TOO_SHORT",
        ScmiAgentError.ReplyInvalid => "REPLY_INVALID",
        ScmiAgentError.DelayedResponseTimedOut => "DELAYED_RESPONSE_TIMED_OUT",
        ScmiAgentError.NoPlatformChannel => "NO_PLATFORM_CHANNEL",
        ScmiAgentError.NoFreeTransfer => "NO_FREE_TRANSFER",
        ScmiAgentError.HandlerTableFull => "HANDLER_TABLE_FULL",
        ScmiAgentError.InvalidArgument => "INVALID_ARGUMENT",
        _ => "UNKNOWN_AGENT_ERROR",
    };

    /// <summary>
    /// Which layer decided <paramref name="result"/>: "transport" (no usable reply), "platform" (a status
    /// other than SUCCESS), "agent" (the agent refused the reply or the call), or "" for success. Context: any.
    /// </summary>
    public static string Source(ScmiResult result)
    {
        if (result.Transport != ScmiTransportResult.Ok)
            return "transport";
        if (result.Status != ScmiStatus.Success)
            return "platform";
        return result.Agent != ScmiAgentError.None ? "agent" : "";
    }

    /// <summary>The name of the part of <paramref name="result"/> that failed, "SUCCESS" when none did. Context: any.</summary>
    public static string Describe(ScmiResult result)
    {
        if (result.Transport != ScmiTransportResult.Ok)
            return Name(result.Transport);
        if (result.Status != ScmiStatus.Success)
            return Name(result.Status);
        return result.Agent != ScmiAgentError.None ? Name(result.Agent) : "SUCCESS";
    }
}
