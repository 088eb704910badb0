// Arm DEN0056 v3.2 §4.2 base protocol. Message ids as the spec's tables give them.
namespace Interop.Tests.Raw;

/// <summary>DEN0056 §4.2 base protocol.</summary>
public static class BaseMessage
{
    public const byte DiscoverVendor = 0x3, DiscoverSubVendor = 0x4, DiscoverImplementationVersion = 0x5,
        DiscoverListProtocols = 0x6, DiscoverAgent = 0x7, NotifyErrors = 0x8;
    public static readonly byte[] Mandatory = [0x0, 0x1, 0x2, DiscoverVendor, DiscoverImplementationVersion, DiscoverListProtocols];
    public static readonly byte[] All = [0x0, 0x1, 0x2, 0x3, 0x4, 0x5, 0x6, 0x7, 0x8, 0x9, 0xA, 0xB];
}
