// One contiguous piece of guest RAM as the device sees it: where it lives for the guest, for the frontend, for us.
namespace ScmiPlatform.Virtqueue;

/// <summary>
/// A guest RAM region mapped into this process. <see cref="GuestPhysicalAddress"/> is what descriptors
/// carry; <see cref="FrontendVirtualAddress"/> is the frontend's (QEMU's) own address for the same bytes,
/// which vhost-user ring addresses use; <see cref="HostAddress"/> is where the bytes are in this process.
/// </summary>
public sealed record GuestMemoryRegion(ulong GuestPhysicalAddress, ulong Size, ulong FrontendVirtualAddress, nint HostAddress)
{
    /// <summary>True when [address, address + length) lies entirely inside this region's guest range.</summary>
    public bool ContainsGuestRange(ulong address, ulong length) =>
        address >= GuestPhysicalAddress
        && length <= Size
        && address - GuestPhysicalAddress <= Size - length;

    /// <summary>True when [address, address + length) lies entirely inside this region's frontend range.</summary>
    public bool ContainsFrontendRange(ulong address, ulong length) =>
        address >= FrontendVirtualAddress
        && length <= Size
        && address - FrontendVirtualAddress <= Size - length;
}
