// Arm DEN0056 v3.2 §4.5 performance domain management protocol. Message ids as the spec's tables give them.
namespace Interop.Tests.Raw;

/// <summary>DEN0056 §4.5 performance domain management protocol.</summary>
public static class PerformanceMessage
{
    public const byte DomainAttributes = 0x3, DescribeLevels = 0x4, LimitsSet = 0x5, LimitsGet = 0x6, LevelSet = 0x7, LevelGet = 0x8, NameGet = 0xC;
    public static readonly byte[] Mandatory = [0x0, 0x1, 0x2, DomainAttributes, DescribeLevels, LimitsSet, LimitsGet, LevelSet, LevelGet];
    public static readonly byte[] All = [0x0, 0x1, 0x2, 0x3, 0x4, 0x5, 0x6, 0x7, 0x8, 0x9, 0xA, 0xB, 0xC];
}
