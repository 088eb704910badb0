// Device-independent virtio feature bits the queue service and the vhost-user layer care about.
namespace ScmiPlatform.Virtqueue;

/// <summary>Feature bits (virtio 1.3 §6 "Reserved Feature Bits", §5.17.3 for SCMI).</summary>
[Flags]
public enum VirtioFeatures : ulong
{
    None = 0,
    /// <summary>VIRTIO_SCMI_F_P2A_CHANNELS (bit 0): the eventq exists.</summary>
    ScmiP2AChannels = 1UL << 0,
    /// <summary>VIRTIO_SCMI_F_SHARED_MEMORY (bit 1): statistics regions; not offered.</summary>
    ScmiSharedMemory = 1UL << 1,
    /// <summary>VIRTIO_F_NOTIFY_ON_EMPTY (bit 24, legacy).</summary>
    NotifyOnEmpty = 1UL << 24,
    /// <summary>VIRTIO_F_INDIRECT_DESC (bit 28).</summary>
    IndirectDescriptors = 1UL << 28,
    /// <summary>VIRTIO_F_EVENT_IDX (bit 29).</summary>
    EventIndex = 1UL << 29,
    /// <summary>VHOST_USER_F_PROTOCOL_FEATURES (bit 30): vhost-user only, never seen by the guest driver's queues.</summary>
    VhostUserProtocolFeatures = 1UL << 30,
    /// <summary>VIRTIO_F_VERSION_1 (bit 32).</summary>
    Version1 = 1UL << 32,
    /// <summary>VIRTIO_F_RING_RESET (bit 40).</summary>
    RingReset = 1UL << 40,
}
