// QEMU's stop/cont stops and restarts both rings on the same connection: the platform keeps its state.
// A real reset (VHOST_USER_RESET_DEVICE, or a new connection) restores the description's initial state.
using Platform.Tests.Doubles;
using Platform.Tests.Protocols.Support;
using ScmiPlatform.Protocols;
using ScmiPlatform.Scmi;
using ScmiPlatform.VhostUser;
using ScmiPlatform.Virtqueue;
using Xunit;
using static Platform.Tests.Protocols.Support.ScmiMessages;
using ScmiPlatform.Device;
using ScmiPlatform.Model;

namespace Platform.Tests.VhostUser;

public sealed class PauseResumeTests
{
    private const uint LittlePll = 1;
    private const ulong InitialRate = 1_000_000_000; // platforms/default.json cpu-little-pll initialRate
    private const ulong SetRate = 1_500_000_000;
    private ushort _token;

    private ScmiReply Transact(VhostUserFrontendDouble frontend, DriverQueue cmdq, byte messageId, params uint[] parameters) =>
        NoP2AChannelsTests.Transact(frontend, cmdq, Request(ScmiProtocolId.Clock, messageId, ++_token, parameters));

    private void SetLittlePll(VhostUserFrontendDouble frontend, DriverQueue cmdq) =>
        Assert.Equal(ScmiStatus.Success, Transact(frontend, cmdq, (byte)ClockMessage.ClockRateSet, 0, LittlePll, Low(SetRate), High(SetRate)).Status);

    private ulong LittlePllRate(VhostUserFrontendDouble frontend, DriverQueue cmdq)
    {
        ScmiReply reply = Transact(frontend, cmdq, (byte)ClockMessage.ClockRateGet, LittlePll);
        Assert.Equal(ScmiStatus.Success, reply.Status);
        return reply.Value64(0);
    }

    /// <summary>What QEMU 10 sends on `stop` (and on a guest reset): vhost_dev_stop disables, then GET_VRING_BASE per ring.</summary>
    private static (ushort Cmdq, ushort Eventq) StopRings(VhostUserFrontendDouble frontend)
    {
        frontend.SendVringState(VhostUserRequest.SetVringEnable, 0, 0);
        frontend.SendVringState(VhostUserRequest.SetVringEnable, 1, 0);
        return (frontend.GetVringBase(0), frontend.GetVringBase(1));
    }

    /// <summary>What QEMU 10 sends on `cont`: vhost_dev_start again (features, memory table, call fds, each ring from its base).</summary>
    private static void StartRings(VhostUserFrontendDouble frontend, DriverQueue cmdq, DriverQueue eventq, ushort cmdqBase, ushort eventqBase)
    {
        frontend.SendU64(VhostUserRequest.SetFeatures, (ulong)(VirtioFeatures.Version1 | ScmiFeatures.P2AChannels | VhostUserFeatures.ProtocolFeatures));
        frontend.SetMemTable(needReply: true);
        Assert.Equal(0UL, frontend.ReceiveAck());
        frontend.SetVringFd(VhostUserRequest.SetVringCall, 0);
        frontend.SetVringFd(VhostUserRequest.SetVringCall, 1);
        frontend.StartRing(0, cmdq, nextAvail: cmdqBase);
        frontend.StartRing(1, eventq, nextAvail: eventqBase);
    }

    [Fact]
    public void Stop_and_cont_keep_a_clock_rate_set_before_the_pause()
    {
        using var server = new RunningServer(ScmiPlatformModel.Create(ModelHarness.DefaultDescription));
        using VhostUserFrontendDouble frontend = server.Connect();
        (DriverQueue cmdq, DriverQueue eventq) = VhostUserServerTests.Handshake(frontend);
        SetLittlePll(frontend, cmdq);

        (ushort cmdqBase, ushort eventqBase) = StopRings(frontend);
        Assert.Equal(1, cmdqBase);
        StartRings(frontend, cmdq, eventq, cmdqBase, eventqBase);

        Assert.Equal(SetRate, LittlePllRate(frontend, cmdq));
    }

    [Fact]
    public void Reset_device_restores_the_initial_clock_rate()
    {
        using var server = new RunningServer(ScmiPlatformModel.Create(ModelHarness.DefaultDescription));
        using VhostUserFrontendDouble frontend = server.Connect();
        (DriverQueue cmdq, _) = VhostUserServerTests.Handshake(frontend);
        SetLittlePll(frontend, cmdq);
        Assert.Equal(SetRate, LittlePllRate(frontend, cmdq));

        StopRings(frontend);
        frontend.Send(VhostUserRequest.ResetDevice, [], needReply: true);
        Assert.Equal(0UL, frontend.ReceiveAck());
        var freshCmdq = new DriverQueue(frontend.Ram, 64);
        var freshEventq = new DriverQueue(frontend.Ram, 64);
        StartRings(frontend, freshCmdq, freshEventq, 0, 0);

        Assert.Equal(InitialRate, LittlePllRate(frontend, freshCmdq));
    }

    [Fact]
    public void A_new_connection_restores_the_initial_clock_rate()
    {
        using var server = new RunningServer(ScmiPlatformModel.Create(ModelHarness.DefaultDescription));
        using (VhostUserFrontendDouble first = server.Connect())
        {
            (DriverQueue cmdq, _) = VhostUserServerTests.Handshake(first);
            SetLittlePll(first, cmdq);
        }
        Assert.True(RunningServer.Eventually(() => server.Server.Connections == 1 && !server.Device.IsQueueRunning(0)));
        using VhostUserFrontendDouble second = server.Connect();
        (DriverQueue cmdq2, _) = VhostUserServerTests.Handshake(second);
        Assert.Equal(InitialRate, LittlePllRate(second, cmdq2));
    }
}
