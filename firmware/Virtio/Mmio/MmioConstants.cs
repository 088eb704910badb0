// Fixed values of the virtio-mmio transport (virtio 1.3 §4.2.2, §4.2.4).
namespace Virtio;

/// <summary>Values the virtio-mmio transport defines.</summary>
public static class MmioConstants
{
    /// <summary>"virt" read as a little-endian u32 from <see cref="MmioRegister.MagicValue"/>.</summary>
    public const uint MagicValue = 0x74726976;

    /// <summary><see cref="MmioRegister.Version"/> of the legacy (pre-1.0) register layout.</summary>
    public const uint LegacyVersion = 1;

    /// <summary><see cref="MmioRegister.Version"/> of the register layout this specification defines.</summary>
    public const uint ModernVersion = 2;

    /// <summary>Size of one transport's register window on QEMU virt (control registers plus 0x100 of config).</summary>
    public const int WindowSize = 0x200;

    /// <summary>Page size the legacy layout counts <see cref="MmioRegister.QueuePageFrameNumber"/> in, and the used ring alignment we ask for.</summary>
    public const int LegacyPageSize = 4096;
}
