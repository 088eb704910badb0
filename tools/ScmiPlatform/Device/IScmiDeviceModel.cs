// The boundary between the device-independent virtqueue service and the SCMI platform model.
namespace ScmiPlatform.Device;

/// <summary>
/// One cmdq message: a device-readable request and a device-writable reply area (virtio 1.3 §5.17.6.1,
/// "one message per buffer"). The queue service has already validated the chain and copied the request
/// out of guest memory; the reply is copied back into guest memory on <see cref="Complete"/>.
/// </summary>
public interface ICommandSlot
{
    /// <summary>The request bytes (header and parameters) exactly as the driver wrote them.</summary>
    ReadOnlySpan<byte> Request { get; }

    /// <summary>Scratch space as large as the chain's writable part; write the reply here.</summary>
    Span<byte> Reply { get; }

    /// <summary>
    /// Returns the buffer to the driver with <paramref name="replyLength"/> bytes of <see cref="Reply"/>.
    /// Exactly once; thread-safe; may be called later than <see cref="IScmiDeviceModel.OnCommand"/>
    /// returned (delayed or reordered completion).
    /// </summary>
    void Complete(int replyLength);
}

/// <summary>The eventq seen from the platform: device-writable buffers the driver posted.</summary>
public interface IEventQueue
{
    /// <summary>True when P2A_CHANNELS was negotiated and the eventq is running.</summary>
    bool IsAvailable { get; }

    /// <summary>Writes one platform-to-agent message into the next posted buffer; false when none is posted
    /// or the message does not fit (the caller keeps it and retries on <see cref="IScmiDeviceModel.OnEventBuffersAvailable"/>).
    /// Thread-safe.</summary>
    bool TryDeliver(ReadOnlySpan<byte> message);
}

/// <summary>What the SCMI platform model offers the queue service.</summary>
public interface IScmiDeviceModel
{
    /// <summary>Called when the driver starts the device (DRIVER_OK, rings enabled).</summary>
    void Start(IEventQueue events);

    /// <summary>One well-formed cmdq chain. Complete the slot now or later, exactly once.</summary>
    void OnCommand(ICommandSlot slot);

    /// <summary>
    /// A chain the queue service had to reject (bad descriptors, no room). Write the best error reply
    /// the reply area allows (header echo + COMMS_ERROR or PROTOCOL_ERROR) and return its length, or 0
    /// when not even the status word fits. <paramref name="request"/> holds what could be read safely.
    /// </summary>
    int OnMalformed(ReadOnlySpan<byte> request, Span<byte> reply);

    /// <summary>The driver posted eventq buffers: deliver what was waiting (delayed responses first).</summary>
    void OnEventBuffersAvailable();

    /// <summary>The frontend reset the device or disconnected: drop in-flight state, keep the description.</summary>
    void Reset();
}
