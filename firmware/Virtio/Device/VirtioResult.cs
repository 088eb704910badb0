// Outcomes of device discovery, initialisation and queue set-up: one enum for the layer's device side. (virtio 1.3 §3.1, §4.2)
namespace Virtio;

/// <summary>Why a device operation succeeded or stopped. Every refusal leaves the device reset or FAILED, never half-live.</summary>
public enum VirtioResult
{
    /// <summary>Done.</summary>
    Ok = 0,
    /// <summary>MagicValue is not 0x74726976: not a virtio-mmio window.</summary>
    NotVirtio,
    /// <summary>Version is neither 1 (legacy) nor 2 (modern).</summary>
    UnsupportedVersion,
    /// <summary>DeviceID 0: an empty slot, never an error (§4.2.2.2).</summary>
    NoDevice,
    /// <summary>The caller requires VIRTIO_F_VERSION_1 and the device presents the legacy (version 1) registers.</summary>
    LegacyDeviceRefused,
    /// <summary>The caller requires VIRTIO_F_VERSION_1, or the device presents the version 2 (modern) registers, and the device does not offer it.</summary>
    Version1NotOffered,
    /// <summary>The device did not read back status 0 after a reset within the allowed polls.</summary>
    ResetTimedOut,
    /// <summary>FEATURES_OK did not stick: the device refused the accepted subset (§3.1.1 step 6).</summary>
    FeaturesRefused,
    /// <summary>The device set DEVICE_NEEDS_RESET.</summary>
    DeviceNeedsReset,
    /// <summary>QueueSizeMax is 0: the device has no such queue.</summary>
    QueueUnavailable,
    /// <summary>The queue is already in use (QueueReady or QueuePFN not 0) before we set it up.</summary>
    QueueAlreadyInUse,
    /// <summary>No memory for the ring or its state (or the heap is already sealed).</summary>
    OutOfMemory,
    /// <summary>A ring address the register layout cannot express (legacy: above 2^44 or not page aligned).</summary>
    AddressNotExpressible,
    /// <summary>The call came out of the initialisation order (§3.1.1).</summary>
    WrongPhase,
    /// <summary>On <see cref="VirtioDevice.Restart"/> the device no longer accepts the features negotiated before, which the existing rings were laid out for.</summary>
    FeaturesChanged,
    /// <summary>The queue index is beyond what this driver keeps (<see cref="VirtioDevice.MaximumQueues"/>).</summary>
    TooManyQueues,
}
