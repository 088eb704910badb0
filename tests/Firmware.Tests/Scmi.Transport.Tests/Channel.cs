// The suite's one SCMI channel: found, checked for VERSION_1 compliance, brought up, its interrupt routed, the heap sealed.
using System;
using Nano.Runtime;
using Nano.TestFramework;
using Scmi;
using Scmi.Virtio;
using Virtio;

namespace Scmi.Transport.Tests;

/// <summary>
/// Bring-up shared by every class, done once before the first test: discovery (a second SCMI device
/// would be refused), the VERSION_1-required check (refused on a legacy device, accepted on a modern one),
/// the transport with its pools, the interrupt, then <c>Heap.Seal()</c>. Tests allocate nothing after.
/// </summary>
internal static class Channel
{
    public static ScmiVirtioTransport? Transport;
    public static MmioTransportLocation Location;
    public static MmioDeviceIdentity Identity;
    public static int RefusedDevices;
    public static ScmiVirtioStart StrictStart;
    public static long BytesAtSeal;

    public static ScmiVirtioTransport Up()
    {
        if (Transport is not null)
            return Transport;
        Assert.IsTrue(ScmiVirtioDiscovery.TryFind(out Location, out Identity, out RefusedDevices), "no virtio SCMI device found");
        var device = new VirtioDevice(new MmioTransport(new MmioRegisterWindow(Location.BaseAddress), Identity));

        // Linux's compliance switch: with VERSION_1 required a legacy device is refused, a modern one accepted.
        var strict = new ScmiVirtioOptions { RequireVersion1 = true, SyncTimeoutMicroseconds = 5_000_000 };
        StrictStart = ScmiVirtioTransport.Create(device, strict, HeapDmaAllocator.Instance, BarrierMemoryOrdering.Instance, out ScmiVirtioTransport? transport);
        if (transport is null)
        {
            var lenient = new ScmiVirtioOptions { SyncTimeoutMicroseconds = 5_000_000 };
            ScmiVirtioStart started = ScmiVirtioTransport.Create(device, lenient, HeapDmaAllocator.Instance, BarrierMemoryOrdering.Instance, out transport);
            Assert.AreEqual((int)ScmiVirtioStart.Ok, (int)started, "transport start");
        }
        Transport = transport!;
        ScmiVirtioInterrupt.Attach(Transport, Location.InterruptId);
        Heap.Seal();
        BytesAtSeal = Heap.BytesAllocated;
        return Transport;
    }

    /// <summary>Fails the test if anything was allocated since the seal.</summary>
    public static void AssertNothingAllocated() => Assert.AreEqual(BytesAtSeal, Heap.BytesAllocated, "heap bytes after the seal");

    /// <summary>One BASE PROTOCOL_VERSION round trip, checked; returns the transport result.</summary>
    public static ScmiTransportResult BaseVersion(bool poll)
    {
        Span<byte> values = stackalloc byte[4];
        ScmiTransportResult result = ScmiExchange.Run(Transport!, BoardScmiClock.Instance, ScmiHeader.Command(ScmiProtocolId.Base, 0),
            default, 4, poll, values, out ScmiStatus status, out int length);
        if (result == ScmiTransportResult.Ok)
        {
            Assert.AreEqual((int)ScmiStatus.Success, (int)status, "status");
            Assert.AreEqual(4, length, "return bytes");
            Assert.AreEqual(0x20000u, System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(values), "base protocol version");
        }
        return result;
    }

    public static void AssertOk(ScmiTransportResult result, string what) => Assert.AreEqual((int)ScmiTransportResult.Ok, (int)result, what);
}
