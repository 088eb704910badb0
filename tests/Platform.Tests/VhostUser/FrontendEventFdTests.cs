// Kick, call and err descriptors come from the frontend: whatever they are (a pipe that hangs up, a blocking
// eventfd shared by both queues, a call eventfd at its maximum count), the one server thread never spins or blocks.
using Platform.Tests.Doubles;
using Platform.Tests.Integration;
using ScmiPlatform.Device;
using ScmiPlatform.VhostUser;
using ScmiPlatform.Virtqueue;
using Xunit;

namespace Platform.Tests.VhostUser;

public sealed class FrontendEventFdTests
{
    private static readonly byte[] BaseProtocolVersion = BitConverter.GetBytes(0x10u << 10);
    // eventfd(2): "the maximum value that may be stored in the counter is the largest unsigned 64-bit value minus 1".
    private const ulong EventFdMaximum = ulong.MaxValue - 1;

    /// <summary>Features without VHOST_USER_F_PROTOCOL_FEATURES (rings start enabled), the memory table, call fds.</summary>
    private static (DriverQueue Cmdq, DriverQueue Eventq) Prepare(VhostUserFrontendDouble frontend)
    {
        frontend.SendU64(VhostUserRequest.SetFeatures, (ulong)(VirtioFeatures.Version1 | ScmiFeatures.P2AChannels));
        frontend.SetMemTable();
        frontend.SetVringFd(VhostUserRequest.SetVringCall, 0);
        frontend.SetVringFd(VhostUserRequest.SetVringCall, 1);
        return (new DriverQueue(frontend.Ram, 16), new DriverQueue(frontend.Ram, 16));
    }

    private static void DescribeRing(VhostUserFrontendDouble frontend, uint index, DriverQueue queue)
    {
        frontend.SendVringState(VhostUserRequest.SetVringNum, index, (uint)queue.Size);
        frontend.SendVringState(VhostUserRequest.SetVringBase, index, 0);
        frontend.SetVringAddr(index, queue);
    }

    private static unsafe OwnedFd BlockingEventFd(ulong initial = 0)
    {
        int fd = Libc.EventFd(0, Libc.EFD_CLOEXEC);
        Assert.True(fd >= 0);
        var owned = new OwnedFd(fd);
        if (initial != 0)
            Assert.Equal(sizeof(ulong), (int)Libc.Write(fd, &initial, sizeof(ulong)));
        return owned;
    }

    private static bool AwaitUsed(DriverQueue queue, out UsedElement used)
    {
        UsedElement found = default;
        bool ok = RunningServer.Eventually(() => queue.TryTakeUsed(out found));
        used = found;
        return ok;
    }

    [Fact]
    public void A_blocking_eventfd_shared_as_both_kick_fds_does_not_block_the_server()
    {
        using var server = new RunningServer(new NotSupportedModel());
        using VhostUserFrontendDouble frontend = server.Connect();
        (DriverQueue cmdq, DriverQueue eventq) = Prepare(frontend);
        using OwnedFd shared = BlockingEventFd();
        DescribeRing(frontend, 0, cmdq);
        DescribeRing(frontend, 1, eventq);
        frontend.SendVringFd(VhostUserRequest.SetVringKick, 0, shared.Value);
        frontend.SendVringFd(VhostUserRequest.SetVringKick, 1, shared.Value);
        frontend.RequestU64(VhostUserRequest.GetFeatures);

        ushort head = cmdq.AddChain([BaseProtocolVersion], [16]);
        EventFd.Signal(shared.Value); // both queues see it readable; only one read finds the count
        Assert.True(AwaitUsed(cmdq, out UsedElement used), "the request must be served");
        Assert.Equal(head, (ushort)used.Id);
        // The server thread is still free: it answers the next message and serves the next kick.
        Assert.Equal((ulong)VhostUserBackend.OfferedFeatures, frontend.RequestU64(VhostUserRequest.GetFeatures));
        head = cmdq.AddChain([BaseProtocolVersion], [16]);
        EventFd.Signal(shared.Value);
        Assert.True(AwaitUsed(cmdq, out used));
        Assert.Equal(head, (ushort)used.Id);
    }

