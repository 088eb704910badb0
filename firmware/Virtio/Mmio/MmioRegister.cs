// Register offsets of the virtio-mmio transport, modern (version 2) and legacy (version 1) layouts.
// virtio 1.3 §4.2.2 (MMIO Device Register Layout) and §4.2.4 (Legacy interface).
namespace Virtio;

/// <summary>
/// Byte offsets of the virtio-mmio control registers. Registers marked "legacy" exist only in
/// version 1; those marked "modern" only in version 2; the rest are common to both. All are 32 bits
/// wide, little-endian, and accessed only with aligned 32-bit reads and writes (§4.2.2.2).
/// </summary>
public enum MmioRegister
{
    /// <summary>0x000 R: 0x74726976, "virt" in little-endian.</summary>
    MagicValue = 0x000,
    /// <summary>0x004 R: 2 for modern, 1 for legacy.</summary>
    Version = 0x004,
    /// <summary>0x008 R: virtio device type; 0 is a placeholder slot.</summary>
    DeviceId = 0x008,
    /// <summary>0x00c R: subsystem vendor id.</summary>
    VendorId = 0x00c,
    /// <summary>0x010 R: 32 feature bits chosen by <see cref="DeviceFeaturesSelect"/> (legacy: HostFeatures).</summary>
    DeviceFeatures = 0x010,
    /// <summary>0x014 W: feature word selector for reads.</summary>
    DeviceFeaturesSelect = 0x014,
    // 0x018..0x01c reserved.
    /// <summary>0x020 W: 32 accepted feature bits chosen by <see cref="DriverFeaturesSelect"/> (legacy: GuestFeatures).</summary>
    DriverFeatures = 0x020,
    /// <summary>0x024 W: feature word selector for writes.</summary>
    DriverFeaturesSelect = 0x024,
    /// <summary>0x028 W legacy: guest page size, the unit of <see cref="QueuePageFrameNumber"/>.</summary>
    LegacyGuestPageSize = 0x028,
    // 0x02c reserved.
    /// <summary>0x030 W: selects the queue the queue registers apply to.</summary>
    QueueSelect = 0x030,
    /// <summary>0x034 R: largest queue size the device accepts; 0 means no such queue.</summary>
    QueueSizeMax = 0x034,
    /// <summary>0x038 W: queue size the driver chose.</summary>
    QueueSize = 0x038,
    /// <summary>0x03c W legacy: alignment of the used ring inside the contiguous queue.</summary>
    LegacyQueueAlign = 0x03c,
    /// <summary>0x040 RW legacy: page number of the contiguous queue; 0 means not in use.</summary>
    QueuePageFrameNumber = 0x040,
    /// <summary>0x044 RW modern: 1 once the queue is set up.</summary>
    QueueReady = 0x044,
    // 0x048..0x04c reserved.
    /// <summary>0x050 W: writing a queue index is an available-buffer notification.</summary>
    QueueNotify = 0x050,
    // 0x054..0x05c reserved.
    /// <summary>0x060 R: why the interrupt was raised (<see cref="InterruptCause"/>).</summary>
    InterruptStatus = 0x060,
    /// <summary>0x064 W: the causes the driver handled.</summary>
    InterruptAck = 0x064,
    // 0x068..0x06c reserved.
    /// <summary>0x070 RW: device status (<see cref="DeviceStatus"/>); writing 0 resets.</summary>
    Status = 0x070,
    /// <summary>0x080 W modern: descriptor area address, low half.</summary>
    QueueDescriptorLow = 0x080,
    /// <summary>0x084 W modern: descriptor area address, high half.</summary>
    QueueDescriptorHigh = 0x084,
    /// <summary>0x090 W modern: driver area (available ring) address, low half.</summary>
    QueueDriverLow = 0x090,
    /// <summary>0x094 W modern: driver area address, high half.</summary>
    QueueDriverHigh = 0x094,
    /// <summary>0x0a0 W modern: device area (used ring) address, low half.</summary>
    QueueDeviceLow = 0x0a0,
    /// <summary>0x0a4 W modern: device area address, high half.</summary>
    QueueDeviceHigh = 0x0a4,
    /// <summary>0x0fc R modern: changes whenever the configuration space may have been seen torn.</summary>
    ConfigGeneration = 0x0fc,
    /// <summary>0x100+ RW: device-specific configuration space, byte addressed.</summary>
    Config = 0x100,
}
