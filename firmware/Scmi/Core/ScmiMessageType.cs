// The message type field of an SCMI header (SCMI DEN0056E §4.1.2, bits 9:8).
namespace Scmi;

/// <summary>What an SCMI message is; the value 1 is reserved by the specification.</summary>
public enum ScmiMessageType : byte
{
    /// <summary>Agent to platform; answered by a synchronous response carrying the same header.</summary>
    Command = 0,
    /// <summary>Platform to agent on the P2A channel: the asynchronous completion of a command.</summary>
    DelayedResponse = 2,
    /// <summary>Platform to agent on the P2A channel: an event the agent subscribed to.</summary>
    Notification = 3,
}
