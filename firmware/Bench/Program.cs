// The benchmark program: brings up the SCMI agent, seals the heap, then measures what the runner named on the command line.
using System;
using System.Runtime.InteropServices;
using Nano.Runtime;
using Nano.Runtime.Native;
using PlatformProfile.Tests;
using Scmi;
using Scmi.Virtio;
using Virtio;

namespace Bench;

/// <summary>
/// The runner (./nf bench) boots this image several times and names each run in /chosen/bootargs as
/// "nf.profile=NAME": a name containing "icount" asks for path lengths (the boot runs under -icount shift=0),
/// any other for latency and throughput; "eventidx" negotiates VIRTIO_F_EVENT_IDX and measures throughput alone;
/// "quick" asks for fewer rounds. Every figure is one
/// "bench,KEY,VALUE,UNIT" line; a failure prints "bench-error,..." and exits 1.
/// </summary>
internal static class Program
{
    private const int PathRounds = 2000;
    private const int QuickPathRounds = 200;
    private const int LatencyRounds = 10_000;
    private const int QuickLatencyRounds = 1000;
    private const int ThroughputCommands = 20_000;
    private const int QuickThroughputCommands = 2000;

    [UnmanagedCallersOnly(EntryPoint = "nano_program_main")]
    private static int Main()
    {
        ReadOnlySpan<byte> profile = ReadOnlySpan<byte>.Empty;
        if (BootArguments.TryRead(out ReadOnlySpan<byte> arguments))
            BootArguments.TryGetProfile(arguments, out profile);
        bool pathLength = Contains(profile, "icount"u8);
        bool quick = Contains(profile, "quick"u8);
        // "eventidx": negotiate VIRTIO_F_EVENT_IDX and measure throughput only (the notification path moved).
        bool eventIndex = Contains(profile, "eventidx"u8);

        // ---- Bring-up: the device, the transport, two agents (plain and timed), every buffer -------------
        if (!ScmiVirtioDiscovery.TryFind(out MmioTransportLocation location, out MmioDeviceIdentity identity, out _))
        {
            BenchLine.Error("no virtio SCMI device", 0);
            return 1;
        }
        var device = new VirtioDevice(new MmioTransport(new MmioRegisterWindow(location.BaseAddress), identity));
        var options = new ScmiVirtioOptions { SyncTimeoutMicroseconds = 5_000_000, EventIndex = eventIndex };
        ScmiVirtioStart started = ScmiVirtioTransport.Create(device, options, HeapDmaAllocator.Instance, BarrierMemoryOrdering.Instance,
            out ScmiVirtioTransport? transport);
        if (started != ScmiVirtioStart.Ok || transport is null)
        {
            BenchLine.Error("transport start", (int)started);
            return 1;
        }
        ScmiVirtioInterrupt plainInterrupt = ScmiVirtioInterrupt.Attach(transport, location.InterruptId);
        var timedInterrupt = new TimedInterrupt(transport);
        var agent = new ScmiAgent(transport, BoardScmiClock.Instance);
        var timedAgent = new ScmiAgent(new TimedTransport(transport), new TimedClock(BoardScmiClock.Instance));
        transport.SetReceiver(agent);
        ulong[] samples = new ulong[LatencyRounds];
        var pathSamples = new PathSamples(PathRounds);
        int pool = transport.Capabilities.MaxInFlight;
        var handles = new ScmiMessageHandle[pool];
        bool[] active = new bool[pool];

        // ---- Seal: nothing below allocates ----------------------------------------------------------
        Heap.Seal();
        long bytesAtSeal = Heap.BytesAllocated;
        BenchLine.Write("bench.heap.sealed", (ulong)bytesAtSeal, "bytes");
        BenchLine.Write("bench.event_index", transport.CommandQueue.EventIndex ? 1UL : 0UL, "negotiated");

        bool ok;
        if (pathLength)
        {
            Interrupts.Register(location.InterruptId, timedInterrupt);
            ok = PathLength.Run(timedAgent, location.InterruptId, pathSamples, quick ? QuickPathRounds : PathRounds);
            Interrupts.Register(location.InterruptId, plainInterrupt);
        }
        else
        {
            ok = (eventIndex || Latency.Run(agent, location.InterruptId, samples, quick ? QuickLatencyRounds : LatencyRounds))
                && Throughput.Run(transport, location.InterruptId, handles, active, quick ? QuickThroughputCommands : ThroughputCommands);
        }
        if (Heap.BytesAllocated != bytesAtSeal)
        {
            BenchLine.Error("allocated after the seal", (int)(Heap.BytesAllocated - bytesAtSeal));
            return 1;
        }
        BenchLine.Write("footprint.bench.stack.thread.used", StackUsage.ThreadUsed, "bytes");
        BenchLine.Write("footprint.bench.stack.thread.size", StackUsage.ThreadSize, "bytes");
        BenchLine.Write("footprint.bench.stack.exception.used", StackUsage.ExceptionUsed, "bytes");
        BenchLine.Write("footprint.bench.stack.exception.size", StackUsage.ExceptionSize, "bytes");
        BenchLine.Write("bench.elapsed", Clock.Microseconds, "us");
        return ok ? 0 : 1;
    }

    private static bool Contains(ReadOnlySpan<byte> text, ReadOnlySpan<byte> word)
    {
        for (int i = 0; i + word.Length <= text.Length; i++)
        {
            if (text.Slice(i, word.Length).SequenceEqual(word))
                return true;
        }
        return false;
    }
}
