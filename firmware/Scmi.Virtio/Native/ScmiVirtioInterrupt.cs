// The target-only interrupt glue: the transport's device interrupt routed through Nano.Runtime.Native.Interrupts.
using Nano.Runtime.Native;

namespace Scmi.Virtio;

/// <summary>
/// Registered for the SCMI device's INTID; each delivery runs <see cref="ScmiVirtioTransport.HandleInterrupt"/>
/// in IRQ context. Made at bring-up (allocates once), before the heap is sealed.
/// </summary>
public sealed class ScmiVirtioInterrupt : InterruptHandler
{
    private readonly ScmiVirtioTransport _transport;

    private ScmiVirtioInterrupt(ScmiVirtioTransport transport) => _transport = transport;

    /// <summary>Routes <paramref name="intid"/> (virtio-mmio: edge-triggered on QEMU virt) to <paramref name="transport"/> and enables it. Context: thread, bring-up.</summary>
    public static ScmiVirtioInterrupt Attach(ScmiVirtioTransport transport, uint intid)
    {
        var handler = new ScmiVirtioInterrupt(transport);
        Interrupts.Register(intid, handler);
        Interrupts.Configure(intid, InterruptTrigger.Edge);
        Interrupts.Enable(intid);
        Cpu.EnableInterrupts();
        return handler;
    }

    /// <summary>Context: IRQ.</summary>
    public override void OnInterrupt(uint intid) => _transport.HandleInterrupt();
}
