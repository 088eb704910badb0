// Which context is draining the used rings: decides whether a receiver notice is delivered now or deferred.
namespace Scmi.Virtio;

/// <summary>The caller of a drain.</summary>
internal enum DrainContext
{
    /// <summary>The device's interrupt handler: notices are delivered at once.</summary>
    Interrupt,
    /// <summary>A poller waiting for its own reply: notices for other messages are deferred.</summary>
    Poller,
    /// <summary>The thread, leaving the queues after a send or fetch: notices are deferred.</summary>
    Thread,
}
