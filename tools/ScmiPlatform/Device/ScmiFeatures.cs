// The virtio SCMI device's own feature bits (virtio 1.3 §5.17.3).
using ScmiPlatform.Virtqueue;

namespace ScmiPlatform.Device;

/// <summary>Device-specific feature bits of the SCMI device, as members of the one <see cref="VirtioFeatures"/> set.</summary>
public static class ScmiFeatures
{
    /// <summary>VIRTIO_SCMI_F_P2A_CHANNELS (bit 0): the eventq exists (delayed responses, notifications).</summary>
    public const VirtioFeatures P2AChannels = (VirtioFeatures)(1UL << 0);

    /// <summary>VIRTIO_SCMI_F_SHARED_MEMORY (bit 1): statistics regions; not offered.</summary>
    public const VirtioFeatures SharedMemory = (VirtioFeatures)(1UL << 1);
}
