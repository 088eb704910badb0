// One device-visible buffer element: physical address and length, as a descriptor carries it.
namespace Virtio;

/// <summary>
/// A physically contiguous buffer element as the device sees it. Built from a <see cref="DmaRegion"/>
/// so the address always refers to memory the driver owns; the default value (length 0) is refused
/// by the queue.
/// </summary>
public readonly struct DmaSlice
{
    /// <summary>Describes <paramref name="length"/> bytes at physical <paramref name="address"/>.</summary>
    public DmaSlice(ulong address, uint length)
    {
        Address = address;
        Length = length;
    }

    /// <summary>Physical address of the first byte.</summary>
    public ulong Address { get; }

    /// <summary>Length in bytes.</summary>
    public uint Length { get; }

    /// <summary>True for the default value or a zero-length slice.</summary>
    public bool IsEmpty => Length == 0;
}
