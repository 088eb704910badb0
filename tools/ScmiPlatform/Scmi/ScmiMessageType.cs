// SCMI message types (Arm DEN0056 v3.2, §4.1.2 "Message header format", bits 9:8).
namespace ScmiPlatform.Scmi;

/// <summary>The type field of the header.</summary>
public enum ScmiMessageType : byte
{
    Command = 0,
    /// <summary>Value 1 is reserved by the spec.</summary>
    Reserved = 1,
    DelayedResponse = 2,
    Notification = 3,
}
