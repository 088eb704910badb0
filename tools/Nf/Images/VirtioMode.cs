// The virtio-mmio register layout QEMU presents; an image may be booted under each.
namespace Nf.Images;

public enum VirtioMode
{
    /// <summary>Version 1 registers, QEMU's default (force-legacy=on).</summary>
    Legacy,
    /// <summary>Version 2 registers (force-legacy=false).</summary>
    Modern,
}
