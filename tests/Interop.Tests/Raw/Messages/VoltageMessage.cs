// Arm DEN0056 v3.2 §4.9 voltage domain management protocol. Message ids as the spec's tables give them.
namespace Interop.Tests.Raw;

/// <summary>DEN0056 §4.9 voltage domain management protocol.</summary>
public static class VoltageMessage
{
    public const byte DomainAttributes = 0x3, DescribeLevels = 0x4, ConfigSet = 0x5, ConfigGet = 0x6, LevelSet = 0x7, LevelGet = 0x8, NameGet = 0x9;
    /// <summary>§4.9.2.6 VOLTAGE_CONFIG_GET: bits 3:0 = 0x7 architectural ON.</summary>
    public const uint ConfigOn = 0x7;
    /// <summary>§4.9.2.7 VOLTAGE_LEVEL_SET flags: bit 0 async; 31:1 reserved.</summary>
    public const uint LevelSetReservedFlag = 1u << 1;
    public static readonly byte[] Mandatory = [0x0, 0x1, 0x2, DomainAttributes, DescribeLevels, ConfigSet, ConfigGet, LevelSet, LevelGet];
    public static readonly byte[] All = [0x0, 0x1, 0x2, 0x3, 0x4, 0x5, 0x6, 0x7, 0x8, 0x9];
}
