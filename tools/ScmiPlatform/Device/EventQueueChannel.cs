// The eventq as the model sees it: deliver one platform-to-agent message into the next posted buffer.
namespace ScmiPlatform.Device;

/// <summary>The device's <see cref="IEventQueue"/>; all work happens under the device lock.</summary>
internal sealed class EventQueueChannel(ScmiVirtioDevice device) : IEventQueue
{
    public bool IsAvailable => device.IsEventQueueAvailable;

    public bool TryDeliver(ReadOnlySpan<byte> message) => device.TryDeliverEvent(message);
}
