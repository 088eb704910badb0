// vhost-user message handling over a real unix socket, with memfd guest RAM and eventfd kicks and calls.
using System.Buffers.Binary;
using Platform.Tests.Doubles;
using ScmiPlatform.Device;
using ScmiPlatform.VhostUser;
using ScmiPlatform.Virtqueue;
using Xunit;

namespace Platform.Tests.VhostUser;

public sealed class VhostUserServerTests
{
    private const ulong ProtocolFeaturesBit = (ulong)VhostUserFeatures.ProtocolFeatures;
    private const ulong AckedFeatures = (ulong)(VirtioFeatures.Version1 | ScmiFeatures.P2AChannels) | ProtocolFeaturesBit;
    private static readonly byte[] BaseProtocolVersion = BitConverter.GetBytes(0x10u << 10);

    /// <summary>The connect-time and start-time sequence QEMU 10 sends (see the design note), up to both rings enabled.</summary>
    internal static (DriverQueue Cmdq, DriverQueue Eventq) Handshake(VhostUserFrontendDouble frontend, bool replyAck = true)
    {
        frontend.RequestU64(VhostUserRequest.GetFeatures);
        ulong protocol = frontend.RequestU64(VhostUserRequest.GetProtocolFeatures);
        frontend.SendU64(VhostUserRequest.SetProtocolFeatures, replyAck ? protocol : protocol & ~(ulong)VhostUserProtocolFeatures.ReplyAck);
        Assert.Equal(2UL, frontend.RequestU64(VhostUserRequest.GetQueueNum));
        frontend.Send(VhostUserRequest.SetOwner, []);
        for (uint q = 0; q < 2; q++)
        {
            frontend.SetVringFd(VhostUserRequest.SetVringCall, q);
            frontend.SetVringFd(VhostUserRequest.SetVringErr, q);
        }
        frontend.SendU64(VhostUserRequest.SetFeatures, AckedFeatures);
        frontend.SetMemTable(needReply: replyAck);
        if (replyAck)
            Assert.Equal(0UL, frontend.ReceiveAck());
        var cmdq = new DriverQueue(frontend.Ram, 64);
        var eventq = new DriverQueue(frontend.Ram, 64);
        frontend.StartRing(0, cmdq);
        frontend.StartRing(1, eventq);
        return (cmdq, eventq);
    }

    internal static byte[] AwaitReply(VhostUserFrontendDouble frontend, DriverQueue cmdq, ushort head)
    {
        Assert.True(frontend.WaitCall(0), "no call eventfd signal for the reply");
        Assert.True(cmdq.TryTakeUsed(out UsedElement used));
        Assert.Equal(head, (ushort)used.Id);
        return cmdq.ReadReply(used.Id, used.Length);
    }

    /// <summary>Queues a BASE_PROTOCOL_VERSION command with a 16-byte reply area on <paramref name="cmdq"/>; returns its head.</summary>
    private static ushort QueueVersionRequest(DriverQueue cmdq) => cmdq.AddChain([BaseProtocolVersion], [16]);

    /// <summary>Queues a BASE_PROTOCOL_VERSION command, kicks queue 0 and returns the reply once the call eventfd fires.</summary>
    private static byte[] ExchangeVersionRequest(VhostUserFrontendDouble frontend, DriverQueue cmdq)
    {
        ushort head = QueueVersionRequest(cmdq);
        frontend.KickQueue(0);
        return AwaitReply(frontend, cmdq, head);
    }

    /// <summary>Negotiates protocol features, queue 0's call fd, the acked features and the memory table; returns a 16-entry cmdq not yet given to the backend.</summary>
    private static DriverQueue NegotiateWithProtocolFeatures(VhostUserFrontendDouble frontend)
    {
        frontend.SendU64(VhostUserRequest.SetProtocolFeatures, (ulong)VhostUserBackend.OfferedProtocolFeatures);
        frontend.SetVringFd(VhostUserRequest.SetVringCall, 0);
        frontend.SendU64(VhostUserRequest.SetFeatures, AckedFeatures);
        frontend.SetMemTable();
        return new DriverQueue(frontend.Ram, 16);
    }

