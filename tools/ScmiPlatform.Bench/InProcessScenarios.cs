// Queue-service scenarios without sockets: the driver double kicks ScmiVirtioDevice directly.
using System.Buffers.Binary;
using System.Diagnostics;
using Platform.Tests.Doubles;
using ScmiPlatform.Device;
using ScmiPlatform.Virtqueue;

namespace ScmiPlatform.Bench;

/// <summary>Requests through the real split-queue service and device adapter over guest RAM in this process.</summary>
public static class InProcessScenarios
{
    /// <summary>The reply area each request offers (bytes), as the firmware's transport does.</summary>
    public const int ReplyCapacity = 128;

    /// <summary>One request per kick, waited for before the next: the service time of a single command.</summary>
    public static string OneAtATime(string name, IScmiDeviceModel model, int requests, VirtioFeatures extra = 0)
    {
        using var driver = new ScmiDriverDouble(model, ScmiDriverDouble.DefaultFeatures | extra, queueSize: 256);
        var stats = new LatencyStats(requests);
        byte[][] messages = BaseRequests();
        byte[] reply = new byte[ReplyCapacity];
        for (int i = 0; i < 2000; i++)
            driver.TransactInto(messages[i % messages.Length], reply); // warm up the JIT
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        double cpu = CpuClock.ThreadSeconds();
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < requests; i++)
        {
            long start = Stopwatch.GetTimestamp();
            driver.TransactInto(messages[i % messages.Length], reply);
            stats.Add(Stopwatch.GetTimestamp() - start);
        }
        clock.Stop();
        stats.AllocatedBytes = GC.GetAllocatedBytesForCurrentThread() - allocated;
        stats.CpuSeconds = CpuClock.ThreadSeconds() - cpu;
        return stats.Report(name, clock.Elapsed, requests);
    }

    /// <summary>Batches of <paramref name="batch"/> requests per kick: sustained throughput; latency is per batch / batch.</summary>
    public static string Batched(string name, IScmiDeviceModel model, int requests, int batch)
    {
        using var driver = new ScmiDriverDouble(model, ScmiDriverDouble.DefaultFeatures, queueSize: 256);
        byte[][] messages = BaseRequests();
        byte[] reply = new byte[ReplyCapacity];
        int rounds = requests / batch;
        var stats = new LatencyStats(rounds);
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        double cpu = CpuClock.ThreadSeconds();
        var clock = Stopwatch.StartNew();
        for (int r = 0; r < rounds; r++)
        {
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < batch; i++)
                driver.CommandQueue.AddRequest(messages[i % messages.Length], ReplyCapacity);
            driver.Kick(ScmiVirtioDevice.CommandQueueIndex);
            int returned = 0;
            while (driver.CommandQueue.TryTakeUsed(out UsedElement used))
            {
                driver.CommandQueue.ReadReply(used.Id, used.Length, reply);
                returned++;
            }
            if (returned != batch)
                throw new InvalidOperationException($"batch returned {returned} of {batch}");
            stats.Add((Stopwatch.GetTimestamp() - start) / batch);
        }
        clock.Stop();
        stats.AllocatedBytes = GC.GetAllocatedBytesForCurrentThread() - allocated;
        stats.CpuSeconds = CpuClock.ThreadSeconds() - cpu;
        return stats.Report(name, clock.Elapsed, rounds * batch);
    }

    /// <summary>BASE PROTOCOL_VERSION, PROTOCOL_ATTRIBUTES, PROTOCOL_MESSAGE_ATTRIBUTES(0), DISCOVER_VENDOR.</summary>
    public static byte[][] BaseRequests()
    {
        const uint Base = 0x10u << 10;
        byte[] Message(uint id, params uint[] parameters)
        {
            byte[] bytes = new byte[4 + 4 * parameters.Length];
            BinaryPrimitives.WriteUInt32LittleEndian(bytes, Base | id);
            for (int i = 0; i < parameters.Length; i++)
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4 + 4 * i), parameters[i]);
            return bytes;
        }
        return [Message(0), Message(1), Message(2, 0), Message(3)];
    }
}
