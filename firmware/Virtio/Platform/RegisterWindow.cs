// A device's 32-bit register window, reached through an abstraction so the transport runs against real MMIO or a double.
namespace Virtio;

/// <summary>
/// A window of 32-bit device registers addressed by byte offset from the window's base.
/// On target it is backed by device memory through the runtime's MMIO accessors; in host tests by
/// a device double. It is an abstract class rather than an interface because interface dispatch is
/// not available on target.
/// </summary>
public abstract class RegisterWindow
{
    /// <summary>Reads the 32-bit register at <paramref name="offset"/> (a multiple of 4).</summary>
    public abstract uint Read32(int offset);

    /// <summary>Writes the 32-bit register at <paramref name="offset"/> (a multiple of 4).</summary>
    public abstract void Write32(int offset, uint value);

    /// <summary>Reads one byte of a byte-addressed area (the virtio-mmio configuration space).</summary>
    public abstract byte Read8(int offset);
}
