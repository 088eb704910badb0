// The 32-bit SCMI message header (SCMI DEN0056E §4.1.2): message id 7:0, type 9:8, protocol 17:10, token 27:18.
namespace Scmi;

/// <summary>
/// One SCMI message header, kept as the raw little-endian word it travels as. Fields are decoded on
/// read; <see cref="Create"/> refuses values that do not fit their field, so a header is never silently
/// truncated. Bits 31:28 are reserved and must be zero (§4.1.2), which <see cref="HasReservedBits"/> checks.
/// </summary>
public readonly struct ScmiHeader
{
    /// <summary>Largest token: 10 bits, so at most 1024 messages can be told apart in flight.</summary>
    public const int MaximumToken = 0x3FF;
    /// <summary>Number of distinct tokens.</summary>
    public const int TokenCount = MaximumToken + 1;
    /// <summary>Bytes of a header on the wire.</summary>
    public const int Size = 4;

    private const int MessageIdShift = 0;
    private const int TypeShift = 8;
    private const int ProtocolShift = 10;
    private const int TokenShift = 18;
    private const uint MessageIdMask = 0xFF;
    private const uint TypeMask = 0x3;
    private const uint ProtocolMask = 0xFF;
    private const uint TokenMask = 0x3FF;
    private const uint ReservedMask = 0xF000_0000;

    /// <summary>Wraps a raw header word (as read from a buffer).</summary>
    public ScmiHeader(uint value) => Value = value;

    /// <summary>The raw word.</summary>
    public uint Value { get; }

    /// <summary>Bits 7:0.</summary>
    public byte MessageId => (byte)((Value >> MessageIdShift) & MessageIdMask);

    /// <summary>Bits 9:8, as the raw two-bit value (1 is reserved and has no name).</summary>
    public byte RawType => (byte)((Value >> TypeShift) & TypeMask);

    /// <summary>Bits 9:8.</summary>
    public ScmiMessageType Type => (ScmiMessageType)RawType;

    /// <summary>Bits 17:10.</summary>
    public byte ProtocolId => (byte)((Value >> ProtocolShift) & ProtocolMask);

    /// <summary>Bits 27:18.</summary>
    public int Token => (int)((Value >> TokenShift) & TokenMask);

    /// <summary>True when any of the reserved bits 31:28 is set.</summary>
    public bool HasReservedBits => (Value & ReservedMask) != 0;

    /// <summary>The same header with another token (the transport stamps tokens at send time).</summary>
    public ScmiHeader WithToken(int token) => new ScmiHeader((Value & ~(TokenMask << TokenShift)) | (((uint)token & TokenMask) << TokenShift));

    /// <summary>
    /// Builds a header; false (and a zero header) when <paramref name="token"/> is outside 0..1023 or
    /// <paramref name="type"/> is not one of the three defined types.
    /// </summary>
    public static bool Create(byte protocolId, byte messageId, ScmiMessageType type, int token, out ScmiHeader header)
    {
        header = default;
        if (token < 0 || token > MaximumToken)
            return false;
        if (type != ScmiMessageType.Command && type != ScmiMessageType.DelayedResponse && type != ScmiMessageType.Notification)
            return false;
        header = new ScmiHeader(((uint)messageId << MessageIdShift) | ((uint)type << TypeShift)
            | ((uint)protocolId << ProtocolShift) | ((uint)token << TokenShift));
        return true;
    }

    /// <summary>A command header for <paramref name="protocol"/> and <paramref name="messageId"/>, token 0 (stamped at send).</summary>
    public static ScmiHeader Command(ScmiProtocolId protocol, byte messageId) =>
        new ScmiHeader(((uint)messageId << MessageIdShift) | ((uint)protocol << ProtocolShift));
}
