// Where one virtio-mmio transport sits and which interrupt it raises.
namespace Virtio;

/// <summary>A virtio-mmio register window and its GIC interrupt, as discovery found them.</summary>
public readonly struct MmioTransportLocation
{
    /// <summary>Records a transport at <paramref name="baseAddress"/> of <paramref name="size"/> bytes raising INTID <paramref name="interruptId"/>.</summary>
    public MmioTransportLocation(ulong baseAddress, ulong size, uint interruptId, bool fromDeviceTree)
    {
        BaseAddress = baseAddress;
        Size = size;
        InterruptId = interruptId;
        FromDeviceTree = fromDeviceTree;
    }

    /// <summary>Physical address of the register window.</summary>
    public ulong BaseAddress { get; }
    /// <summary>Size of the window in bytes.</summary>
    public ulong Size { get; }
    /// <summary>GIC interrupt id (INTID) of the transport's interrupt line.</summary>
    public uint InterruptId { get; }
    /// <summary>True when read from the device tree, false when assumed from the board's fixed slots.</summary>
    public bool FromDeviceTree { get; }
}
