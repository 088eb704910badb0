// Property: whatever bytes a hostile agent sends, the model completes the slot once with at least header + status,
// a status from the spec, the header echoed, and a reply shrunk to header + status on error. It never throws.
using System.Buffers.Binary;
using FsCheck;
using FsCheck.Fluent;
using Platform.Tests.Protocols.Support;
using ScmiPlatform.Scmi;
using Xunit;

namespace Platform.Tests.Protocols;

public sealed class GarbageRequestPropertyTests
{
    /// <summary>Fixed seed so a failure replays; FsCheck prints the failing case.</summary>
    private const ulong Seed = 0x5C41_0DE5;
    private const int Runs = 200;
    private const int CommandsPerRun = 60;

    private static readonly uint[] InterestingWords = [0, 1, 2, 3, 4, 5, 7, 8, 0xF, 0x10, 0xFF, 0x1000, 0xFFFF, 0x7FFF_FFFF, 0x8000_0000, 0xFFFF_FFFE, 0xFFFF_FFFF];

    [Fact]
    public void Any_request_gets_a_well_formed_reply()
    {
        Gen<(int Seed, bool P2A)> cases =
            from seed in Gen.Choose(0, int.MaxValue)
            from p2a in Gen.Elements(true, false)
            select (seed, p2a);
        Config config = Config.QuickThrowOnFailure
            .WithMaxTest(Runs)
            .WithReplay(new Replay(new Rnd(Seed, 0x9E37_79B9_7F4A_7C15), null));
        Prop.ForAll(cases.ToArbitrary(), c => RunScenario(c.Seed, c.P2A)).Check(config);
    }

    [Fact]
    public void The_property_notices_a_reply_that_is_not_shrunk_on_error()
    {
        // The checker must be able to fail: an error status with return values attached is a violation.
        byte[] reply = [.. BitConverter.GetBytes(0x10u << 10), .. BitConverter.GetBytes((int)ScmiStatus.NotFound), 1, 2, 3, 4];
        Assert.Throws<Xunit.Sdk.EqualException>(() => CheckReply(ScmiMessages.Raw(0x10u << 10), reply, 128));
    }

    private static bool RunScenario(int seed, bool p2a)
    {
        var random = new System.Random(seed);
        var platform = new ModelHarness(p2a: p2a, eventBuffers: random.Next(0, 4));
        var protocols = platform.Model.ProtocolIds.Append((byte)0x19).Append((byte)0xFF).ToArray();
        for (int i = 0; i < CommandsPerRun; i++)
        {
            byte[] request = RandomRequest(random, protocols);
            int capacity = random.Next(4) == 0 ? random.Next(0, 12) : random.Next(8, 200);
            var slot = platform.Post(request, capacity);
            Assert.Equal(1, slot.CompletionCount);
            CheckReply(request, slot.ReplyBytes, capacity);
            if (random.Next(8) == 0) { platform.Events.Buffers += random.Next(0, 3); platform.Model.OnEventBuffersAvailable(); }
            if (random.Next(16) == 0) platform.Scheduler.Advance(random.Next(0, 5));
            if (random.Next(20) == 0)
            {
                var reply = new byte[random.Next(0, 16)];
                int length = platform.Model.OnMalformed(request.AsSpan(0, random.Next(0, request.Length + 1)), reply);
                Assert.True(length == 0 || length == 8);
            }
        }
        Assert.Equal(0, platform.Model.InternalErrors); // no handler failed: every GENERIC_ERROR would have been a bug
        return true;
    }

    private static byte[] RandomRequest(System.Random random, byte[] protocols)
    {
        if (random.Next(10) == 0)
        {
            var noise = new byte[random.Next(0, 24)];
            random.NextBytes(noise);
            return noise;
        }
        var header = new ScmiHeader((byte)random.Next(0, 18), ScmiMessageType.Command, protocols[random.Next(protocols.Length)], (ushort)random.Next(0, 1024));
        uint raw = header.Encode();
        if (random.Next(12) == 0) raw |= (uint)random.Next(1, 4) << 8;   // not a command
        if (random.Next(12) == 0) raw |= (uint)random.Next(1, 16) << 28; // reserved bits
        var words = new uint[random.Next(0, 6)];
        for (int w = 0; w < words.Length; w++)
            words[w] = random.Next(3) == 0 ? (uint)random.NextInt64(0, 1L << 32) : InterestingWords[random.Next(InterestingWords.Length)];
        byte[] request = ScmiMessages.Raw(raw, words);
        return random.Next(10) == 0 ? request[..random.Next(4, request.Length + 1)] : request; // sometimes a ragged length
    }

    private static void CheckReply(byte[] request, byte[] reply, int capacity)
    {
        if (capacity < 8)
        {
            Assert.True(reply.Length is 0 or 4 && reply.Length <= capacity, $"reply of {reply.Length} bytes in a {capacity}-byte area");
            return;
        }
        Assert.True(reply.Length >= 8, "a reply is at least header + status");
        uint echoed = request.Length >= 4 ? BinaryPrimitives.ReadUInt32LittleEndian(request) : 0;
        Assert.Equal(echoed, BinaryPrimitives.ReadUInt32LittleEndian(reply));
        var status = ScmiStatusCodes.Decode(BinaryPrimitives.ReadInt32LittleEndian(reply.AsSpan(4)));
        Assert.NotEqual(ScmiStatus.Unknown, status);
        if (status != ScmiStatus.Success) Assert.Equal(8, reply.Length);
        Assert.Equal(0, reply.Length % 4);
    }
}
