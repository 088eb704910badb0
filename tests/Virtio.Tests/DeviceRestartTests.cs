// Recovering a broken device without allocating: reset, the same features, the same rings, DRIVER_OK.
using Virtio.Tests.Doubles;

namespace Virtio.Tests;

public class DeviceRestartTests
{
    private const ulong Offer = (ulong)(VirtioFeatures.Version1 | VirtioFeatures.EventIndex);

    private static (MmioDeviceDouble device, VirtioDevice driver, GuestMemory memory) Live(MmioLayout layout, ulong wanted = (ulong)VirtioFeatures.EventIndex)
    {
        var memory = new GuestMemory(1 << 22);
        var device = new MmioDeviceDouble(memory, layout, DeviceType.Entropy, Offer, 8, 8);
        var driver = new VirtioDevice(new MmioTransport(device, MmioDeviceIdentity.Read(device)));
        Assert.Equal(VirtioResult.Ok, driver.Initialize(new DeviceOptions(wanted, requireVersion1: false)));
        Assert.Equal(VirtioResult.Ok, driver.SetUpQueue(0, 8, memory, new RecordingMemoryOrdering()));
        Assert.Equal(VirtioResult.Ok, driver.SetUpQueue(1, 8, memory, new RecordingMemoryOrdering()));
        Assert.Equal(VirtioResult.Ok, driver.Start());
        return (device, driver, memory);
    }

    private static void BreakQueue(MmioDeviceDouble device, VirtioDevice driver, GuestMemory memory)
    {
        SplitQueue queue = driver.Queue(0)!;
        Assert.Equal(QueueStatus.Ok, queue.SubmitWritable(memory.Allocate(16, 8)!.All, 1, out _));
        queue.Kick();
        device.Queue(0).PopAll();
        device.Queue(0).PushUsed(99, 4); // a used id out of range
        Assert.Equal(QueueStatus.UsedIdOutOfRange, queue.TryTakeUsed(out _));
        Assert.True(queue.IsBroken);
    }

    [Theory]
    [InlineData(MmioLayout.Modern)]
    [InlineData(MmioLayout.Legacy)]
    public void A_broken_device_restarts_on_its_existing_rings_without_allocating(MmioLayout layout)
    {
        var (device, driver, memory) = Live(layout);
        DmaRegion buffer = memory.Allocate(16, 8)!;
        BreakQueue(device, driver, memory);
        ulong ring0 = driver.Queue(0)!.RingAddress, ring1 = driver.Queue(1)!.RingAddress;
        ulong accepted = driver.AcceptedFeatures;
        SplitQueue before = driver.Queue(0)!;
        memory.Sealed = true; // any allocation now fails, as after Heap.Seal()
        device.StatusWrites.Clear();

        Assert.Equal(VirtioResult.Ok, driver.Restart());

        Assert.Equal(DevicePhase.Live, driver.Phase);
        Assert.Equal(accepted, driver.AcceptedFeatures);
        Assert.Equal(accepted, device.DriverFeatures);
        uint[] sequence = layout == MmioLayout.Modern
            ? new uint[] { 0, 1, 1 | 2, 1 | 2 | 8, 1 | 2 | 8 | 4 }
            : new uint[] { 0, 1, 1 | 2, 1 | 2 | 4 };
        Assert.Equal(sequence, device.StatusWrites);
        SplitQueue queue = driver.Queue(0)!;
        Assert.Same(before, queue);
        Assert.False(queue.IsBroken);
        Assert.Equal(queue.Size, queue.FreeDescriptors);
        Assert.Equal(ring0, queue.RingAddress);
        Assert.Equal(ring1, driver.Queue(1)!.RingAddress);
        Assert.Equal(queue.DescriptorAreaAddress, device.Queue(0).DescriptorArea);
        Assert.Equal(queue.DeviceAreaAddress, device.Queue(0).DeviceArea);
        Assert.True(device.IsQueueEnabled(1));

        // The restarted queue carries a round trip.
        Assert.Equal(QueueStatus.Ok, queue.SubmitWritable(buffer.All, 42, out _));
        Assert.True(queue.Kick());
        DescriptorChain chain = Assert.Single(device.Queue(0).PopAll());
        device.Queue(0).Complete(chain, 16);
        Assert.Equal(QueueStatus.Ok, queue.TryTakeUsed(out UsedBuffer used));
        Assert.Equal(42, used.Token);
        Assert.Empty(device.Violations);
    }

    [Fact]
    public void Restart_before_any_initialisation_is_refused_as_out_of_order()
    {
        var memory = new GuestMemory();
        var device = new MmioDeviceDouble(memory, MmioLayout.Modern, DeviceType.Entropy, Offer, 8);
        var driver = new VirtioDevice(new MmioTransport(device, MmioDeviceIdentity.Read(device)));
        Assert.Equal(VirtioResult.WrongPhase, driver.Restart());
        Assert.Empty(device.StatusWrites);
    }

    [Fact]
    public void A_device_that_no_longer_offers_a_negotiated_feature_is_refused_and_left_failed()
    {
        var (device, driver, memory) = Live(MmioLayout.Modern);
        Assert.True(driver.Negotiated(VirtioFeatures.EventIndex));
        device.OfferedFeatures = (ulong)VirtioFeatures.Version1; // EVENT_IDX gone: the rings' suppression fields would change meaning
        memory.Sealed = true;

        Assert.Equal(VirtioResult.FeaturesChanged, driver.Restart());
        Assert.Equal(DevicePhase.Failed, driver.Phase);
        Assert.True((device.Status & DeviceStatus.Failed) != 0);
        Assert.Empty(device.Violations);
    }

    [Fact]
    public void A_device_whose_queue_shrank_below_the_existing_ring_is_refused()
    {
        var memory = new GuestMemory(1 << 22);
        var device = new MmioDeviceDouble(memory, MmioLayout.Modern, DeviceType.Entropy, Offer, 8);
        var driver = new VirtioDevice(new MmioTransport(device, MmioDeviceIdentity.Read(device)));
        Assert.Equal(VirtioResult.Ok, driver.Initialize(new DeviceOptions(0, requireVersion1: false)));
        Assert.Equal(VirtioResult.Ok, driver.SetUpQueue(0, 8, memory, new RecordingMemoryOrdering()));
        Assert.Equal(VirtioResult.Ok, driver.Start());
        device.SetQueueSizeMax(0, 4);

        Assert.Equal(VirtioResult.QueueUnavailable, driver.Restart());
        Assert.Equal(DevicePhase.Failed, driver.Phase);
    }

    [Fact]
    public void A_reset_that_never_completes_is_reported()
    {
        var (device, driver, _) = Live(MmioLayout.Modern);
        device.StuckInReset = true;
        Assert.Equal(VirtioResult.ResetTimedOut, driver.Restart());
        Assert.Equal(DevicePhase.Failed, driver.Phase);
    }

    [Fact]
    public void Restart_of_a_healthy_device_returns_its_buffers_and_serves_again()
    {
        var (device, driver, memory) = Live(MmioLayout.Modern);
        SplitQueue queue = driver.Queue(0)!;
        Assert.Equal(QueueStatus.Ok, queue.SubmitWritable(memory.Allocate(16, 8)!.All, 1, out _));
        queue.Kick();
        Assert.Equal(1, queue.InFlight);

        Assert.Equal(VirtioResult.Ok, driver.Restart());
        Assert.Equal(0, queue.InFlight);
        Assert.Equal(2, device.Resets); // Initialize's and Restart's
        Assert.Empty(device.Violations);
    }
}
