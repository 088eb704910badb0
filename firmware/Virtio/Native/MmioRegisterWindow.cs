// A virtio-mmio register window on target: device memory reached through the runtime's MMIO accessors.
using Nano.Runtime.Native;

namespace Virtio;

/// <summary>
/// The registers of one virtio-mmio transport at a physical address in the board's device window. Each
/// access is exactly one aligned access of the stated width (Mmio), with writel-style ordering: earlier
/// ring stores are visible before a QueueNotify write.
/// </summary>
public sealed class MmioRegisterWindow : RegisterWindow
{
    private readonly ulong _base;

    /// <summary>The window at <paramref name="baseAddress"/>.</summary>
    public MmioRegisterWindow(ulong baseAddress) => _base = baseAddress;

    /// <summary>Physical address of register 0.</summary>
    public ulong BaseAddress => _base;

    public override uint Read32(int offset) => Mmio.Read32(_base + (ulong)offset);

    public override void Write32(int offset, uint value) => Mmio.Write32(_base + (ulong)offset, value);

    public override byte Read8(int offset) => Mmio.Read8(_base + (ulong)offset);
}
