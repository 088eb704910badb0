// The protocol clients' host harness: the agent over the loopback against the real platform model, or against a scripted hostile platform.
using System.Buffers.Binary;
using System.Text;
using Scmi.Tests.Doubles;
using Scmi.Virtio;
using ScmiPlatform.Description;

namespace Scmi.Tests.Protocols;

/// <summary>Builds agents for the client tests and small helpers to read names and encode replies.</summary>
internal static class ProtocolHarness
{
    /// <summary>The agent against the real platform model (default description unless given).</summary>
    public static (Loopback Loop, ScmiAgent Agent) Real(PlatformDescription? description = null, IEnumerable<string>? faults = null,
        int maxPayloadBytes = 128, ulong features = Loopback.DefaultFeatures)
    {
        var options = new ScmiVirtioOptions { SyncTimeoutMicroseconds = 30_000, DelayedTimeoutMicroseconds = 50_000, MaxPayloadBytes = maxPayloadBytes };
        var loop = new Loopback(faults, options: options, description: description, offeredFeatures: features);
        return (loop, new ScmiAgent(loop.Channel, loop.Clock));
    }

    /// <summary>The default platform description the real model boots with.</summary>
    public static PlatformDescription Default => PlatformBackend.DefaultDescription;

    /// <summary>
    /// The agent against a hostile platform: every command is answered by <paramref name="answer"/>
    /// (protocol, message id, parameters) → (status, return values); PROTOCOL_VERSION answers
    /// <paramref name="version"/> unless <paramref name="answer"/> handles it.
    /// </summary>
    public static (Loopback Loop, ScmiAgent Agent) Scripted(uint version, Func<byte, byte, byte[], (int Status, byte[] Values)?> answer,
        Action<Loopback, uint>? afterReply = null)
    {
        var loop = new Loopback(backendFactory: m => new HostileDevice(m),
            options: new ScmiVirtioOptions { SyncTimeoutMicroseconds = 30_000, DelayedTimeoutMicroseconds = 50_000 });
        HostileDevice device = loop.Hostile;
        device.AutoReply = false;
        device.OnCommandKick = d =>
        {
            foreach (TakenChain chain in d.Pending.ToArray())
            {
                uint header = BinaryPrimitives.ReadUInt32LittleEndian(chain.Request);
                byte message = (byte)header;
                byte protocol = (byte)(header >> 10);
                byte[] parameters = chain.Request.AsSpan(4).ToArray();
                (int Status, byte[] Values)? scripted = answer(protocol, message, parameters);
                if (scripted is null && message == 0)
                    scripted = (0, Words(version));
                (int status, byte[] values) = scripted ?? (-1, Array.Empty<byte>());
                var reply = new byte[8 + values.Length];
                BinaryPrimitives.WriteUInt32LittleEndian(reply, header);
                BinaryPrimitives.WriteInt32LittleEndian(reply.AsSpan(4), status);
                values.CopyTo(reply, 8);
                d.Reply(chain, reply, (uint)reply.Length);
                afterReply?.Invoke(loop, header);
            }
        };
        return (loop, new ScmiAgent(loop.Channel, loop.Clock));
    }

    /// <summary>The token of a command header (bits 27:18).</summary>
    public static int TokenOf(uint header) => (int)((header >> 18) & 0x3FF);

    /// <summary>Little-endian words.</summary>
    public static byte[] Words(params uint[] words)
    {
        var bytes = new byte[4 * words.Length];
        for (int i = 0; i < words.Length; i++)
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4 * i), words[i]);
        return bytes;
    }

    /// <summary>A name field of <paramref name="size"/> bytes (NUL padded; no terminator if the text fills it).</summary>
    public static byte[] Name(string text, int size = 16)
    {
        var field = new byte[size];
        Encoding.ASCII.GetBytes(text).AsSpan(0, Math.Min(text.Length, size)).CopyTo(field);
        return field;
    }

    /// <summary>Concatenates byte arrays.</summary>
    public static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    /// <summary>The text of the first <paramref name="length"/> bytes.</summary>
    public static string Text(ReadOnlySpan<byte> name, int length) => Encoding.ASCII.GetString(name.Slice(0, length));

    /// <summary>The name the platform puts in a 16-byte field (at most 15 characters and the terminator).</summary>
    public static string Short(string name) => name.Length < 16 ? name : name.Substring(0, 15);

    /// <summary>Fails with the result's description unless it is success.</summary>
    public static void Ok(ScmiResult result) => Assert.True(result.IsSuccess, ScmiStatusNames.Describe(result));
}
