// Builds agent requests and reads platform replies byte by byte, as an agent would.
using Xunit;
using System.Buffers.Binary;
using System.Text;
using ScmiPlatform.Scmi;

namespace Platform.Tests.Protocols.Support;

/// <summary>Request encoding: header then little-endian u32 parameters.</summary>
public static class ScmiMessages
{
    public static byte[] Request(ScmiProtocolId protocol, byte messageId, ushort token, params uint[] parameters) =>
        Raw(new ScmiHeader(messageId, ScmiMessageType.Command, (byte)protocol, token).Encode(), parameters);

    public static byte[] Raw(uint header, params uint[] words)
    {
        var bytes = new byte[4 + 4 * words.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, header);
        for (int i = 0; i < words.Length; i++) BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4 + 4 * i), words[i]);
        return bytes;
    }

    public static uint Low(ulong value) => (uint)value;
    public static uint High(ulong value) => (uint)(value >> 32);
}

/// <summary>A reply or eventq message seen by the agent.</summary>
public sealed class ScmiReply
{
    public ScmiReply(byte[] bytes) => Bytes = bytes;

    public byte[] Bytes { get; }
    public int Length => Bytes.Length;
    public ScmiHeader Header => ScmiHeader.Read(Bytes);
    public ScmiStatus Status => ScmiStatusCodes.Decode(BinaryPrimitives.ReadInt32LittleEndian(Bytes.AsSpan(4)));

    /// <summary>The n-th u32 after header and status (return value words of a reply).</summary>
    public uint Value(int index) => BinaryPrimitives.ReadUInt32LittleEndian(Bytes.AsSpan(8 + 4 * index));
    public int SignedValue(int index) => BinaryPrimitives.ReadInt32LittleEndian(Bytes.AsSpan(8 + 4 * index));
    public ulong Value64(int index) => Value(index) | (ulong)Value(index + 1) << 32;
    public long Signed64(int index) => (long)Value64(index);

    /// <summary>The n-th u32 after the header (payload words of a notification, which has no status word).</summary>
    public uint Payload(int index) => BinaryPrimitives.ReadUInt32LittleEndian(Bytes.AsSpan(4 + 4 * index));
    public ulong Payload64(int index) => Payload(index) | (ulong)Payload(index + 1) << 32;

    /// <summary>A NUL-terminated string at byte offset <paramref name="offset"/> after header and status, field of <paramref name="size"/> bytes.</summary>
    public string Name(int offsetInValues, int size)
    {
        var field = Bytes.AsSpan(8 + offsetInValues, size);
        int end = field.IndexOf((byte)0);
        Assert.True(end >= 0, "name field must be NUL terminated");
        Assert.All(field[end..].ToArray(), b => Assert.Equal(0, b));
        return Encoding.ASCII.GetString(field[..end]);
    }
}
