// The full host path: a vhost-user server thread, a unix socket, memfd RAM, kick and call eventfds.
using System.Diagnostics;
using Platform.Tests.Doubles;
using ScmiPlatform.Device;
using ScmiPlatform.VhostUser;
using ScmiPlatform.Virtqueue;

namespace ScmiPlatform.Bench;

/// <summary>One request per kick eventfd write, timed until the call eventfd fires and the used element is read.</summary>
public static class VhostUserScenario
{
    /// <summary>The frontend's side of the handshake QEMU makes (protocol features, call fd, features, memory table), then cmdq started.</summary>
    internal static DriverQueue StartCommandQueue(VhostUserFrontendDouble frontend)
    {
        frontend.SendU64(VhostUserRequest.SetProtocolFeatures, (ulong)VhostUserBackend.OfferedProtocolFeatures);
        frontend.SetVringFd(VhostUserRequest.SetVringCall, 0);
        frontend.SendU64(VhostUserRequest.SetFeatures, (ulong)(ScmiDriverDouble.DefaultFeatures | VhostUserFeatures.ProtocolFeatures));
        frontend.SetMemTable();
        var cmdq = new DriverQueue(frontend.Ram, 256);
        frontend.StartRing(0, cmdq);
        return cmdq;
    }

    public static string Run(string name, IScmiDeviceModel model, int requests)
    {
        string folder = Directory.CreateTempSubdirectory("scmi-bench-").FullName;
        string socket = Path.Combine(folder, "scmi.sock");
        var device = new ScmiVirtioDevice(model, TransportLog.Silent);
        using var server = new VhostUserServer(socket, device, TransportLog.Silent);
        server.Listen();
        var thread = new Thread(server.Run) { IsBackground = true };
        thread.Start();
        try
        {
            using var frontend = VhostUserFrontendDouble.Connect(socket);
            DriverQueue cmdq = StartCommandQueue(frontend);
            byte[][] messages = InProcessScenarios.BaseRequests();
            void RoundTrip(int i)
            {
                cmdq.AddRequest(messages[i % messages.Length], InProcessScenarios.ReplyCapacity);
                frontend.KickQueue(0);
                if (!frontend.WaitCall(0) || !cmdq.TryTakeUsed(out _))
                    throw new InvalidOperationException("no reply over vhost-user");
            }
            for (int i = 0; i < 1000; i++)
                RoundTrip(i); // warm up the JIT on both sides
            var stats = new LatencyStats(requests);
            // Both threads count here: the server's as much as this one's.
            long allocated = GC.GetTotalAllocatedBytes(precise: true);
            double cpu = CpuClock.ProcessSeconds();
            var clock = Stopwatch.StartNew();
            for (int i = 0; i < requests; i++)
            {
                long start = Stopwatch.GetTimestamp();
                RoundTrip(i);
                stats.Add(Stopwatch.GetTimestamp() - start);
            }
            clock.Stop();
            stats.AllocatedBytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
            stats.CpuSeconds = CpuClock.ProcessSeconds() - cpu;
            return stats.Report(name, clock.Elapsed, requests);
        }
        finally
        {
            server.Stop();
            thread.Join();
            Directory.Delete(folder, recursive: true);
        }
    }
}
