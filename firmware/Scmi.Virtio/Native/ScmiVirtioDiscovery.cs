// Finds the board's one virtio SCMI device (id 32) in the device tree or QEMU's slots, refusing any other.
using Nano.Runtime.Native;
using Virtio;

namespace Scmi.Virtio;

/// <summary>
/// Chooses the SCMI device: the first one found (device tree order, else slot order). Only one channel is
/// used, like Linux's virtio transport: a second device is refused with a console line naming its address.
/// </summary>
public static class ScmiVirtioDiscovery
{
    /// <summary>
    /// The first SCMI device; <paramref name="refused"/> counts further ones (each reported on the console).
    /// False when there is none.
    /// </summary>
    public static bool TryFind(out MmioTransportLocation location, out MmioDeviceIdentity identity, out int refused)
    {
        refused = 0;
        if (!BoardVirtioDiscovery.TryFind(DeviceType.Scmi, 0, out location, out identity))
            return false;
        while (BoardVirtioDiscovery.TryFind(DeviceType.Scmi, refused + 1, out MmioTransportLocation other, out _))
        {
            refused++;
            Console.Write("scmi: a second SCMI device at 0x");
            Console.Write((long)other.BaseAddress, "x");
            Console.Write(" is refused; only the one at 0x");
            Console.Write((long)location.BaseAddress, "x");
            Console.Write(" is used\n");
        }
        return true;
    }
}
