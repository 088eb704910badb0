// Arm DEN0056 v3.2 §4.8 reset domain management protocol. Message ids as the spec's tables give them.
namespace Interop.Tests.Raw;

/// <summary>DEN0056 §4.8 reset domain management protocol.</summary>
public static class ResetMessage
{
    public const byte DomainAttributes = 0x3, Reset = 0x4, NameGet = 0x6;
    public static readonly byte[] Mandatory = [0x0, 0x1, 0x2, DomainAttributes, Reset];
    public static readonly byte[] All = [0x0, 0x1, 0x2, 0x3, 0x4, 0x5, 0x6];
    /// <summary>§4.8.2.4 RESET flags: bit 0 autonomous reset, 1 explicit assert, 2 async; 31:3 reserved.</summary>
    public const uint Autonomous = 1u, Async = 1u << 2, ReservedFlag = 1u << 3;
}
