// Arm DEN0056 v3.2 §4.6 clock management protocol. Message ids as the spec's tables give them.
namespace Interop.Tests.Raw;

/// <summary>DEN0056 §4.6 clock management protocol.</summary>
public static class ClockMessage
{
    public const byte Attributes = 0x3, DescribeRates = 0x4, RateSet = 0x5, RateGet = 0x6, ConfigSet = 0x7, NameGet = 0x8;
    public static readonly byte[] Mandatory = [0x0, 0x1, 0x2, Attributes, DescribeRates, RateSet, RateGet, ConfigSet];
    public static readonly byte[] All = [0x0, 0x1, 0x2, 0x3, 0x4, 0x5, 0x6, 0x7, 0x8, 0x9, 0xA, 0xB, 0xC, 0xD, 0xE, 0xF];
    /// <summary>§4.6.2.7 CLOCK_RATE_SET flags: bit 0 async, 1 ignore delayed response, 3:2 rounding; 31:4 reserved.</summary>
    public const uint RateSetAsyncFlag = 1u << 0, RateSetReservedFlag = 1u << 4;
}
