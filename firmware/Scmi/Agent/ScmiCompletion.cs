// How one call waits for its reply: the agent's default, the device's interrupt, or polling the used ring.
namespace Scmi;

/// <summary>Chosen per call; <see cref="Default"/> follows <c>ScmiAgent.Polling</c> (the shell's <c>mode irq|poll</c>).</summary>
public enum ScmiCompletion : byte
{
    /// <summary>The agent's current mode.</summary>
    Default = 0,
    /// <summary>Wait for the transport's interrupt to complete the transfer.</summary>
    Interrupt,
    /// <summary>Poll the transport (Linux: the atomic / polling mode); works with interrupts masked.</summary>
    Poll,
}
