// Item 3 of ./nf bench: commands per second with 1, 8, 32 and the whole message pool in flight.
using System;
using Nano.Runtime.Native;
using Scmi;

namespace Bench;

/// <summary>
/// Keeps <c>depth</c> BASE PROTOCOL_VERSION commands queued on the transport (interrupt completion): each one
/// answered is fetched, released and replaced at once, until <c>count</c> have been answered. The agent's
/// Invoke is synchronous (one in flight), so this drives the transport beneath it directly.
/// </summary>
internal static class Throughput
{
    public static bool Run(ScmiTransport transport, ScmiMessageHandle[] handles, bool[] active, int count)
    {
        int pool = transport.Capabilities.MaxInFlight;
        if (pool > handles.Length)
            pool = handles.Length;
        BenchLine.Write("throughput.pool", (ulong)pool, "messages");
        return Measure(transport, handles, active, 1, count, "1")
            && Measure(transport, handles, active, 8, count, "8")
            && Measure(transport, handles, active, 32, count, "32")
            && Measure(transport, handles, active, pool, count, "pool");
    }

    private static bool Measure(ScmiTransport transport, ScmiMessageHandle[] handles, bool[] active, int depth, int count, string name)
    {
        Span<byte> values = stackalloc byte[4];
        int sent = 0;
        int answered = 0;
        ulong busy = 0;
        ulong start = Clock.Ticks;
        for (int i = 0; i < depth; i++)
        {
            active[i] = Send(transport, handles, i, ref busy);
            if (!active[i])
                return Fail(name);
            sent++;
        }
        while (answered < count)
        {
            for (int i = 0; i < depth; i++)
            {
                if (!active[i] || !transport.IsDone(handles[i]))
                    continue;
                ScmiTransportResult fetched = transport.FetchResponse(handles[i], out ScmiStatus status, values, out _);
                transport.MarkTxDone(handles[i], false);
                if (fetched != ScmiTransportResult.Ok || status != ScmiStatus.Success)
                    return Fail(name);
                answered++;
                active[i] = false;
                if (sent < count)
                {
                    active[i] = Send(transport, handles, i, ref busy);
                    if (!active[i])
                        return Fail(name);
                    sent++;
                }
            }
        }
        ulong elapsed = Clock.Ticks - start;
        BenchLine.Write("throughput", name, "rate", (ulong)count * Clock.Frequency / (elapsed == 0 ? 1 : elapsed), "commands/s");
        BenchLine.Write("throughput", name, "busy", busy, "refusals");
        return true;
    }

    private static bool Send(ScmiTransport transport, ScmiMessageHandle[] handles, int slot, ref ulong busy)
    {
        // An empty pool (a late release) answers BUSY: try again; anything else is a failure.
        for (int attempt = 0; attempt < 1_000_000; attempt++)
        {
            ScmiTransportResult result = transport.Send(ScmiHeader.Command(ScmiProtocolId.Base, 0), default, 4, 4, false, out handles[slot]);
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
