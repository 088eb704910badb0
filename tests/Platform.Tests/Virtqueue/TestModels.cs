// Small IScmiDeviceModel implementations with known behaviour for transport tests.
using ScmiPlatform.Device;

namespace Platform.Tests.Virtqueue;

/// <summary>Records each request and answers NOT_SUPPORTED at once.</summary>
internal sealed class RecordingModel : IScmiDeviceModel
{
    public List<byte[]> Requests { get; } = new();
    public List<int> ReplyCapacities { get; } = new();
    public List<byte[]> Malformed { get; } = new();
    public IEventQueue? Events { get; private set; }
    public int EventKicks { get; private set; }

    public void Start(IEventQueue events) => Events = events;
    public void OnCommand(ICommandSlot slot)
    {
        Requests.Add(slot.Request.ToArray());
        ReplyCapacities.Add(slot.Reply.Length);
        slot.Complete(NotSupportedModel.WriteStatusReply(slot.Request, slot.Reply, NotSupportedModel.NotSupported));
    }
    public int OnMalformed(ReadOnlySpan<byte> request, Span<byte> reply)
    {
        Malformed.Add(request.ToArray());
        return NotSupportedModel.WriteStatusReply(request, reply, NotSupportedModel.CommsError);
    }
    public void OnEventBuffersAvailable() => EventKicks++;
    public void Reset() { }
}

/// <summary>Keeps every slot for the test to complete later (delayed completion).</summary>
internal sealed class DeferringModel : IScmiDeviceModel
{
    public List<ICommandSlot> Pending { get; } = new();
    public void Start(IEventQueue events) { }
    public void OnCommand(ICommandSlot slot) { lock (Pending) Pending.Add(slot); }
    public int OnMalformed(ReadOnlySpan<byte> request, Span<byte> reply) =>
        NotSupportedModel.WriteStatusReply(request, reply, NotSupportedModel.CommsError);
    public void OnEventBuffersAvailable() { }
    public void Reset() { }
}

/// <summary>A broken model: throws on every command.</summary>
internal sealed class ThrowingModel : IScmiDeviceModel
{
    private int _calls;
    public void Start(IEventQueue events) { }
    public void OnCommand(ICommandSlot slot)
    {
        if (_calls++ == 0)
            throw new InvalidOperationException("model bug");
        slot.Complete(NotSupportedModel.WriteStatusReply(slot.Request, slot.Reply, NotSupportedModel.NotSupported));
    }
    public int OnMalformed(ReadOnlySpan<byte> request, Span<byte> reply) =>
        NotSupportedModel.WriteStatusReply(request, reply, NotSupportedModel.CommsError);
    public void OnEventBuffersAvailable() { }
    public void Reset() { }
}
