// The floor of the benchmarks: every command answered at once with SUCCESS and fixed zero values, no protocol model.
using System.Buffers.Binary;

namespace ScmiPlatform.Device;

/// <summary>
/// scmi-platform --null: answers every well-formed command in the call that delivered it, with the header
/// echoed, status SUCCESS and <see cref="ValueBytes"/> zero bytes of return values (fewer when the reply area
/// is smaller), so a benchmark against it measures the transport and the agent, not the platform's model.
/// A malformed request gets COMMS_ERROR, as from every other model.
/// </summary>
public sealed class NullPlatformModel : IScmiDeviceModel
{
    /// <summary>Return values sent with every reply: enough for the widest answer the benchmarks ask for (a 64-bit rate or reading).</summary>
    public const int ValueBytes = 8;
    private const int HeaderBytes = 4;
    private const int StatusBytes = 4;
    private const int Success = 0;

    public void Start(IEventQueue events)
    {
    }

    public void OnCommand(ICommandSlot slot) => slot.Complete(WriteReply(slot.Request, slot.Reply));

    public int OnMalformed(ReadOnlySpan<byte> request, Span<byte> reply) =>
        NotSupportedModel.WriteStatusReply(request, reply, NotSupportedModel.CommsError);

    public void OnEventBuffersAvailable()
    {
    }

    public void Reset()
    {
    }

    /// <summary>Header echo, SUCCESS, then zero values as far as the reply area reaches (at most <see cref="ValueBytes"/>); 0 when not even the status fits.</summary>
    public static int WriteReply(ReadOnlySpan<byte> request, Span<byte> reply)
    {
        int length = NotSupportedModel.WriteStatusReply(request, reply, Success);
        if (length == 0)
            return 0;
        int values = Math.Min(ValueBytes, reply.Length - length);
        reply.Slice(length, values).Clear();
        return length + values;
    }
}
