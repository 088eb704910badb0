// A virtio device's GIC interrupt on target: the runtime's InterruptHandler that dispatches to VirtioDevice.HandleInterrupt.
using Nano.Runtime.Native;

namespace Virtio;

/// <summary>
/// Connects a transport's interrupt to a device-type driver with no unsafe code: register it with
/// <c>Interrupts.Register(location.InterruptId, new DeviceInterrupt(device, handler))</c> during bring-up.
/// Context: IRQ, interrupts masked. The handler's <see cref="UsedBufferHandler.OnUsedBuffers"/> runs here and
/// must claim the queue before draining it (README, "One owner per queue").
/// </summary>
public sealed class DeviceInterrupt : InterruptHandler
{
    private readonly VirtioDevice _device;
    private readonly UsedBufferHandler _handler;

    /// <summary>Dispatches <paramref name="device"/>'s interrupts to <paramref name="handler"/>.</summary>
    public DeviceInterrupt(VirtioDevice device, UsedBufferHandler handler)
    {
        _device = device;
        _handler = handler;
    }

    /// <summary>Reads and acknowledges InterruptStatus, then hands each cause to the driver (virtio 1.3 §4.2.3.4).</summary>
    public override void OnInterrupt(uint intid) => _device.HandleInterrupt(_handler);
}
