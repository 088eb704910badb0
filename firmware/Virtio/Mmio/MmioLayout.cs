// Which virtio-mmio register layout a device presents. (virtio 1.3 §4.2)
namespace Virtio;

/// <summary>The two register layouts a virtio-mmio device can present (virtio 1.3 §4.2.2 and §4.2.4).</summary>
public enum MmioLayout
{
    /// <summary>Version 1: page-based queue address (GuestPageSize, QueuePFN, QueueAlign), no FEATURES_OK.</summary>
    Legacy = 1,
    /// <summary>Version 2: three 64-bit queue area addresses and QueueReady.</summary>
    Modern = 2,
}
