// Arm DEN0056 v3.2 §4.10 power capping protocol. Message ids as the spec's tables give them.
namespace Interop.Tests.Raw;

/// <summary>DEN0056 §4.10 power capping protocol.</summary>
public static class PowerCapMessage
{
    public const byte DomainAttributes = 0x3, CapGet = 0x4, CapSet = 0x5, PaiGet = 0x6, PaiSet = 0x7, NameGet = 0x8, MeasurementsGet = 0x9;
    public static readonly byte[] Mandatory = [0x0, 0x1, 0x2, DomainAttributes, CapGet, CapSet];
    public static readonly byte[] All = [0x0, 0x1, 0x2, 0x3, 0x4, 0x5, 0x6, 0x7, 0x8, 0x9, 0xA, 0xB, 0xC];
    /// <summary>§4.10.2.6 POWERCAP_CAP_SET flags: bit 0 ignore delayed response, bit 1 async; 31:2 reserved.</summary>
    public const uint CapSetReservedFlag = 1u << 2;
}
