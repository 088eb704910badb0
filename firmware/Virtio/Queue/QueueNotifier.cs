// The transport operation a queue needs: tell the device a queue has new buffers.
namespace Virtio;

/// <summary>
/// Sends an available-buffer notification for a queue. The transport implements it (virtio-mmio writes
/// QueueNotify); the queue stays transport-agnostic.
/// </summary>
public abstract class QueueNotifier
{
    /// <summary>Notifies the device that queue <paramref name="queueIndex"/> has new available buffers.</summary>
    public abstract void NotifyQueue(ushort queueIndex);
}
