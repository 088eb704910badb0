// The core's side of completion: what a transport calls when a reply or a platform message is in (Linux: scmi_rx_callback).
namespace Scmi;

/// <summary>
/// Told by a transport that something arrived. Optional: a waiter can also watch
/// <see cref="ScmiTransport.IsDone"/>. An abstract class because interface dispatch is not available on target.
/// Both methods may run in interrupt context and must not block.
/// </summary>
public abstract class ScmiReceiver
{
    /// <summary>The reply to <paramref name="message"/> (sent without polling) is in. Context: any (IRQ, thread, poller's deferred pass).</summary>
    public abstract void OnResponse(ScmiMessageHandle message);

    /// <summary>A delayed response or notification can be fetched. Context: any (IRQ, thread).</summary>
    public abstract void OnPlatformMessage();
}
