// Encodes one SCMI command the way an agent puts it on the wire (Arm DEN0056 v3.2 §4.1.2), independently of
// the platform's own code so the two cannot share a mistake.
using System.Buffers.Binary;

namespace Interop.Tests.Raw;

/// <summary>A command: protocol, message id, little-endian u32 parameters (or raw bytes for malformed cases).</summary>
public sealed record ScmiRequest(byte Protocol, byte MessageId, byte[] Parameters)
{
    /// <summary>DEN0056 §4.1.2: header bits 9:8 = 0 for a command.</summary>
    private const uint CommandType = 0;

    /// <summary>A command whose parameters are 32-bit words.</summary>
    public static ScmiRequest Words(byte protocol, byte messageId, params uint[] words)
    {
        byte[] parameters = new byte[words.Length * 4];
        for (int i = 0; i < words.Length; i++)
            BinaryPrimitives.WriteUInt32LittleEndian(parameters.AsSpan(i * 4), words[i]);
        return new ScmiRequest(protocol, messageId, parameters);
    }

    /// <summary>DEN0056 §4.1.2: message id 7:0, type 9:8, protocol id 17:10, token 27:18, reserved 31:28 zero.</summary>
    public static uint Header(byte protocol, byte messageId, ushort token) =>
        messageId | CommandType << 8 | (uint)protocol << 10 | ((uint)token & 0x3FF) << 18;

    /// <summary>Header followed by the parameters, as written to raw/message.</summary>
    public byte[] Encode(ushort token)
    {
        byte[] message = new byte[4 + Parameters.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(message, Header(Protocol, MessageId, token));
        Parameters.CopyTo(message, 4);
        return message;
    }

    /// <summary>The same command with its last <paramref name="bytes"/> parameter bytes cut off.</summary>
    public ScmiRequest Truncated(int bytes) => this with { Parameters = Parameters[..Math.Max(0, Parameters.Length - bytes)] };

    /// <summary>The same command with <paramref name="bytes"/> zero bytes of trailing garbage.</summary>
    public ScmiRequest Padded(int bytes) => this with { Parameters = [.. Parameters, .. new byte[bytes]] };
}
