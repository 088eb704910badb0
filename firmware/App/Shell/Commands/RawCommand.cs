// `raw <protocol> <msg> [hex…]`: sends any message and prints the decoded reply (status name, then return words).
using System;
using System.Buffers.Binary;
using App.Format;
using Scmi;

namespace App.Shell.Commands;

/// <summary>
/// Each hex argument is one 32-bit parameter word, sent little-endian (SCMI DEN0056E §4.1.3: parameters
/// and return values are 32-bit words). The reply is printed as its status and its return words in hex,
/// eight to a line; a tail shorter than a word is printed as bytes.
/// </summary>
public static class RawCommand
{
    public static ShellOutcome Run(ShellContext context, CommandLine line)
    {
        if (line.Count < 3)
            return ShellOutput.Error("usage: raw <protocol> <message> [hex words...]");
        if (!ProtocolNames.TryParse(line[1], out byte protocol))
            return ShellOutput.Error("unknown protocol", line[1]);
        if (!CommandParser.TryParseUInt32(line[2], out uint message) || message > 0xFF)
            return ShellOutput.Error("bad message id (0..255)", line[2]);
        int maxPayload = context.Agent.MaxPayloadBytes;
        Span<byte> parameters = stackalloc byte[maxPayload];
        int words = line.Count - 3;
        if (words * 4 > maxPayload)
            return ShellOutput.Error("too many parameter words");
        for (int i = 0; i < words; i++)
        {
            if (!CommandParser.TryParseHex(line[3 + i], 8, out ulong word))
                return ShellOutput.Error("bad hex word", line[3 + i]);
            BinaryPrimitives.WriteUInt32LittleEndian(parameters.Slice(i * 4), (uint)word);
        }

        Span<byte> reply = stackalloc byte[maxPayload];
        ScmiResult result = context.Agent.Invoke((ScmiProtocolId)protocol, (byte)message, parameters.Slice(0, words * 4), reply, out int length);
        var text = new LineBuilder(stackalloc char[ShellOutput.LineCapacity]);
        if (result.Transport != ScmiTransportResult.Ok || result.Agent != ScmiAgentError.None)
            return ShellOutput.Failed("raw", result);
        // A platform error status is an answer, not a failure of the command: print it like any reply.
        text.Append("status ");
        text.Append(ScmiStatusNames.Name(result.Status));
        text.Append(" (");
        text.Append((long)(int)result.Status);
        text.Append("), ");
        text.Append((long)length);
        text.Append(" bytes");
        ShellOutput.Line(ref text);
        int offset = 0;
        while (offset < length)
        {
            text.Clear();
            text.Append(' ');      // with each word's own leading space: a two-space indent
            for (int i = 0; i < 8 && offset + 4 <= length; i++, offset += 4)
            {
                text.Append(' ');
                text.AppendHex(BinaryPrimitives.ReadUInt32LittleEndian(reply.Slice(offset)), 8);
            }
            if (offset + 4 > length)
            {
                for (; offset < length; offset++)
                {
                    text.Append(' ');
                    text.AppendHex(reply[offset], 2);
                }
            }
            ShellOutput.Line(ref text);
        }
        return ShellOutcome.Continue;
    }
}
