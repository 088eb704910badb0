// The smallest model that keeps the whole path honest: every command answers NOT_SUPPORTED.
using System.Buffers.Binary;

namespace ScmiPlatform.Device;

/// <summary>
/// Answers every command with its header echoed and status NOT_SUPPORTED (-1), and a malformed request
/// with COMMS_ERROR (-7) when the reply area holds a header and a status. Used until the SCMI protocol
/// model is wired in, and by transport tests that need a model with known answers.
/// </summary>
public sealed class NotSupportedModel : IScmiDeviceModel
{
    // DEN0056 §4.1.4 status codes.
    public const int NotSupported = -1;
    public const int CommsError = -7;
    private const int HeaderBytes = 4;
    private const int StatusBytes = 4;

    private int _starts, _resets;

    public int Starts => Volatile.Read(ref _starts);
    public int Resets => Volatile.Read(ref _resets);

    public void Start(IEventQueue events) => Interlocked.Increment(ref _starts);

    public void OnCommand(ICommandSlot slot) => slot.Complete(WriteStatusReply(slot.Request, slot.Reply, NotSupported));

    public int OnMalformed(ReadOnlySpan<byte> request, Span<byte> reply) => WriteStatusReply(request, reply, CommsError);

    public void OnEventBuffersAvailable() { }

    public void Reset() => Interlocked.Increment(ref _resets);

    /// <summary>Writes header echo (zero when the request has none) and <paramref name="status"/>; 0 when they do not fit.</summary>
    public static int WriteStatusReply(ReadOnlySpan<byte> request, Span<byte> reply, int status)
    {
        if (reply.Length < HeaderBytes + StatusBytes)
            return 0;
        uint header = request.Length >= HeaderBytes ? BinaryPrimitives.ReadUInt32LittleEndian(request) : 0;
        BinaryPrimitives.WriteUInt32LittleEndian(reply, header);
        BinaryPrimitives.WriteInt32LittleEndian(reply[HeaderBytes..], status);
        return HeaderBytes + StatusBytes;
    }
}
