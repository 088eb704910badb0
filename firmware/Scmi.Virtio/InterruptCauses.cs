// The transport's target of VirtioDevice.HandleInterrupt: records what the interrupt said, drains nothing itself.
using Virtio;

namespace Scmi.Virtio;

/// <summary>
/// Collects the causes of one interrupt; the transport drains afterwards, once, under its owner word
/// (the device calls <see cref="OnUsedBuffers"/> once per queue).
/// </summary>
internal sealed class InterruptCauses : UsedBufferHandler
{
    /// <summary>Some queue has used buffers (or the notification was spurious).</summary>
    public bool UsedBuffers;
    /// <summary>The device set DEVICE_NEEDS_RESET.</summary>
    public bool NeedsReset;

    public void Clear()
    {
        UsedBuffers = false;
        NeedsReset = false;
    }

    public override void OnUsedBuffers(SplitQueue queue) => UsedBuffers = true;

    public override void OnConfigurationChanged(bool needsReset) => NeedsReset |= needsReset;
}
