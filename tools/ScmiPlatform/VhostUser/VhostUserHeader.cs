// The 12-byte header every vhost-user message starts with.
using System.Buffers.Binary;

namespace ScmiPlatform.VhostUser;

/// <summary>vhost-user "Message Specification": u32 request, u32 flags, u32 size, then size bytes of payload.</summary>
public readonly record struct VhostUserHeader(uint Request, uint Flags, uint Size)
{
    public const int Bytes = 12;
    /// <summary>Flags bits 0-1: protocol version, currently 0x1.</summary>
    public const uint VersionMask = 0b0011;
    public const uint Version = 0x1;
    /// <summary>Flags bit 2: this is a reply.</summary>
    public const uint ReplyFlag = 0b0100;
    /// <summary>Flags bit 3: the sender wants a reply (REPLY_ACK).</summary>
    public const uint NeedReplyFlag = 0b1000;
    /// <summary>Largest payload we accept; the biggest message we handle (SET_MEM_TABLE, 8 regions) is 264 bytes.</summary>
    public const int MaxPayload = 4096;

    public bool NeedsReply => (Flags & NeedReplyFlag) != 0;
    public bool HasValidVersion => (Flags & VersionMask) == Version;

    public static VhostUserHeader Read(ReadOnlySpan<byte> bytes) => new(
        BinaryPrimitives.ReadUInt32LittleEndian(bytes),
        BinaryPrimitives.ReadUInt32LittleEndian(bytes[4..]),
        BinaryPrimitives.ReadUInt32LittleEndian(bytes[8..]));

    public void Write(Span<byte> bytes)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, Request);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes[4..], Flags);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes[8..], Size);
    }
}
