// A hostile frontend: random vhost-user messages (codes, flags, sizes, payloads, ring layouts) never take the
// server down; at worst the connection is dropped and the next frontend is served.
using System.Buffers.Binary;
using Platform.Tests.Doubles;
using ScmiPlatform.Device;
using ScmiPlatform.VhostUser;
using Xunit;
using Xunit.Abstractions;

namespace Platform.Tests.VhostUser;

public sealed class HostileFrontendTests(ITestOutputHelper output)
{
    [Fact]
    public void Random_message_streams_never_stop_the_server_from_serving_the_next_frontend()
    {
        var random = new Random(20261121);
        var model = new NotSupportedModel();
        using var server = new RunningServer(model);
        for (int connection = 0; connection < 150; connection++)
        {
            using (VhostUserFrontendDouble frontend = server.Connect())
            {
                if (random.Next(2) == 0)
                {
                    frontend.SendU64(VhostUserRequest.SetFeatures, (ulong)random.NextInt64());
                    frontend.SetMemTable(); // real memory, so random rings may start over it
                }
                if (random.Next(2) == 0)
                    StartRingOverJunk(frontend, random);
                int messages = random.Next(1, 25);
                for (int i = 0; i < messages; i++)
                    SendRandomMessage(frontend, random);
            } // the frontend goes away with replies unread and rings possibly running
        }
        using VhostUserFrontendDouble last = server.Connect();
        Assert.Equal((ulong)VhostUserBackend.OfferedFeatures, last.RequestU64(VhostUserRequest.GetFeatures));
        Assert.True(RunningServer.Eventually(() => server.Server.Connections == 151));
        string log = server.Log.ToString();
        int Count(string what) => log.Split('\n').Count(line => line.Contains(what));
        output.WriteLine($"rings started {Count(" started: size")}, refused {Count("refused")}, unsupported {Count("is not supported")}, " +
                         $"bad headers {Count("bad header")}, rings that could not run {Count("cannot run")}, " +
                         $"chains refused {Count("refused (")}, broken avail idx {Count("ahead of")}");
        Assert.True(Count(" started: size") > 10, "the hostile run should get rings running over junk");
        Assert.DoesNotContain("internal error", log);
    }

    /// <summary>A ring set up properly but laid over random bytes: junk avail idx, heads and descriptors.</summary>
    private static void StartRingOverJunk(VhostUserFrontendDouble frontend, Random random)
    {
        const int JunkBytes = 1 << 21;
        random.NextBytes(frontend.Ram.At(frontend.Ram.GuestBase, JunkBytes));
        frontend.SendU64(VhostUserRequest.SetFeatures, (ulong)(VhostUserBackend.OfferedFeatures & ~VhostUserFeatures.ProtocolFeatures));
        frontend.SetMemTable();
        uint queue = (uint)random.Next(0, 2);
        uint size = random.Next(4) == 0 ? (uint)random.Next(0, 2000) : 1u << random.Next(0, 11);
        ulong At(int alignment) => frontend.Ram.GuestBase + (ulong)(random.Next(0, JunkBytes - 40000) & ~(alignment - 1));
        ulong descriptors = At(16), used = At(4), avail = At(2);
        uint nextAvail = (uint)random.Next(0, 65536);
        if (random.Next(4) != 0)
        {
            // A sane avail idx over junk heads and descriptors, so chains get walked (not just the idx refused).
            BinaryPrimitives.WriteUInt16LittleEndian(frontend.Ram.At(avail + 2, 2), (ushort)(nextAvail + (uint)random.Next(0, (int)Math.Min(size, 64) + 1)));
        }
        frontend.SendVringState(VhostUserRequest.SetVringNum, queue, size);
        frontend.SendVringState(VhostUserRequest.SetVringBase, queue, nextAvail);
        frontend.SetVringAddrRaw(queue, frontend.Ram.FrontendAddressOf(descriptors), frontend.Ram.FrontendAddressOf(used), frontend.Ram.FrontendAddressOf(avail));
        frontend.SetVringFd(VhostUserRequest.SetVringCall, queue);
        frontend.SetVringFd(VhostUserRequest.SetVringKick, queue);
        for (int k = random.Next(0, 4); k > 0; k--)
            frontend.KickQueue((int)queue);
    }

    private static void SendRandomMessage(VhostUserFrontendDouble frontend, Random random)
    {
        uint request = (uint)random.Next(0, 50);
        int size = random.Next(5) switch
        {
            0 => 0,
            1 => 8,
            2 => 40,
            3 => random.Next(0, 300),
            _ => random.Next(0, 5000), // sometimes over the payload limit: the server drops the connection
        };
        byte[] payload = new byte[size];
        random.NextBytes(payload);
        if (size >= 8 && random.Next(2) == 0)
            BinaryPrimitives.WriteUInt32LittleEndian(payload, (uint)random.Next(0, 3)); // a plausible vring index
        if (request is (uint)VhostUserRequest.SetVringAddr && size >= 40 && random.Next(2) == 0)
        {
            // Ring addresses inside the shared RAM, at random offsets: the ring may start over junk.
            for (int field = 8; field <= 24; field += 8)
            {
                BinaryPrimitives.WriteUInt64LittleEndian(payload.AsSpan(field),
                    frontend.Ram.FrontendAddressOf(frontend.Ram.GuestBase + (ulong)random.Next(0, 1 << 23)));
            }
        }
        try
        {
            if (request is (uint)VhostUserRequest.SetVringKick or (uint)VhostUserRequest.SetVringCall or (uint)VhostUserRequest.SetVringErr
                && size >= 8 && random.Next(2) == 0)
            {
                using OwnedFd fd = EventFd.Create();
                frontend.Send(request, payload, [fd.Value], needReply: random.Next(2) == 0);
                EventFd.Signal(fd.Value);
            }
            else
            {
                frontend.Send(request, payload, needReply: random.Next(2) == 0);
            }
        }
        catch (IOException)
        {
            // The server already dropped this connection (bad header earlier): fine, that is one outcome.
        }
    }
}
