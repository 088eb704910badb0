// What a device-type driver does when its device interrupts: the dispatch target of VirtioDevice.HandleInterrupt. (virtio 1.3 §4.2.3.4)
namespace Virtio;

/// <summary>
/// Receives the causes of a device interrupt. A device-type driver (entropy, block, SCMI...) derives from
/// it; an abstract class because interface dispatch is not available on target.
/// </summary>
public abstract class UsedBufferHandler
{
    /// <summary>Queue <paramref name="queue"/> has used buffers to take (it may be a spurious call, §2.7.7.1).</summary>
    public abstract void OnUsedBuffers(SplitQueue queue);

    /// <summary>The device configuration changed, or the device now needs a reset (<paramref name="needsReset"/>).</summary>
    public abstract void OnConfigurationChanged(bool needsReset);
}
