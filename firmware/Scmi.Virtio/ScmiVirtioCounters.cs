// Tallies of the SCMI virtio channel: traffic, and every misbehaviour it caught. Updated with Interlocked from any context.
namespace Scmi.Virtio;

/// <summary>What the channel has seen. A well-behaved platform leaves every rejection count at zero.</summary>
public sealed class ScmiVirtioCounters
{
    /// <summary>Commands exposed to the device and kicked (each accepted send once, whoever exposed it).</summary>
    public ulong Sent;
    /// <summary>Replies taken off the cmdq for a message still awaited (valid or not).</summary>
    public ulong Replied;
    /// <summary>Of <see cref="Replied"/>, those for polled messages.</summary>
    public ulong Polled;
    /// <summary>Receiver notifications put on the pending list for deferred processing.</summary>
    public ulong Deferred;
    /// <summary>Transfers the caller gave up on.</summary>
    public ulong TimedOut;
    /// <summary>Replies that came after their transfer timed out: discarded, buffer freed.</summary>
    public ulong Late;
    /// <summary>Replies carrying another message's token.</summary>
    public ulong Unexpected;
    /// <summary>Replies or platform messages that failed validation (length, header, status, short return values).</summary>
    public ulong Malformed;
    /// <summary>Sends refused because no message or no token was free (another context in the queues is not a refusal).</summary>
    public ulong Busy;
    /// <summary>Delayed responses and notifications received and queued for the core.</summary>
    public ulong Notifications;
    /// <summary>Platform messages lost: queued ones thrown away by a channel reset or shutdown.</summary>
    public ulong Dropped;
    /// <summary>Times a broken ring was repaired by resetting the device.</summary>
    public ulong RingResets;
    /// <summary>Transfers failed with ChannelReset by those repairs.</summary>
    public ulong FailedByReset;
    /// <summary>Sends that found another context inside the queues and handed their message to it.</summary>
    public ulong HandedOver;
    /// <summary>Interrupts handled.</summary>
    public ulong Interrupts;
}