    [Fact]
    public void Handshake_then_one_command_is_answered_through_the_call_eventfd()
    {
        var model = new NotSupportedModel();
        using var server = new RunningServer(model);
        using var frontend = server.Connect();
        ulong features = frontend.RequestU64(VhostUserRequest.GetFeatures);
        Assert.Equal((ulong)VhostUserBackend.OfferedFeatures, features);
        Assert.True((features & ProtocolFeaturesBit) != 0, "GET_FEATURES must include VHOST_USER_F_PROTOCOL_FEATURES (bit 30)");
        (DriverQueue cmdq, _) = Handshake(frontend);

        byte[] reply = ExchangeVersionRequest(frontend, cmdq);
        Assert.Equal(0x10u << 10, BinaryPrimitives.ReadUInt32LittleEndian(reply));
        Assert.Equal(NotSupportedModel.NotSupported, BinaryPrimitives.ReadInt32LittleEndian(reply.AsSpan(4)));

        // Guest power-off: disable, then GET_VRING_BASE stops each ring and returns the next avail index.
        frontend.SendVringState(VhostUserRequest.SetVringEnable, 0, 0);
        frontend.SendVringState(VhostUserRequest.SetVringEnable, 1, 0);
        Assert.Equal(1, frontend.GetVringBase(0));
        Assert.Equal(0, frontend.GetVringBase(1));
        Assert.Equal(1, model.Starts);
        Assert.Equal(0, model.Resets); // stopping the rings is not a reset (QEMU's `stop` looks the same)
        Assert.Contains("VHOST_USER_SET_VRING_KICK queue 0", server.Log.ToString());
        Assert.Contains("VHOST_USER_SET_VRING_KICK queue 1", server.Log.ToString());
    }

    [Fact]
    public void Restarted_ring_continues_from_the_base_it_is_given()
    {
        using var server = new RunningServer(new NotSupportedModel());
        using var frontend = server.Connect();
        (DriverQueue cmdq, _) = Handshake(frontend);
        ExchangeVersionRequest(frontend, cmdq);
        ushort next = frontend.GetVringBase(0);
        Assert.Equal(1, next);
        // Restart at the returned base: the already-served chain is not served twice.
        frontend.SendVringState(VhostUserRequest.SetVringBase, 0, next);
        frontend.SetVringFd(VhostUserRequest.SetVringKick, 0);
        ExchangeVersionRequest(frontend, cmdq);
        Assert.Equal(2, server.Device.Counters.Commands);
    }

    [Fact]
    public void Ring_is_not_served_until_enabled_when_protocol_features_were_negotiated()
    {
        using var server = new RunningServer(new NotSupportedModel());
        using var frontend = server.Connect();
        DriverQueue cmdq = NegotiateWithProtocolFeatures(frontend);
        frontend.StartRing(0, cmdq, enable: false);
        ushort head = QueueVersionRequest(cmdq);
        frontend.KickQueue(0);
        Assert.False(frontend.WaitCall(0, 200), "a disabled ring must not be served");
        frontend.SendVringState(VhostUserRequest.SetVringEnable, 0, 1);
        AwaitReply(frontend, cmdq, head);
    }

    [Fact]
    public void Without_protocol_features_the_ring_starts_enabled()
    {
        using var server = new RunningServer(new NotSupportedModel());
        using var frontend = server.Connect();
        frontend.SetVringFd(VhostUserRequest.SetVringCall, 0);
        frontend.SendU64(VhostUserRequest.SetFeatures, (ulong)VirtioFeatures.Version1);
        frontend.SetMemTable();
        var cmdq = new DriverQueue(frontend.Ram, 16);
        frontend.StartRing(0, cmdq, enable: false);
        ExchangeVersionRequest(frontend, cmdq);
    }

    [Fact]
    public void Kick_with_the_invalid_fd_bit_polls_the_ring()
    {
        using var server = new RunningServer(new NotSupportedModel());
        using var frontend = server.Connect();
        DriverQueue cmdq = NegotiateWithProtocolFeatures(frontend);
        frontend.SendVringState(VhostUserRequest.SetVringNum, 0, 16);
        frontend.SendVringState(VhostUserRequest.SetVringBase, 0, 0);
        frontend.SetVringAddr(0, cmdq);
        frontend.SetVringFd(VhostUserRequest.SetVringKick, 0, noFd: true);
        frontend.SendVringState(VhostUserRequest.SetVringEnable, 0, 1);
        ushort head = QueueVersionRequest(cmdq); // no kick at all
        AwaitReply(frontend, cmdq, head);
    }

