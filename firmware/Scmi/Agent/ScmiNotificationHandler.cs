// What the agent calls for a notification; an abstract class because interface dispatch is not available on target.
namespace Scmi;

/// <summary>
/// Registered with <c>ScmiAgent.Subscribe</c> for one (protocol, event) pair: one virtual call per
/// notification, no delegate and no allocation. Runs in the context that calls
/// <c>ScmiAgent.ProcessPlatformMessages</c> (thread, never an interrupt handler); must not block.
/// </summary>
public abstract class ScmiNotificationHandler
{
    /// <summary>One notification; <paramref name="notification"/> is valid only during the call.</summary>
    public abstract void OnNotification(in ScmiNotification notification);
}
