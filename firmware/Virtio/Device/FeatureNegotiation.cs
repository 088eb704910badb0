// Which offered feature bits the driver accepts (virtio 1.3 §2.2.1, §6.1).
namespace Virtio;

/// <summary>The rule that turns the device's offer and the caller's wishes into the accepted subset.</summary>
public static class FeatureNegotiation
{
    /// <summary>Bits 0 to 23 belong to the device type (§2.2); the caller knows which of them it drives.</summary>
    public const ulong DeviceTypeBits = (1UL << 24) - 1;

    /// <summary>Transport and ring bits this layer implements and lets a caller ask for.</summary>
    public const ulong SupportedTransportBits = (ulong)(VirtioFeatures.EventIndex | VirtioFeatures.Version1);

    /// <summary>
    /// The subset to accept: §2.2.1 "The driver MUST NOT accept a feature which the device did not offer"
    /// and "MUST ignore and MUST NOT accept any feature bit that is not described in this specification"
    /// (so only device-type bits the caller names and the transport bits implemented here pass), and §6.1
    /// "A driver MUST accept VIRTIO_F_VERSION_1 if it is offered."
    /// </summary>
    public static ulong Accept(ulong offered, ulong wanted)
    {
        ulong understood = (wanted & DeviceTypeBits) | (wanted & SupportedTransportBits) | (ulong)VirtioFeatures.Version1;
        return offered & understood;
    }
}
