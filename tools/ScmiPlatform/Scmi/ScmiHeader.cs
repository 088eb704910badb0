// The SCMI message header: one little-endian u32 (Arm DEN0056 v3.2, §4.1.2 "Message header format").
using System.Buffers.Binary;

namespace ScmiPlatform.Scmi;

/// <summary>A decoded header: message id 7:0, type 9:8, protocol 17:10, token 27:18, reserved 31:28.</summary>
public readonly record struct ScmiHeader(byte MessageId, ScmiMessageType Type, byte ProtocolId, ushort Token, byte Reserved = 0)
{
    /// <summary>Size of the header on the wire.</summary>
    public const int Size = 4;
    /// <summary>Header plus the i32 status word: the smallest valid reply.</summary>
    public const int ReplyPrefixSize = 8;
    /// <summary>Tokens are 10 bits wide.</summary>
    public const ushort TokenMask = 0x3FF;

    /// <summary>Splits a raw header word into its fields.</summary>
    public static ScmiHeader Decode(uint word) => new(
        (byte)(word & 0xFF),
        (ScmiMessageType)((word >> 8) & 0x3),
        (byte)((word >> 10) & 0xFF),
        (ushort)((word >> 18) & TokenMask),
        (byte)(word >> 28));

    /// <summary>Reads the header from the first four bytes of a message.</summary>
    public static ScmiHeader Read(ReadOnlySpan<byte> message) => Decode(BinaryPrimitives.ReadUInt32LittleEndian(message));

    /// <summary>Packs the fields back into a header word.</summary>
    public uint Encode() =>
        MessageId
        | ((uint)Type & 0x3) << 8
        | (uint)ProtocolId << 10
        | ((uint)Token & TokenMask) << 18
        | ((uint)Reserved & 0xF) << 28;

    /// <summary>Writes the header into the first four bytes of <paramref name="destination"/>.</summary>
    public void Write(Span<byte> destination) => BinaryPrimitives.WriteUInt32LittleEndian(destination, Encode());

    /// <summary>The same message addressed as a delayed response (type 2, same token and ids).</summary>
    public ScmiHeader AsDelayedResponse() => this with { Type = ScmiMessageType.DelayedResponse };

    /// <summary>A notification header: type 3, token 0 (tokens only correlate commands).</summary>
    public static ScmiHeader Notification(ScmiProtocolId protocol, byte notificationId) =>
        new(notificationId, ScmiMessageType.Notification, (byte)protocol, 0);
}