    [Fact]
    public void Reply_ack_reports_success_and_failure()
    {
        using var server = new RunningServer(new NotSupportedModel());
        using var frontend = server.Connect();
        frontend.SendU64(VhostUserRequest.SetProtocolFeatures, (ulong)VhostUserProtocolFeatures.ReplyAck);
        frontend.SendVringState(VhostUserRequest.SetVringNum, 0, 64, needReply: true);
        Assert.Equal(0UL, frontend.ReceiveAck());
        frontend.SendVringState(VhostUserRequest.SetVringNum, 0, 3, needReply: true); // not a power of two
        Assert.NotEqual(0UL, frontend.ReceiveAck());
        frontend.SendVringState(VhostUserRequest.SetVringNum, 7, 64, needReply: true); // no queue 7
        Assert.NotEqual(0UL, frontend.ReceiveAck());
    }

    [Fact]
    public void Without_reply_ack_need_reply_gets_no_answer()
    {
        using var server = new RunningServer(new NotSupportedModel());
        using var frontend = server.Connect();
        frontend.SendVringState(VhostUserRequest.SetVringNum, 0, 64, needReply: true);
        Assert.True(frontend.IsQuiet());
    }

    [Fact]
    public void Unknown_request_is_logged_answered_with_failure_and_the_connection_survives()
    {
        using var server = new RunningServer(new NotSupportedModel());
        using var frontend = server.Connect();
        frontend.SendU64(VhostUserRequest.SetProtocolFeatures, (ulong)VhostUserProtocolFeatures.ReplyAck);
        frontend.Send(999, new byte[16], needReply: true);
        Assert.Equal(1UL, frontend.ReceiveAck());
        frontend.Send(VhostUserRequest.SetLogBase, new byte[16], needReply: true);
        Assert.Equal(1UL, frontend.ReceiveAck());
        Assert.Equal((ulong)VhostUserBackend.OfferedFeatures, frontend.RequestU64(VhostUserRequest.GetFeatures));
        Assert.Contains("request 999", server.Log.ToString());
        Assert.Contains("is not supported", server.Log.ToString());
    }

    [Fact]
    public void Ring_outside_the_memory_table_is_not_started_and_err_is_signalled()
    {
        using var server = new RunningServer(new NotSupportedModel());
        using var frontend = server.Connect();
        frontend.SetVringFd(VhostUserRequest.SetVringErr, 0);
        frontend.SendU64(VhostUserRequest.SetFeatures, (ulong)VirtioFeatures.Version1);
        frontend.SetMemTable();
        frontend.SendVringState(VhostUserRequest.SetVringNum, 0, 16);
        ulong outside = frontend.Ram.FrontendAddressOf(frontend.Ram.GuestBase) + VhostUserFrontendDouble.RamBytes - 8; // straddles the end
        frontend.SetVringAddrRaw(0, outside, outside, outside);
        frontend.SetVringFd(VhostUserRequest.SetVringKick, 0);
        Assert.True(frontend.WaitErr(0));
        Assert.False(server.Device.IsQueueRunning(0));
        Assert.Contains("ring addresses are not inside the memory table", server.Log.ToString());
    }

    [Fact]
    public void Reset_device_stops_rings_and_resets_the_model()
    {
        var model = new NotSupportedModel();
        using var server = new RunningServer(model);
        using var frontend = server.Connect();
        (DriverQueue cmdq, _) = Handshake(frontend);
        Assert.True(RunningServer.Eventually(() => server.Device.IsQueueRunning(0)));
        frontend.Send(VhostUserRequest.ResetDevice, [], needReply: true);
        Assert.Equal(0UL, frontend.ReceiveAck());
        Assert.False(server.Device.IsQueueRunning(0));
        Assert.True(model.Resets >= 1);
    }

