// The virtio-rng device this suite drives: found on the board, initialised, its one queue and buffers.
using Nano.Runtime.Native;
using Nano.TestFramework;
using Virtio;

namespace Virtio.Entropy.Tests;

/// <summary>
/// Bring-up shared by the suite's classes: finds QEMU's virtio-rng-device, initialises it with or without
/// VIRTIO_F_EVENT_IDX, sets up requestq (queue 0, virtio 1.3 §5.4.2) and carves the entropy buffers, all
/// before any test runs, so the tests themselves allocate nothing.
/// </summary>
internal static class EntropyDevice
{
    /// <summary>Entropy buffers kept: one per descriptor of QEMU's 8-entry requestq.</summary>
    public const int BufferCount = 8;
    /// <summary>Bytes per entropy request.</summary>
    public const int BufferBytes = 64;

    public static MmioTransportLocation Location;
    public static MmioDeviceIdentity Identity;
    public static VirtioDevice? Device;
    public static readonly DmaRegion?[] Buffers = new DmaRegion?[BufferCount];
    public static readonly EntropyCollector Collector = new EntropyCollector();
    private static DeviceInterrupt? s_interrupt;

    /// <summary>Finds the device once and allocates the buffers once.</summary>
    public static void Find()
    {
        if (Device is not null)
            return;
        Assert.IsTrue(BoardVirtioDiscovery.TryFind(DeviceType.Entropy, 0, out Location, out Identity), "no virtio-rng device found");
        Device = new VirtioDevice(new MmioTransport(new MmioRegisterWindow(Location.BaseAddress), Identity));
        for (int i = 0; i < BufferCount; i++)
        {
            Buffers[i] = HeapDmaAllocator.Instance.Allocate(BufferBytes, 64);
            Assert.IsNotNull(Buffers[i], "no memory for entropy buffers");
        }
    }

    /// <summary>(Re-)initialises the device, negotiating EVENT_IDX when <paramref name="eventIndex"/>, and makes it live.</summary>
    public static SplitQueue Start(bool eventIndex)
    {
        Find();
        VirtioDevice device = Device!;
        ulong wanted = eventIndex ? (ulong)VirtioFeatures.EventIndex : 0;
        AssertOk(device.Initialize(new DeviceOptions(wanted, requireVersion1: false)), "Initialize");
        Assert.AreEqual(eventIndex, device.Negotiated(VirtioFeatures.EventIndex), "EVENT_IDX negotiated");
        AssertOk(device.SetUpQueue(0, BufferCount, HeapDmaAllocator.Instance, BarrierMemoryOrdering.Instance), "SetUpQueue");
        AssertOk(device.Start(), "Start");
        Assert.AreEqual((int)DevicePhase.Live, (int)device.Phase, "phase");
        return device.Queue(0)!;
    }

    /// <summary>Routes the transport's interrupt to <see cref="Collector"/> through the GIC.</summary>
    public static void AttachInterrupt()
    {
        s_interrupt ??= new DeviceInterrupt(Device!, Collector);
        Interrupts.Register(Location.InterruptId, s_interrupt);
        Interrupts.Configure(Location.InterruptId, InterruptTrigger.Edge);
        Interrupts.Enable(Location.InterruptId);
        Cpu.EnableInterrupts();
    }

    /// <summary>Stops the interrupt reaching the CPU (polling tests own the queue alone).</summary>
    public static void DetachInterrupt() => Interrupts.Disable(Location.InterruptId);

    public static void AssertOk(VirtioResult result, string step) =>
        Assert.AreEqual((int)VirtioResult.Ok, (int)result, step);
}
