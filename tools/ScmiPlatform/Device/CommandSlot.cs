// One cmdq message on its way through the model: request copied out, reply area waiting to be copied back.
using ScmiPlatform.Virtqueue;

namespace ScmiPlatform.Device;

/// <summary>
/// The device's <see cref="ICommandSlot"/>. Owned by the model from OnCommand until Complete; the chain
/// stays owned by the device (not returned to the driver) until then.
///
/// A queue keeps one slot per descriptor head and reuses it for the next chain with that head, so serving a
/// command allocates nothing: its request copy, reply area and writable segments are kept between uses. A slot is
/// only reused once its completion has returned the chain (<see cref="TryClaim"/>); a driver that offers a head
/// again while the device still owns it gets a fresh slot, exactly as before pooling.
/// </summary>
internal sealed class CommandSlot : ICommandSlot
{
    /// <summary>Request and reply buffers up to this size are kept for the next use; larger ones are dropped after it.</summary>
    public const int KeptBufferBytes = 4096;
    private const int Free = 0;
    private const int WithModel = 1;
    private const int Completing = 2;

    private readonly ScmiVirtioDevice _device;
    private BufferSegment[] _writable = new BufferSegment[1];
    private int _writableCount;
    private byte[] _request = [];
    private int _requestLength;
    private byte[] _reply = [];
    private int _replyLength;
    private int _state = Free;

    public CommandSlot(ScmiVirtioDevice device, QueueBinding binding)
    {
        _device = device;
        Binding = binding;
    }

    internal QueueBinding Binding { get; }
    internal ushort Head { get; private set; }
    internal ReadOnlySpan<BufferSegment> Writable => _writable.AsSpan(0, _writableCount);
    internal bool IsCompleted => Volatile.Read(ref _state) != WithModel;

    public ReadOnlySpan<byte> Request => _request.AsSpan(0, _requestLength);
    public Span<byte> Reply => _reply.AsSpan(0, _replyLength);

    /// <summary>Takes a free slot for a new chain; false while an earlier chain with the same head is still in it.</summary>
    internal bool TryClaim() => Interlocked.CompareExchange(ref _state, WithModel, Free) == Free;

    /// <summary>
    /// Fills a claimed slot from a validated chain: copies the request out of guest memory, keeps the writable
    /// segments and offers a zeroed reply area as large as they are (at most <paramref name="maxBytes"/>).
    /// </summary>
    internal void Load(GuestMemory memory, DescriptorChain chain, int maxBytes)
    {
        Head = chain.Head;
        _request = Buffer(_request, (int)Math.Min(chain.ReadableBytes, (ulong)maxBytes));
        _requestLength = chain.CopyReadable(memory, _request.AsSpan(0, (int)Math.Min(chain.ReadableBytes, (ulong)maxBytes)));
        _replyLength = (int)Math.Min(chain.WritableBytes, (ulong)maxBytes);
        _reply = Buffer(_reply, _replyLength);
        // A reply area starts zeroed, as a fresh one did: a model never sees the previous command's bytes.
        _reply.AsSpan(0, _replyLength).Clear();
        _writableCount = 0;
        foreach (BufferSegment segment in chain.SegmentSpan)
        {
            if (!segment.IsDeviceWritable)
                continue;
            if (_writableCount == _writable.Length)
                Array.Resize(ref _writable, _writable.Length * 2);
            _writable[_writableCount++] = segment;
        }
    }

    public void Complete(int replyLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(replyLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(replyLength, _replyLength);
        if (Interlocked.CompareExchange(ref _state, Completing, WithModel) != WithModel)
            throw new InvalidOperationException($"command slot (head {Head}) completed twice");
        ReturnAndRelease(replyLength);
    }

    /// <summary>Completes through the model's malformed-request path when the model failed on this slot.</summary>
    internal void CompleteAfterModelFault(IScmiDeviceModel model)
    {
        if (Interlocked.CompareExchange(ref _state, Completing, WithModel) != WithModel)
            return;
        Span<byte> reply = Reply;
        reply.Clear();
        int length = 0;
        try { length = Math.Clamp(model.OnMalformed(Request, reply), 0, reply.Length); }
        catch (Exception) { length = 0; }
        ReturnAndRelease(length);
    }

    private void ReturnAndRelease(int replyLength)
    {
        try
        {
            _device.ReturnChain(Binding, Head, Writable, _reply.AsSpan(0, replyLength));
        }
        finally
        {
            // A rare huge message does not keep its buffers for ever (one pair per head would add up).
            if (_request.Length > KeptBufferBytes)
                _request = [];
            if (_reply.Length > KeptBufferBytes)
                _reply = [];
            // Only now may the next chain with this head reuse the buffers the reply was copied from.
            Volatile.Write(ref _state, Free);
        }
    }

    /// <summary>A buffer of at least <paramref name="bytes"/>: the kept one when it is large enough, else a new one.</summary>
    private static byte[] Buffer(byte[] kept, int bytes) =>
        bytes <= kept.Length ? kept : new byte[bytes <= KeptBufferBytes ? Math.Max(bytes, Math.Min(2 * kept.Length, KeptBufferBytes)) : bytes];
}
