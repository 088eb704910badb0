// Memory shared with a device: a span for the driver and a physical address for the device.
using System;

namespace Virtio;

/// <summary>
/// A physically contiguous piece of memory the driver shares with a device: the driver reaches it as a
/// span, the device by its physical address. Regions are carved once at bring-up (see
/// <see cref="DmaAllocator"/>) and live for the life of the firmware, so holding one never allocates.
/// </summary>
public sealed class DmaRegion
{
    private readonly byte[] _backing;
    private readonly int _start;

    /// <summary>Wraps <paramref name="length"/> bytes of <paramref name="backing"/> from <paramref name="start"/>, seen by the device at <paramref name="physicalAddress"/>.</summary>
    public DmaRegion(byte[] backing, int start, int length, ulong physicalAddress)
    {
        _backing = backing;
        _start = start;
        Length = length;
        PhysicalAddress = physicalAddress;
    }

    /// <summary>The physical (bus) address of the first byte, as the device sees it.</summary>
    public ulong PhysicalAddress { get; }

    /// <summary>Size in bytes.</summary>
    public int Length { get; }

    /// <summary>The whole region as the driver sees it.</summary>
    public Span<byte> Span => new Span<byte>(_backing, _start, Length);

    /// <summary>
    /// Describes <paramref name="length"/> bytes from <paramref name="offset"/> for a descriptor.
    /// Returns an empty slice when the range is outside the region, which the queue refuses.
    /// </summary>
    public DmaSlice Slice(int offset, int length)
    {
        if (offset < 0 || length < 0 || offset > Length || length > Length - offset)
            return default;
        return new DmaSlice(PhysicalAddress + (ulong)offset, (uint)length);
    }

    /// <summary>The whole region for a descriptor.</summary>
    public DmaSlice All => new DmaSlice(PhysicalAddress, (uint)Length);
}
