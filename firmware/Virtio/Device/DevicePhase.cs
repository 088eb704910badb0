// Where a device is in the initialisation sequence (virtio 1.3 §3.1.1).
namespace Virtio;

/// <summary>The steps of §3.1.1 a <see cref="VirtioDevice"/> has completed.</summary>
public enum DevicePhase
{
    /// <summary>Reset (or never touched): nothing may be used.</summary>
    Reset,
    /// <summary>Features negotiated (FEATURES_OK accepted on modern devices): queues may be set up.</summary>
    FeaturesNegotiated,
    /// <summary>DRIVER_OK set: the device is live and queues may be notified.</summary>
    Live,
    /// <summary>FAILED set, or DEVICE_NEEDS_RESET seen: only a reset leaves this phase.</summary>
    Failed,
}
