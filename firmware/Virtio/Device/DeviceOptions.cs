// What the caller asks of device initialisation. (virtio 1.3 §3.1, §6)
namespace Virtio;

/// <summary>The caller's choices for <see cref="VirtioDevice.Initialize"/>.</summary>
public readonly struct DeviceOptions
{
    /// <summary>Asks for <paramref name="wantedFeatures"/> (device-type bits and supported transport bits); <paramref name="requireVersion1"/> refuses legacy devices.</summary>
    public DeviceOptions(ulong wantedFeatures, bool requireVersion1)
    {
        WantedFeatures = wantedFeatures;
        RequireVersion1 = requireVersion1;
    }

    /// <summary>Feature bits the caller can use if offered; see <see cref="FeatureNegotiation.Accept"/>.</summary>
    public ulong WantedFeatures { get; }

    /// <summary>
    /// Refuse a device that is legacy or does not offer VIRTIO_F_VERSION_1 (§6.1: "A driver MAY fail to
    /// operate further if VIRTIO_F_VERSION_1 is not offered"), like Linux's spec-compliance switch.
    /// </summary>
    public bool RequireVersion1 { get; }
}
