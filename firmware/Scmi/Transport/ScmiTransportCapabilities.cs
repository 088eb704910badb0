// What a transport can do, fixed when its channel is set up (Linux: struct scmi_desc).
namespace Scmi;

/// <summary>
/// A transport's fixed capabilities, read by the core to size transfers and choose between interrupt
/// and polling completion. Immutable once the channel is up.
/// </summary>
public readonly struct ScmiTransportCapabilities
{
    /// <summary>Describes a channel.</summary>
    public ScmiTransportCapabilities(int maxPayloadBytes, int maxInFlight, int maxPlatformMessages, bool hasPlatformChannel,
        ulong syncTimeoutMicroseconds, ulong delayedTimeoutMicroseconds, bool pollingSupported, bool forcePolling)
    {
        MaxPayloadBytes = maxPayloadBytes;
        MaxInFlight = maxInFlight;
        MaxPlatformMessages = maxPlatformMessages;
        HasPlatformChannel = hasPlatformChannel;
        SyncTimeoutMicroseconds = syncTimeoutMicroseconds;
        DelayedTimeoutMicroseconds = delayedTimeoutMicroseconds;
        PollingSupported = pollingSupported;
        ForcePolling = forcePolling;
    }

    /// <summary>Largest parameter or return-value payload, excluding header and status.</summary>
    public int MaxPayloadBytes { get; }

    /// <summary>Commands that may be in flight at once (the message pool).</summary>
    public int MaxInFlight { get; }

    /// <summary>Platform-to-agent buffers (0 without a P2A channel).</summary>
    public int MaxPlatformMessages { get; }

    /// <summary>True when delayed responses and notifications can arrive; without it none may be requested.</summary>
    public bool HasPlatformChannel { get; }

    /// <summary>How long a synchronous reply may take.</summary>
    public ulong SyncTimeoutMicroseconds { get; }

    /// <summary>How long a delayed response may take after its synchronous reply.</summary>
    public ulong DelayedTimeoutMicroseconds { get; }

    /// <summary>True when <see cref="ScmiTransport.PollDone"/> can complete a transfer without interrupts.</summary>
    public bool PollingSupported { get; }

    /// <summary>True when the board asks every transfer to be polled (Linux: the atomic/polling Kconfig switch).</summary>
    public bool ForcePolling { get; }
}
