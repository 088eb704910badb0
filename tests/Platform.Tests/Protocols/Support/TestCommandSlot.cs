// A cmdq message as the queue service would hand it to the model, recording how it is completed.
using ScmiPlatform.Device;

namespace Platform.Tests.Protocols.Support;

/// <summary>Request bytes plus a reply area of a chosen size; fails the test if completed twice.</summary>
public sealed class TestCommandSlot : ICommandSlot
{
    private readonly byte[] _request;
    private readonly byte[] _reply;
    private readonly Action<TestCommandSlot>? _onComplete;

    public TestCommandSlot(byte[] request, int replyCapacity, Action<TestCommandSlot>? onComplete = null)
    {
        _request = request;
        _reply = new byte[replyCapacity];
        _onComplete = onComplete;
    }

    public ReadOnlySpan<byte> Request => _request;
    public Span<byte> Reply => _reply;
    public bool IsCompleted => CompletionCount > 0;
    public int CompletionCount { get; private set; }
    public int ReplyLength { get; private set; } = -1;

    /// <summary>The bytes returned to the driver.</summary>
    public byte[] ReplyBytes => IsCompleted ? _reply[..ReplyLength] : throw new InvalidOperationException("slot not completed");

    public void Complete(int replyLength)
    {
        if (CompletionCount++ > 0) throw new InvalidOperationException("ICommandSlot.Complete called twice");
        if (replyLength < 0 || replyLength > _reply.Length) throw new InvalidOperationException($"reply length {replyLength} outside 0..{_reply.Length}");
        ReplyLength = replyLength;
        _onComplete?.Invoke(this);
    }
}
