// Copies SCMI name fields (16-byte short names, 64-byte extended names of *_NAME_GET) out of replies without trusting them.
using System;
using System.Buffers.Binary;

namespace Scmi.Protocols;

/// <summary>Name fields as the protocols return them: NUL-terminated ASCII in a fixed-size field.</summary>
public static class ScmiNames
{
    /// <summary>Bytes of a short name field (SCMI DEN0056E: every *_ATTRIBUTES name is 16 bytes).</summary>
    public const int ShortNameBytes = 16;

    /// <summary>Bytes of an extended name field (SCMI DEN0056E: every *_NAME_GET name is 64 bytes).</summary>
    public const int ExtendedNameBytes = 64;

    /// <summary>Return values of a *_NAME_GET reply: flags, then the 64-byte name.</summary>
    public const int NameGetReplyBytes = 4 + ExtendedNameBytes;

    /// <summary>
    /// Copies the NUL-terminated string of <paramref name="field"/> into <paramref name="destination"/>
    /// (cut to its length) and returns the copied length in <paramref name="length"/>. A field without a
    /// terminator is <see cref="ScmiAgentError.ReplyInvalid"/>. Context: any.
    /// </summary>
    public static ScmiResult Copy(ReadOnlySpan<byte> field, Span<byte> destination, out int length)
    {
        length = 0;
        int end = -1;
        for (int i = 0; i < field.Length; i++)
        {
            if (field[i] == 0)
            {
                end = i;
                break;
            }
        }
        // SCMI (DEN0056E) §4.2.2.4: names are "NULL terminated ASCII strings"; one without a terminator is not believed.
        if (end < 0)
            return ScmiResult.FromAgent(ScmiAgentError.ReplyInvalid);
        length = end < destination.Length ? end : destination.Length;
        field.Slice(0, length).CopyTo(destination);
        return default;
    }

    /// <summary>
    /// Decodes a *_NAME_GET reply (flags, 64-byte name) of <paramref name="replyLength"/> bytes into
    /// <paramref name="destination"/>. Context: any.
    /// </summary>
    public static ScmiResult CopyExtended(ReadOnlySpan<byte> reply, int replyLength, Span<byte> destination, out int length)
    {
        length = 0;
        if (replyLength < NameGetReplyBytes || reply.Length < NameGetReplyBytes)
            return ScmiResult.FromAgent(ScmiAgentError.ReplyTooShort);
        return Copy(reply.Slice(4, ExtendedNameBytes), destination, out length);
    }

    /// <summary>Writes one 32-bit word parameter (a domain id) into <paramref name="parameters"/> and returns it.</summary>
    internal static ReadOnlySpan<byte> Word(Span<byte> parameters, uint value)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(parameters, value);
        return parameters.Slice(0, 4);
    }

    /// <summary>Writes two 32-bit words into <paramref name="parameters"/> and returns them.</summary>
    internal static ReadOnlySpan<byte> Words(Span<byte> parameters, uint first, uint second)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(parameters, first);
        BinaryPrimitives.WriteUInt32LittleEndian(parameters.Slice(4), second);
        return parameters.Slice(0, 8);
    }

    /// <summary>Writes three 32-bit words into <paramref name="parameters"/> and returns them.</summary>
    internal static ReadOnlySpan<byte> Words(Span<byte> parameters, uint first, uint second, uint third)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(parameters, first);
        BinaryPrimitives.WriteUInt32LittleEndian(parameters.Slice(4), second);
        BinaryPrimitives.WriteUInt32LittleEndian(parameters.Slice(8), third);
        return parameters.Slice(0, 12);
    }
}