    [Fact]
    public void Disconnect_then_reconnect_serves_the_next_frontend_with_fresh_state()
    {
        var model = new NotSupportedModel();
        using var server = new RunningServer(model);
        using (var first = server.Connect())
        {
            (DriverQueue cmdq, _) = Handshake(first);
            ExchangeVersionRequest(first, cmdq);
        } // frontend vanishes without stopping the rings
        Assert.True(RunningServer.Eventually(() => model.Resets >= 1 && !server.Device.IsQueueRunning(0)));

        using var second = server.Connect();
        (DriverQueue cmdq2, _) = Handshake(second);
        byte[] reply = ExchangeVersionRequest(second, cmdq2);
        Assert.Equal(0x10u << 10, BinaryPrimitives.ReadUInt32LittleEndian(reply));
        Assert.Equal(2, server.Server.Connections);
        Assert.Equal(2, model.Starts);
    }

    [Fact]
    public void Broken_header_closes_the_connection_and_the_server_accepts_the_next()
    {
        using var server = new RunningServer(new NotSupportedModel());
        using (var rude = server.Connect())
        {
            rude.Send(VhostUserRequest.GetFeatures, new byte[VhostUserHeader.MaxPayload + 1]);
            Assert.True(RunningServer.Eventually(() => server.Log.ToString().Contains("bad header")));
        }
        using var polite = server.Connect();
        Assert.Equal((ulong)VhostUserBackend.OfferedFeatures, polite.RequestU64(VhostUserRequest.GetFeatures));
    }

    [Fact]
    public void Event_delivered_by_the_model_arrives_in_a_posted_eventq_buffer()
    {
        var model = new Virtqueue.RecordingModel();
        using var server = new RunningServer(model);
        using var frontend = server.Connect();
        (_, DriverQueue eventq) = Handshake(frontend);
        eventq.AddChain([], [64]);
        frontend.KickQueue(1);
        Assert.True(RunningServer.Eventually(() => model.EventKicks >= 1));
        byte[] notification = BitConverter.GetBytes((3u << 8) | (0x10u << 10));
        Assert.True(model.Events!.IsAvailable);
        Assert.True(model.Events.TryDeliver(notification)); // from the test thread, not the server's
        Assert.True(frontend.WaitCall(1));
        Assert.True(eventq.TryTakeUsed(out UsedElement used));
        Assert.Equal(notification, eventq.ReadReply(used.Id, used.Length));
    }

    [Fact]
    public void New_memory_table_while_rings_run_keeps_serving_from_the_same_position()
    {
        using var server = new RunningServer(new NotSupportedModel());
        using var frontend = server.Connect();
        (DriverQueue cmdq, _) = Handshake(frontend);
        ExchangeVersionRequest(frontend, cmdq);
        frontend.SetMemTable(needReply: true); // the old mapping is unmapped, the running rings move over
        Assert.Equal(0UL, frontend.ReceiveAck());
        ExchangeVersionRequest(frontend, cmdq);
        Assert.Equal(2, server.Device.Counters.Commands);
    }

    [Fact]
    public void New_memory_table_that_no_longer_holds_the_rings_stops_them_and_signals_err()
    {
        using var server = new RunningServer(new NotSupportedModel());
        using var frontend = server.Connect();
        Handshake(frontend);
        Assert.True(RunningServer.Eventually(() => server.Device.IsQueueRunning(0)));
        frontend.SetMemTable(needReply: true, frontendAddress: 0x1000_0000_0000); // same RAM, rings now untranslatable
        Assert.Equal(0UL, frontend.ReceiveAck());
        Assert.False(server.Device.IsQueueRunning(0));
        Assert.True(frontend.WaitErr(0));
        Assert.Contains("queue 0 stops", server.Log.ToString());
    }

