// The one vhost-user bit carried in the virtio feature set.
using ScmiPlatform.Virtqueue;

namespace ScmiPlatform.VhostUser;

/// <summary>vhost-user's bit in GET_FEATURES/SET_FEATURES, as a member of the <see cref="VirtioFeatures"/> set.</summary>
public static class VhostUserFeatures
{
    /// <summary>VHOST_USER_F_PROTOCOL_FEATURES (bit 30): protocol features negotiable; vhost-user only, never seen by the guest.</summary>
    public const VirtioFeatures ProtocolFeatures = (VirtioFeatures)(1UL << 30);
}
