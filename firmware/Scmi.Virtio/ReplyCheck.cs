// Validation of one cmdq reply against the request it answers (SCMI DEN0056E §4.1.2, §4.1.4; virtio 1.3 §5.17.6.1).
using System;
using System.Buffers.Binary;

namespace Scmi.Virtio;

/// <summary>What a returned reply buffer turned out to be.</summary>
internal enum ReplyVerdict
{
    /// <summary>Header echo, status and length all check out.</summary>
    Valid,
    /// <summary>Shorter than header + status, or a success shorter than the expected return values.</summary>
    TooShort,
    /// <summary>Protocol, message id, type or reserved bits differ from the request.</summary>
    HeaderMismatch,
    /// <summary>The token differs: a reply meant for another message.</summary>
    TokenMismatch,
    /// <summary>A status value the specification does not define.</summary>
    UnknownStatus,
}

/// <summary>The reply rules in one place; reads the device-written bytes only within <c>writtenLength</c>.</summary>
internal static class ReplyCheck
{
    /// <summary>Header and status: the shortest reply there is.</summary>
    public const int MinimumReplyBytes = ScmiHeader.Size + 4;

    /// <summary>
    /// Checks <paramref name="reply"/> (the reply area; only the first <paramref name="writtenLength"/> bytes are the device's)
    /// against <paramref name="sent"/>. <paramref name="expectedReturnBytes"/> is what a successful reply must carry after the status.
    /// </summary>
    public static ReplyVerdict Check(ReadOnlySpan<byte> reply, uint writtenLength, ScmiHeader sent, int expectedReturnBytes, out int wireStatus)
    {
        wireStatus = 0;
        // virtio 1.3 §2.7.8.3: the driver trusts only the bytes the device says it wrote; SCMI needs header and status.
        if (writtenLength < MinimumReplyBytes || writtenLength > (uint)reply.Length)
            return ReplyVerdict.TooShort;
        var echo = new ScmiHeader(BinaryPrimitives.ReadUInt32LittleEndian(reply));
        // SCMI (DEN0056E) §4.1.2: a response carries the header of the command it answers, token included.
        if (echo.Token != sent.Token)
            return ReplyVerdict.TokenMismatch;
        if (echo.Value != sent.Value)
            return ReplyVerdict.HeaderMismatch;
        wireStatus = BinaryPrimitives.ReadInt32LittleEndian(reply.Slice(ScmiHeader.Size));
        ScmiStatus status = ScmiStatusCodes.FromWire(wireStatus);
        if (status == ScmiStatus.Unknown)
            return ReplyVerdict.UnknownStatus;
        // A successful reply must carry every return value the command defines: never hand out zero-filled fields.
        if (status == ScmiStatus.Success && writtenLength < (uint)(MinimumReplyBytes + expectedReturnBytes))
            return ReplyVerdict.TooShort;
        return ReplyVerdict.Valid;
    }

    /// <summary>
    /// Checks a platform-to-agent message: at least a header (SCMI §4.1: a notification may carry no payload),
    /// a delayed-response or notification type, reserved bits clear.
    /// </summary>
    public static bool CheckPlatformMessage(ReadOnlySpan<byte> message, uint writtenLength)
    {
        if (writtenLength < ScmiHeader.Size || writtenLength > (uint)message.Length)
            return false;
        var header = new ScmiHeader(BinaryPrimitives.ReadUInt32LittleEndian(message));
        if (header.HasReservedBits)
            return false;
        return header.Type == ScmiMessageType.DelayedResponse || header.Type == ScmiMessageType.Notification;
    }
}
