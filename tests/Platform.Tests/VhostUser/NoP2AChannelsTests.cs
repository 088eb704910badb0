// --no-p2a: the backend does not offer VIRTIO_SCMI_F_P2A_CHANNELS, so the guest has no eventq and every
// asynchronous or notify request answers NOT_SUPPORTED (virtio 1.3 §5.17.3; SCMI DEN0056E §4.1.4).
using Platform.Tests.Doubles;
using Platform.Tests.Integration;
using Platform.Tests.Protocols.Support;
using ScmiPlatform.Daemon;
using ScmiPlatform.Protocols;
using ScmiPlatform.Scmi;
using ScmiPlatform.VhostUser;
using ScmiPlatform.Virtqueue;
using Xunit;
using static Platform.Tests.Protocols.Support.ScmiMessages;
using ScmiPlatform.Device;
using ScmiPlatform.Model;

namespace Platform.Tests.VhostUser;

public sealed class NoP2AChannelsTests
{
    private const uint LittlePll = 1;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Get_features_offers_the_eventq_only_when_asked_to(bool offerP2A)
    {
        using var server = new RunningServer(new ScmiPlatform.Device.NotSupportedModel(), offerP2A);
        using VhostUserFrontendDouble frontend = server.Connect();
        ulong features = frontend.RequestU64(VhostUserRequest.GetFeatures);
        Assert.Equal(offerP2A, (features & (ulong)ScmiFeatures.P2AChannels) != 0);
        Assert.Equal((ulong)(VhostUserBackend.OfferedFeatures & ~ScmiFeatures.P2AChannels), features & ~(ulong)ScmiFeatures.P2AChannels);
    }

    [Theory]
    [InlineData(true, ScmiStatus.Success)]
    [InlineData(false, ScmiStatus.NotSupported)]
    public void An_async_clock_rate_set_needs_the_offered_eventq_even_when_the_frontend_acks_it_anyway(bool offerP2A, ScmiStatus expected)
    {
        using var server = new RunningServer(ScmiPlatformModel.Create(ModelHarness.DefaultDescription), offerP2A);
        using VhostUserFrontendDouble frontend = server.Connect();
        (DriverQueue cmdq, _) = VhostUserServerTests.Handshake(frontend); // acks P2A whether offered or not
        frontend.RequestU64(VhostUserRequest.GetFeatures); // a sync point, as QEMU uses it: both rings are set up now
        byte[] asyncSet = Request(ScmiProtocolId.Clock, (byte)ClockMessage.ClockRateSet, 1, ClockProtocol.AsyncFlag, LittlePll, Low(1_500_000_000), High(1_500_000_000));
        Assert.Equal(expected, Transact(frontend, cmdq, asyncSet).Status);
        byte[] notify = Request(ScmiProtocolId.Clock, (byte)ClockMessage.ClockRateNotify, 2, LittlePll, 1);
        Assert.Equal(expected, Transact(frontend, cmdq, notify).Status);
        // Synchronous requests are served either way.
        Assert.Equal(ScmiStatus.Success, Transact(frontend, cmdq, Request(ScmiProtocolId.Clock, (byte)ClockMessage.ClockRateGet, 3, LittlePll)).Status);
    }

    [Fact]
    public void No_p2a_is_parsed_and_off_by_default()
    {
        Assert.True(DaemonOptions.Parse(["--socket-path", "s", "--no-p2a"], out _)!.NoP2A);
        Assert.False(DaemonOptions.Parse(["--socket-path", "s"], out _)!.NoP2A);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_daemon_with_no_p2a_does_not_offer_the_eventq(bool noP2A)
    {
        string folder = Directory.CreateTempSubdirectory("scmi-p2a-").FullName;
        try
        {
            string socket = Path.Combine(folder, "scmi.sock");
            using var daemon = noP2A ? new DaemonProcess(socket, "--no-p2a") : new DaemonProcess(socket);
            Assert.True(await daemon.WaitListeningAsync(TimeSpan.FromSeconds(30)), daemon.Stderr);
            using (VhostUserFrontendDouble frontend = VhostUserFrontendDouble.Connect(socket))
            {
                ulong features = frontend.RequestU64(VhostUserRequest.GetFeatures);
                Assert.Equal(!noP2A, (features & (ulong)ScmiFeatures.P2AChannels) != 0);
            }
            Assert.Equal(0, await daemon.TerminateAsync(TimeSpan.FromSeconds(10)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>One request over the cmdq; the reply as the guest reads it.</summary>
    internal static ScmiReply Transact(VhostUserFrontendDouble frontend, DriverQueue cmdq, byte[] request, int replyBytes = 128)
    {
        ushort head = cmdq.AddChain([request], [replyBytes]);
        frontend.KickQueue(0);
        return new ScmiReply(VhostUserServerTests.AwaitReply(frontend, cmdq, head));
    }
}
