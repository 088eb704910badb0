// A range of physical addresses the firmware may touch: the device window for registers, mapped RAM for the device tree.
namespace Virtio;

/// <summary>
/// The physical range [<see cref="Start"/>, <see cref="End"/>). Discovery checks every address the device tree
/// supplies against one before using it, so a wrong or hostile tree means "skip" or "fall back", never a fault.
/// </summary>
public readonly struct AddressWindow
{
    /// <summary>The range from <paramref name="start"/> up to, not including, <paramref name="end"/>.</summary>
    public AddressWindow(ulong start, ulong end)
    {
        Start = start;
        End = end;
    }

    /// <summary>First address inside.</summary>
    public ulong Start { get; }

    /// <summary>First address past the end.</summary>
    public ulong End { get; }

    /// <summary>True when all <paramref name="length"/> bytes from <paramref name="address"/> lie inside (overflow-safe).</summary>
    public bool Contains(ulong address, ulong length) =>
        address >= Start && address <= End && length <= End - address;
}