    [Fact]
    public void Two_region_table_with_an_mmap_offset_translates_rings_and_buffers_in_both_regions()
    {
        var model = new Virtqueue.RecordingModel();
        using var server = new RunningServer(model);
        using var frontend = server.Connect();
        GuestRam ram = frontend.Ram;
        var cmdq = new DriverQueue(ram, 16);                 // lies in the first region
        ulong split = ram.Allocate(0, 1 << 16);               // region boundary, 64 KiB aligned
        var eventq = new DriverQueue(ram, 16);               // lies in the second region
        ulong firstSize = split - ram.GuestBase;
        frontend.SendU64(VhostUserRequest.SetProtocolFeatures, (ulong)VhostUserProtocolFeatures.ReplyAck);
        frontend.SetVringFd(VhostUserRequest.SetVringCall, 0);
        frontend.SetVringFd(VhostUserRequest.SetVringCall, 1);
        frontend.SendU64(VhostUserRequest.SetFeatures, (ulong)(VirtioFeatures.Version1 | ScmiFeatures.P2AChannels));
        frontend.SetMemTableRegions(true, (ram.GuestBase, firstSize, 0), (split, VhostUserFrontendDouble.RamBytes - firstSize, firstSize));
        Assert.Equal(0UL, frontend.ReceiveAck());
        frontend.StartRing(0, cmdq, enable: false);
        frontend.StartRing(1, eventq, enable: false);

        Assert.Equal(0x10u << 10, BinaryPrimitives.ReadUInt32LittleEndian(ExchangeVersionRequest(frontend, cmdq)));

        eventq.AddChain([], [32]);
        frontend.KickQueue(1);
        Assert.True(RunningServer.Eventually(() => model.EventKicks >= 1));
        byte[] message = [1, 2, 3, 4, 5, 6, 7, 8];
        Assert.True(model.Events!.TryDeliver(message));
        Assert.True(frontend.WaitCall(1));
        Assert.True(eventq.TryTakeUsed(out UsedElement used));
        Assert.Equal(message, eventq.ReadReply(used.Id, used.Length));
    }

    [Fact]
    public void Memory_table_with_more_regions_than_descriptors_is_refused()
    {
        using var server = new RunningServer(new NotSupportedModel());
        using var frontend = server.Connect();
        frontend.SendU64(VhostUserRequest.SetProtocolFeatures, (ulong)VhostUserProtocolFeatures.ReplyAck);
        byte[] payload = new byte[8 + 2 * 32];
        BinaryPrimitives.WriteUInt32LittleEndian(payload, 2);
        frontend.Send(VhostUserRequest.SetMemTable, payload, needReply: true); // two regions, no fds
        Assert.NotEqual(0UL, frontend.ReceiveAck());
        Assert.Equal((ulong)VhostUserBackend.OfferedFeatures, frontend.RequestU64(VhostUserRequest.GetFeatures));
    }

    [Fact]
    public void Stop_while_a_frontend_is_connected_ends_the_server_and_resets_the_model()
    {
        var model = new NotSupportedModel();
        var server = new RunningServer(model);
        using var frontend = server.Connect();
        Handshake(frontend);
        Assert.True(RunningServer.Eventually(() => server.Device.IsQueueRunning(0)));
        server.Dispose(); // Stop + join: throws when the thread does not end
        Assert.False(server.Device.IsQueueRunning(0));
        Assert.True(model.Resets >= 1);
    }

    [Fact]
    public void A_socket_someone_still_listens_on_is_not_taken_over_but_a_stale_one_is_replaced()
    {
        using var server = new RunningServer(new NotSupportedModel());
        var second = new VhostUserServer(server.SocketPath, new ScmiVirtioDevice(new NotSupportedModel(), TransportLog.Silent), TransportLog.Silent);
        IOException refused = Assert.Throws<IOException>(second.Listen);
        Assert.Contains("another backend is listening", refused.Message);
        second.Dispose();
        using var frontend = server.Connect(); // the first server still owns its socket
        Assert.Equal((ulong)VhostUserBackend.OfferedFeatures, frontend.RequestU64(VhostUserRequest.GetFeatures));

        string stale = Path.Combine(Path.GetDirectoryName(server.SocketPath)!, "stale.sock");
        File.WriteAllText(stale, "left over");
        using var third = new VhostUserServer(stale, new ScmiVirtioDevice(new NotSupportedModel(), TransportLog.Silent), TransportLog.Silent);
        third.Listen();
        using VhostUserFrontendDouble probe = VhostUserFrontendDouble.Connect(stale); // accepted into the backlog
    }
}
