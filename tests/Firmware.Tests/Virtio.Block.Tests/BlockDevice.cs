// The virtio-blk device this suite drives, on the runner's 1 MiB zero-filled scratch file.
using Nano.TestFramework;
using Virtio;

namespace Virtio.Block.Tests;

/// <summary>Bring-up shared by the suite's classes: device, requestq and per-slot request buffers.</summary>
internal static class BlockDevice
{
    /// <summary>Requests the suite keeps in flight at most; each is a 3-descriptor chain.</summary>
    public const int Slots = 4;

    public static MmioTransportLocation Location;
    public static MmioDeviceIdentity Identity;
    public static VirtioDevice? Device;
    public static SplitQueue? Queue;
    public static readonly DmaRegion?[] Headers = new DmaRegion?[Slots];
    public static readonly DmaRegion?[] Data = new DmaRegion?[Slots];
    public static readonly DmaRegion?[] Status = new DmaRegion?[Slots];

    public static SplitQueue Start()
    {
        if (Device is null)
        {
            Assert.IsTrue(BoardVirtioDiscovery.TryFind(DeviceType.Block, 0, out Location, out Identity), "no virtio-blk device found");
            Device = new VirtioDevice(new MmioTransport(new MmioRegisterWindow(Location.BaseAddress), Identity));
            for (int i = 0; i < Slots; i++)
            {
                Headers[i] = HeapDmaAllocator.Instance.Allocate(BlockRequest.HeaderBytes, 16);
                Data[i] = HeapDmaAllocator.Instance.Allocate(BlockRequest.SectorBytes, 512);
                Status[i] = HeapDmaAllocator.Instance.Allocate(1, 1);
                Assert.IsNotNull(Status[i], "no memory for request buffers");
            }
        }
        VirtioDevice device = Device;
        // No device-type features: plain 512-byte sector reads and writes need none (§5.2.3).
        Assert.AreEqual((int)VirtioResult.Ok, (int)device.Initialize(new DeviceOptions(0, requireVersion1: false)), "Initialize");
        Assert.AreEqual((int)VirtioResult.Ok, (int)device.SetUpQueue(0, 16, HeapDmaAllocator.Instance, BarrierMemoryOrdering.Instance), "SetUpQueue");
        Assert.AreEqual((int)VirtioResult.Ok, (int)device.Start(), "Start");
        Queue = device.Queue(0)!;
        Queue.DisableCallbacks(); // this suite polls
        return Queue;
    }

    /// <summary>Places request <paramref name="slot"/>: header readable; data readable for a write, writable for a read; status writable.</summary>
    public static void Submit(int slot, uint type, ulong sector)
    {
        BlockRequest.WriteHeader(Headers[slot]!.Span, type, sector);
        Status[slot]!.Span[0] = 0xff;
        System.Span<DmaSlice> readable = stackalloc DmaSlice[2];
        System.Span<DmaSlice> writable = stackalloc DmaSlice[2];
        readable[0] = Headers[slot]!.All;
        int readableCount = 1, writableCount = 0;
        if (type == BlockRequest.TypeOut)
            readable[readableCount++] = Data[slot]!.All;
        else
            writable[writableCount++] = Data[slot]!.All;
        writable[writableCount++] = Status[slot]!.All;
        QueueStatus status = Queue!.Submit(readable.Slice(0, readableCount), writable.Slice(0, writableCount), slot, out _);
        Assert.AreEqual((int)QueueStatus.Ok, (int)status, "submit");
    }

    /// <summary>Waits for one completion; returns its slot (the token) and the written length.</summary>
    public static int Complete(out uint writtenLength)
    {
        ulong deadline = Nano.Runtime.Native.Clock.Ticks + Nano.Runtime.Native.Clock.MicrosecondsToTicks(2_000_000);
        while (true)
        {
            QueueStatus status = Queue!.TryTakeUsed(out UsedBuffer used);
            if (status == QueueStatus.Ok)
            {
                writtenLength = used.WrittenLength;
                return used.Token;
            }
            Assert.AreEqual((int)QueueStatus.Empty, (int)status, "used element");
            if (Nano.Runtime.Native.Clock.Ticks > deadline)
                Assert.Fail("the block device did not complete in time");
        }
    }
}