    [Fact]
    public void A_call_eventfd_at_its_maximum_count_does_not_block_the_server_and_is_logged_once()
    {
        using var server = new RunningServer(new NotSupportedModel());
        using VhostUserFrontendDouble frontend = server.Connect();
        (DriverQueue cmdq, _) = Prepare(frontend);
        using OwnedFd saturated = BlockingEventFd(EventFdMaximum);
        frontend.SendVringFd(VhostUserRequest.SetVringCall, 0, saturated.Value);
        DescribeRing(frontend, 0, cmdq);
        frontend.SetVringFd(VhostUserRequest.SetVringKick, 0);
        frontend.RequestU64(VhostUserRequest.GetFeatures);

        for (int request = 0; request < 3; request++)
        {
            ushort head = cmdq.AddChain([BaseProtocolVersion], [16]);
            frontend.KickQueue(0);
            Assert.True(AwaitUsed(cmdq, out UsedElement used), $"request {request} must be served");
            Assert.Equal(head, (ushort)used.Id);
            Assert.Equal((ulong)VhostUserBackend.OfferedFeatures, frontend.RequestU64(VhostUserRequest.GetFeatures));
        }
        string log = server.Log.ToString();
        Assert.Single(log.Split('\n'), line => line.Contains("call fd of queue 0") && line.Contains("not reading"));
    }

    [Fact]
    public void Every_received_descriptor_is_made_non_blocking()
    {
        using var server = new RunningServer(new NotSupportedModel());
        using VhostUserFrontendDouble frontend = server.Connect();
        (DriverQueue cmdq, _) = Prepare(frontend);
        using OwnedFd kick = BlockingEventFd();
        using OwnedFd call = BlockingEventFd();
        using OwnedFd err = BlockingEventFd();
        DescribeRing(frontend, 0, cmdq);
        frontend.SendVringFd(VhostUserRequest.SetVringCall, 0, call.Value);
        frontend.SendVringFd(VhostUserRequest.SetVringErr, 0, err.Value);
        frontend.SendVringFd(VhostUserRequest.SetVringKick, 0, kick.Value);
        frontend.RequestU64(VhostUserRequest.GetFeatures);
        // O_NONBLOCK is a property of the open file, which the backend shares with us through SCM_RIGHTS.
        const int GetStatusFlags = 3, NonBlocking = 0x800;
        foreach (OwnedFd fd in new[] { kick, call, err })
            Assert.True((Libc.Fcntl(fd.Value, GetStatusFlags, 0) & NonBlocking) != 0, $"fd {fd} is still blocking");
    }

    [Fact]
    public async Task A_kick_fd_that_hangs_up_is_dropped_with_a_log_line_instead_of_spinning()
    {
        string folder = Directory.CreateTempSubdirectory("scmi-hup-").FullName;
        try
        {
            string socket = Path.Combine(folder, "scmi.sock");
            using var daemon = new DaemonProcess(socket);
            Assert.True(await daemon.WaitListeningAsync(TimeSpan.FromSeconds(30)), daemon.Stderr);
            using VhostUserFrontendDouble frontend = VhostUserFrontendDouble.Connect(socket);
            (DriverQueue cmdq, _) = Prepare(frontend);
            (OwnedFd readEnd, OwnedFd writeEnd) = Pipe();
            using OwnedFd reader = readEnd;
            DescribeRing(frontend, 0, cmdq);
            frontend.SendVringFd(VhostUserRequest.SetVringKick, 0, reader.Value);
            writeEnd.Dispose(); // the writer is gone: poll reports POLLHUP on the read end for ever
            frontend.RequestU64(VhostUserRequest.GetFeatures);

            Thread.Sleep(300);
            long before = MainThreadCpuTicks(daemon.Id);
            Thread.Sleep(1000);
            long used = MainThreadCpuTicks(daemon.Id) - before;
            // The server runs on the daemon's main thread: idle, it sleeps in poll (0 ticks); spinning, it takes
            // whatever share of a core a loaded machine gives it (10+ ticks seen on two busy cores).
            Assert.True(used < 3, $"the server thread used {used} ticks (1/100 s) of CPU in 1 s while idle\n{daemon.Stderr}");
            Assert.Contains("kick fd of queue 0 hung up", daemon.Stderr);
            // The ring is still served (polled from now on) and the connection is alive.
            ushort head = cmdq.AddChain([BaseProtocolVersion], [16]);
            Assert.True(AwaitUsed(cmdq, out UsedElement element), daemon.Stderr);
            Assert.Equal(head, (ushort)element.Id);
            Assert.Equal((ulong)VhostUserBackend.OfferedFeatures, frontend.RequestU64(VhostUserRequest.GetFeatures));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static unsafe (OwnedFd Read, OwnedFd Write) Pipe()
    {
        int* ends = stackalloc int[2];
        Assert.Equal(0, Libc.Pipe2(ends, Libc.SOCK_CLOEXEC));
        return (new OwnedFd(ends[0]), new OwnedFd(ends[1]));
    }

    /// <summary>utime + stime of a process's main thread, in clock ticks (proc(5) /proc/pid/task/tid/stat fields 14 and 15).</summary>
    private static long MainThreadCpuTicks(int pid)
    {
        string stat = File.ReadAllText($"/proc/{pid}/task/{pid}/stat");
        string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11]) + long.Parse(fields[12]);
    }
}
