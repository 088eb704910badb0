// Arm DEN0056 v3.2 §4.4 system power management protocol. Message ids as the spec's tables give them.
namespace Interop.Tests.Raw;

/// <summary>DEN0056 §4.4 system power management protocol.</summary>
public static class SystemPowerMessage
{
    public static readonly byte[] Mandatory = [0x0, 0x1, 0x2, 0x3];
    public static readonly byte[] All = [0x0, 0x1, 0x2, 0x3, 0x5];
}
