// An SCMI agent's virtio driver in a test: both queues in guest RAM, driving the real device adapter.
using ScmiPlatform.Device;
using ScmiPlatform.Virtqueue;

namespace Platform.Tests.Doubles;

/// <summary>
/// Drives an <see cref="IScmiDeviceModel"/> through the real <see cref="ScmiVirtioDevice"/> and real
/// <see cref="SplitVirtqueue"/>s over guest RAM, through the entry points the vhost-user server uses
/// (StartQueue at ring start, OnKick on a kick eventfd). Protocol tests send a request and read the reply:
/// <code>
/// using var driver = new ScmiDriverDouble(model);
/// byte[] reply = driver.Transact(request);
/// </code>
/// </summary>
public sealed class ScmiDriverDouble : IDisposable
{
    public const VirtioFeatures DefaultFeatures = VirtioFeatures.Version1 | ScmiFeatures.P2AChannels;
    private readonly GuestMemory _deviceMemory;
    private readonly List<ushort> _eventBuffers = new();

    public ScmiDriverDouble(IScmiDeviceModel model, VirtioFeatures features = DefaultFeatures, int queueSize = 64,
        TransportLog? log = null, bool start = true)
    {
        Model = model;
        Features = features;
        Ram = new GuestRam();
        _deviceMemory = Ram.DeviceView();
        CommandQueue = new DriverQueue(Ram, queueSize);
        EventQueue = new DriverQueue(Ram, queueSize);
        Device = new ScmiVirtioDevice(model, log ?? TransportLog.Silent);
        if (start)
            Start();
    }

    public IScmiDeviceModel Model { get; }
    public VirtioFeatures Features { get; }
    public GuestRam Ram { get; }
    public DriverQueue CommandQueue { get; }
    public DriverQueue EventQueue { get; }
    public ScmiVirtioDevice Device { get; }
    public RecordingSignals CommandSignals { get; } = new();
    public RecordingSignals EventSignals { get; } = new();

    /// <summary>What the vhost-user server does once features, memory and rings are set: start both queues.</summary>
    public void Start()
    {
        Device.NegotiatedFeatures = Features;
        Device.StartQueue(ScmiVirtioDevice.CommandQueueIndex, CreateDeviceQueue(CommandQueue), CommandSignals);
        if (Features.HasFlag(ScmiFeatures.P2AChannels))
            Device.StartQueue(ScmiVirtioDevice.EventQueueIndex, CreateDeviceQueue(EventQueue), EventSignals);
    }

    /// <summary>The device-side queue over this driver queue, as the vhost-user server builds it.</summary>
    public SplitVirtqueue CreateDeviceQueue(DriverQueue queue, ushort nextAvailIndex = 0) =>
        SplitVirtqueue.TryCreate(_deviceMemory, queue.Size, queue.DescriptorTable, queue.AvailRing, queue.UsedRing,
            Features, nextAvailIndex, out string? error) ?? throw new InvalidOperationException(error);

    /// <summary>Notifies the device about queue <paramref name="index"/> (a write to the kick eventfd).</summary>
    public void Kick(int index) => Device.OnKick(index);

    /// <summary>Posts a cmdq request with a reply area of <paramref name="replyCapacity"/> bytes and kicks.</summary>
    public ushort Send(byte[] request, int replyCapacity = 128)
    {
        ushort head = Features.HasFlag(VirtioFeatures.IndirectDescriptors) && PreferIndirect
            ? CommandQueue.AddIndirectChain([request], [replyCapacity])
            : CommandQueue.AddChain([request], [replyCapacity]);
        Kick(ScmiVirtioDevice.CommandQueueIndex);
        return head;
    }

    /// <summary>Use indirect descriptors for <see cref="Send"/> when they were negotiated.</summary>
    public bool PreferIndirect { get; set; }

    /// <summary>Takes the next returned cmdq chain and its reply bytes.</summary>
    public bool TryReceive(out UsedElement used, out byte[] reply)
    {
        reply = [];
        if (!CommandQueue.TryTakeUsed(out used))
            return false;
        reply = CommandQueue.ReadReply(used.Id, used.Length);
        return true;
    }

    /// <summary>Sends one request and returns its reply; the model must complete it synchronously.</summary>
    public byte[] Transact(byte[] request, int replyCapacity = 128)
    {
        ushort head = Send(request, replyCapacity);
        if (!TryReceive(out UsedElement used, out byte[] reply))
            throw new InvalidOperationException("the device did not return the chain (model completes later? use Send/TryReceive)");
        if (used.Id != head)
            throw new InvalidOperationException($"used element {used.Id} does not match the chain sent ({head})");
        return reply;
    }

    /// <summary>
    /// <see cref="Transact"/> without allocating in this double: the reply lands in <paramref name="reply"/>
    /// (its length is the reply area offered) and its length is returned.
    /// </summary>
    public int TransactInto(ReadOnlySpan<byte> request, Span<byte> reply)
    {
        ushort head = CommandQueue.AddRequest(request, reply.Length);
        Kick(ScmiVirtioDevice.CommandQueueIndex);
        if (!CommandQueue.TryTakeUsed(out UsedElement used))
            throw new InvalidOperationException("the device did not return the chain (model completes later? use Send/TryReceive)");
        if (used.Id != head)
            throw new InvalidOperationException($"used element {used.Id} does not match the chain sent ({head})");
        return CommandQueue.ReadReply(used.Id, used.Length, reply);
    }

    /// <summary>Posts <paramref name="count"/> device-writable eventq buffers and kicks the eventq.</summary>
    public void PostEventBuffers(int count, int bytes = 128)
    {
        for (int i = 0; i < count; i++)
            _eventBuffers.Add(EventQueue.AddChain([], [bytes]));
        Kick(ScmiVirtioDevice.EventQueueIndex);
    }

    /// <summary>Takes the next platform-to-agent message; reposts the buffer when <paramref name="repost"/>.</summary>
    public bool TryTakeEvent(out byte[] message, bool repost = true, int bytes = 128)
    {
        message = [];
        if (!EventQueue.TryTakeUsed(out UsedElement used))
            return false;
        message = EventQueue.ReadReply(used.Id, used.Length);
        if (repost)
            PostEventBuffers(1, bytes);
        return true;
    }

    public void Dispose()
    {
        Device.Reset();
        _deviceMemory.Dispose();
        Ram.Dispose();
    }
}
