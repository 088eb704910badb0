// What the board or the caller chooses for the SCMI virtio channel: sizes, timeouts, polling, compliance.
namespace Scmi.Virtio;

/// <summary>The choices of <see cref="ScmiVirtioTransport.Create"/>; the defaults suit QEMU's vhost-user-scmi.</summary>
public sealed class ScmiVirtioOptions
{
    /// <summary>Largest payload after the header (and status): 128 bytes, as Linux's virtio transport.</summary>
    public int MaxPayloadBytes = 128;

    /// <summary>cmdq entries asked for (the device may offer fewer); the pool holds half of them, at most 1024.</summary>
    public ushort CommandQueueSize = 256;

    /// <summary>eventq entries asked for; one posted buffer each, at most 1024.</summary>
    public ushort EventQueueSize = 256;

    /// <summary>Refuse legacy devices and devices without VIRTIO_F_VERSION_1 (Linux's compliance switch).</summary>
    public bool RequireVersion1;

    /// <summary>
    /// Ask for VIRTIO_F_EVENT_IDX (default off): the rings' used_event/avail_event then say when a kick or an interrupt
    /// is wanted, instead of the flags (virtio 1.3 §2.7.7, §2.7.10). ./nf bench turns it on to move the notification path.
    /// </summary>
    public bool EventIndex;

    /// <summary>Ask every transfer to be polled (default off, like Linux's atomic-transport Kconfig switch).</summary>
    public bool ForcePolling;

    /// <summary>Synchronous reply timeout: generous (60 s), like Linux's virtio transport, since the platform is another process.</summary>
    public ulong SyncTimeoutMicroseconds = 60_000_000;

    /// <summary>Delayed-response timeout, separate from the synchronous one.</summary>
    public ulong DelayedTimeoutMicroseconds = 60_000_000;

    /// <summary>When set, one compact line per message and per rejection.</summary>
    public ScmiTraceSink? Trace;
}
