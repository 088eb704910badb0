// Item 3 of ./nf bench: commands per second with 1, 8, 32 and the whole message pool in flight, by interrupt and by polling.
using System;
using Nano.Runtime.Native;
using Scmi;
using Scmi.Virtio;

namespace Bench;

/// <summary>
/// Keeps <c>depth</c> BASE PROTOCOL_VERSION commands queued on the transport: each one answered is fetched, released
/// and replaced at once, until <c>count</c> have been answered. The agent's Invoke is synchronous (one in flight), so
/// this drives the transport beneath it directly. Once with interrupt completion ("throughput.DEPTH.*"), once polled
/// with the device's interrupt masked ("throughput.poll.DEPTH.*"); each depth also reports the available-buffer
/// notifications (kicks) it wrote, the ones the device let it skip, and the interrupts taken: what the notification
/// path cost per command.
/// </summary>
internal static class Throughput
{
    public static bool Run(ScmiVirtioTransport transport, uint interruptId, ScmiMessageHandle[] handles, bool[] active, int count)
    {
        int pool = transport.Capabilities.MaxInFlight;
        if (pool > handles.Length)
            pool = handles.Length;
        BenchLine.Write("throughput.pool", (ulong)pool, "messages");
        BenchLine.Write("throughput.count", (ulong)count, "commands");
        if (!(Measure(transport, handles, active, 1, count, false, "1")
            && Measure(transport, handles, active, 8, count, false, "8")
            && Measure(transport, handles, active, 32, count, false, "32")
            && Measure(transport, handles, active, pool, count, false, "pool")))
        {
            return false;
        }
        // Polling alone: with the interrupt masked the handler cannot take a reply first.
        Interrupts.Disable(interruptId);
        bool ok = Measure(transport, handles, active, 1, count, true, "poll.1")
            && Measure(transport, handles, active, 8, count, true, "poll.8")
            && Measure(transport, handles, active, 32, count, true, "poll.32")
            && Measure(transport, handles, active, pool, count, true, "poll.pool");
        Interrupts.Enable(interruptId);
        return ok;
    }

    private static bool Measure(ScmiVirtioTransport transport, ScmiMessageHandle[] handles, bool[] active, int depth, int count, bool poll,
        string name)
    {
        Span<byte> values = stackalloc byte[4];
        int sent = 0;
        int answered = 0;
        ulong busy = 0;
        ulong kicks = transport.CommandQueue.Counters.NotificationsSent;
        ulong skipped = transport.CommandQueue.Counters.NotificationsSuppressed;
        ulong interrupts = transport.Counters.Interrupts;
        ulong start = Clock.Ticks;
        for (int i = 0; i < depth; i++)
        {
            active[i] = Send(transport, handles, i, poll, ref busy);
            if (!active[i])
                return Fail(name);
            sent++;
        }
        while (answered < count)
        {
            for (int i = 0; i < depth; i++)
            {
                if (!active[i] || !(poll ? transport.PollDone(handles[i]) : transport.IsDone(handles[i])))
                    continue;
                ScmiTransportResult fetched = transport.FetchResponse(handles[i], out ScmiStatus status, values, out _);
                transport.MarkTxDone(handles[i], false);
                if (fetched != ScmiTransportResult.Ok || status != ScmiStatus.Success)
                    return Fail(name);
                answered++;
                active[i] = false;
                if (sent < count)
                {
                    active[i] = Send(transport, handles, i, poll, ref busy);
                    if (!active[i])
                        return Fail(name);
                    sent++;
                }
            }
        }
        ulong elapsed = Clock.Ticks - start;
        BenchLine.Write("throughput", name, "rate", (ulong)count * Clock.Frequency / (elapsed == 0 ? 1 : elapsed), "commands/s");
        BenchLine.Write("throughput", name, "busy", busy, "refusals");
        BenchLine.Write("throughput", name, "kicks", transport.CommandQueue.Counters.NotificationsSent - kicks, "notifications");
        BenchLine.Write("throughput", name, "kicks_skipped", transport.CommandQueue.Counters.NotificationsSuppressed - skipped, "notifications");
        BenchLine.Write("throughput", name, "interrupts", transport.Counters.Interrupts - interrupts, "interrupts");
        return true;
    }

    private static bool Send(ScmiTransport transport, ScmiMessageHandle[] handles, int slot, bool poll, ref ulong busy)
    {
        // An empty pool (a late release) answers BUSY: try again; anything else is a failure.
        for (int attempt = 0; attempt < 1_000_000; attempt++)
        {
            ScmiTransportResult result = transport.Send(ScmiHeader.Command(ScmiProtocolId.Base, 0), default, 4, 4, poll, out handles[slot]);
            if (result == ScmiTransportResult.Ok)
                return true;
            if (result != ScmiTransportResult.Busy)
                return false;
            busy++;
        }
        return false;
    }

    private static bool Fail(string name)
    {
        Console.Write("bench-error,throughput with ");
        Console.Write(name);
        Console.Write(" in flight failed\n");
        return false;
    }
}
