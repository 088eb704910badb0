// A memory table must lie inside the files that back it: a region past the end of its memfd is refused at
// SET_MEM_TABLE, and a file shrunk after mapping stops the rings with a log line instead of a SIGBUS.
using Platform.Tests.Doubles;
using Platform.Tests.Integration;
using ScmiPlatform.Device;
using ScmiPlatform.VhostUser;
using ScmiPlatform.Virtqueue;
using Xunit;

namespace Platform.Tests.VhostUser;

public sealed class MemoryTableBoundsTests
{
    private const ulong HalfRam = VhostUserFrontendDouble.RamBytes / 2;

    [Theory]
    [InlineData(HalfRam, HalfRam, 0UL)]                                   // ends exactly at the end of the file
    [InlineData(0UL, VhostUserFrontendDouble.RamBytes, 0UL)]              // the whole file
    [InlineData(HalfRam, VhostUserFrontendDouble.RamBytes, 1UL)]          // offset + size runs 4 MiB past the end
    [InlineData(0UL, VhostUserFrontendDouble.RamBytes + 4096, 1UL)]       // one page past the end
    [InlineData(VhostUserFrontendDouble.RamBytes, 4096UL, 1UL)]           // starts at the end
    public void A_region_must_end_inside_its_file(ulong fileOffset, ulong size, ulong expectedAck)
    {
        using var server = new RunningServer(new NotSupportedModel());
        using VhostUserFrontendDouble frontend = server.Connect();
        frontend.SendU64(VhostUserRequest.SetProtocolFeatures, (ulong)VhostUserBackend.OfferedProtocolFeatures);
        frontend.SetMemTableRegions(needReply: true, (GuestRam.DefaultBase, size, fileOffset));
        Assert.Equal(expectedAck, frontend.ReceiveAck());
        if (expectedAck != 0)
            Assert.Contains("past the end of its file", server.Log.ToString());
    }

    [Fact]
    public async Task A_file_truncated_after_mapping_stops_the_rings_with_a_log_line_and_the_daemon_lives_on()
    {
        string folder = Directory.CreateTempSubdirectory("scmi-trunc-").FullName;
        try
        {
            string socket = Path.Combine(folder, "scmi.sock");
            using var daemon = new DaemonProcess(socket);
            Assert.True(await daemon.WaitListeningAsync(TimeSpan.FromSeconds(30)), daemon.Stderr);
            using (VhostUserFrontendDouble frontend = VhostUserFrontendDouble.Connect(socket))
            {
                // Without protocol features the ring runs as soon as its kick fd is set.
                frontend.SendU64(VhostUserRequest.SetFeatures, (ulong)VirtioFeatures.Version1);
                frontend.SetMemTable();
                frontend.SetVringFd(VhostUserRequest.SetVringCall, 0);
                frontend.SetVringFd(VhostUserRequest.SetVringErr, 0);
                var cmdq = new DriverQueue(frontend.Ram, 16);
                frontend.StartRing(0, cmdq, enable: false);
                cmdq.AddChain([BitConverter.GetBytes(0x10u << 10)], [16]);
                frontend.KickQueue(0);
                Assert.True(frontend.WaitCall(0), "the ring works before the truncation\n" + daemon.Stderr);
                // A round trip: the server thread has finished that service pass (a file shrinking during a pass is
                // the residual risk the README describes; here it shrinks between passes).
                frontend.RequestU64(VhostUserRequest.GetFeatures);

                cmdq.AddChain([BitConverter.GetBytes(0x10u << 10)], [16]); // written before the file shrinks
                frontend.TruncateRam(0);
                frontend.KickQueue(0);
                Assert.True(frontend.WaitErr(0, 5000), "the err eventfd must be signalled\n" + daemon.Stderr);
                Assert.Equal((ulong)VhostUserBackend.OfferedFeatures, frontend.RequestU64(VhostUserRequest.GetFeatures));
            }
            // stderr reaches us through a pipe and a reader thread: the line may trail the err signal a little.
            Assert.True(RunningServer.Eventually(() => daemon.Stderr.Contains("shrank")), daemon.Stderr);
            Assert.Equal(0, await daemon.TerminateAsync(TimeSpan.FromSeconds(10)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
