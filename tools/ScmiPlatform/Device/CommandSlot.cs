// One cmdq message on its way through the model: request copied out, reply area waiting to be copied back.
using ScmiPlatform.Virtqueue;

namespace ScmiPlatform.Device;

/// <summary>
/// The device's <see cref="ICommandSlot"/>. Owned by the model from OnCommand until Complete; the chain
/// stays owned by the device (not returned to the driver) until then.
/// </summary>
internal sealed class CommandSlot : ICommandSlot
{
    private readonly ScmiVirtioDevice _device;
    private readonly byte[] _request;
    private readonly byte[] _reply;
    private int _completed;

    public CommandSlot(ScmiVirtioDevice device, QueueBinding binding, ushort head, byte[] request, BufferSegment[] writable, int replyCapacity)
    {
        _device = device;
        Binding = binding;
        Head = head;
        _request = request;
        Writable = writable;
        _reply = new byte[replyCapacity];
    }

    internal QueueBinding Binding { get; }
    internal ushort Head { get; }
    internal BufferSegment[] Writable { get; }
    internal bool IsCompleted => Volatile.Read(ref _completed) != 0;

    public ReadOnlySpan<byte> Request => _request;
    public Span<byte> Reply => _reply;

    public void Complete(int replyLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(replyLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(replyLength, _reply.Length);
        if (Interlocked.Exchange(ref _completed, 1) != 0)
            throw new InvalidOperationException($"command slot (head {Head}) completed twice");
        _device.ReturnChain(Binding, Head, Writable, _reply.AsSpan(0, replyLength));
    }

    /// <summary>Completes through the model's malformed-request path when the model failed on this slot.</summary>
    internal void CompleteAfterModelFault(IScmiDeviceModel model)
    {
        if (Interlocked.Exchange(ref _completed, 1) != 0)
            return;
        Array.Clear(_reply);
        int length = 0;
        try { length = Math.Clamp(model.OnMalformed(_request, _reply), 0, _reply.Length); }
        catch (Exception) { length = 0; }
        _device.ReturnChain(Binding, Head, Writable, _reply.AsSpan(0, length));
    }
}
