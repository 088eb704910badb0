// The life of one entry of the agent's transfer pool (firmware/Scmi/README.md draws the edges).
namespace Scmi;

/// <summary>Where a transfer is; every edge is moved by the thread that owns the agent (never an interrupt).</summary>
public enum ScmiTransferState : byte
{
    /// <summary>In the pool.</summary>
    Free = 0,
    /// <summary>Handed to the transport; the synchronous reply is awaited.</summary>
    Sent,
    /// <summary>An asynchronous command's synchronous reply said SUCCESS; its delayed response is awaited (the token stays held).</summary>
    AwaitingDelayed,
    /// <summary>The delayed response is in (possibly before the synchronous reply), waiting to be collected.</summary>
    DelayedReceived,
    /// <summary>The delayed response did not come in time: the token stays held for one more delayed timeout, then the transfer is freed.</summary>
    Quarantined,
}
