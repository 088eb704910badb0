// Message ids every protocol shares (Arm DEN0056 v3.2 §4.2.2 and the first three commands of each protocol).
namespace Interop.Tests.Raw;

/// <summary>DEN0056: message ids every protocol shares (§4.2.2 and each protocol's first three commands).</summary>
public static class CommonMessage
{
    public const byte ProtocolVersion = 0x0, ProtocolAttributes = 0x1, ProtocolMessageAttributes = 0x2;
    /// <summary>No protocol of DEN0056 v3.2 defines it: must answer NOT_FOUND.</summary>
    public const byte Undefined = 0xEF;
}
