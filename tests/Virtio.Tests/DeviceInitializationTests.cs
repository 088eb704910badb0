// The general initialisation sequence (virtio 1.3 §3.1) over both virtio-mmio layouts, accepted and refused.
using Virtio.Tests.Doubles;

namespace Virtio.Tests;

public class DeviceInitializationTests
{
    private const ulong EntropyOffer = (ulong)(VirtioFeatures.Version1 | VirtioFeatures.EventIndex | VirtioFeatures.RingReset | VirtioFeatures.IndirectDescriptors);

    private static (MmioDeviceDouble device, VirtioDevice driver, GuestMemory memory) Make(MmioLayout layout, ulong offer = EntropyOffer, params ushort[] sizeMax)
    {
        var memory = new GuestMemory(1 << 22);
        var device = new MmioDeviceDouble(memory, layout, DeviceType.Entropy, offer, sizeMax.Length == 0 ? new ushort[] { 8 } : sizeMax);
        var transport = new MmioTransport(device, MmioDeviceIdentity.Read(device));
        return (device, new VirtioDevice(transport), memory);
    }

    [Fact]
    public void A_modern_device_goes_through_reset_acknowledge_driver_features_ok_and_driver_ok_in_order()
    {
        var (device, driver, memory) = Make(MmioLayout.Modern);
        Assert.Equal(VirtioResult.Ok, driver.Initialize(new DeviceOptions(0, requireVersion1: true)));
        Assert.Equal(VirtioResult.Ok, driver.SetUpQueue(0, 64, memory, new RecordingMemoryOrdering()));
        Assert.Equal(VirtioResult.Ok, driver.Start());

        Assert.Equal(new uint[] { 0, 1, 1 | 2, 1 | 2 | 8, 1 | 2 | 8 | 4 }, device.StatusWrites);
        Assert.Equal(DevicePhase.Live, driver.Phase);
        Assert.True(device.IsQueueEnabled(0));
        Assert.Equal(8, driver.Queue(0)!.Size); // clamped to QueueSizeMax
        Assert.Empty(device.Violations);
    }

    [Fact]
    public void A_legacy_device_skips_features_ok_and_gets_its_ring_by_page_frame()
    {
        var (device, driver, memory) = Make(MmioLayout.Legacy);
        Assert.Equal(VirtioResult.Ok, driver.Initialize(new DeviceOptions(0, requireVersion1: false)));
        Assert.Equal(VirtioResult.Ok, driver.SetUpQueue(0, 8, memory, new RecordingMemoryOrdering()));
        Assert.Equal(VirtioResult.Ok, driver.Start());

        Assert.Equal(new uint[] { 0, 1, 1 | 2, 1 | 2 | 4 }, device.StatusWrites); // §3.1.2: no FEATURES_OK
        SplitQueue queue = driver.Queue(0)!;
        Assert.Equal(0ul, queue.RingAddress % 4096);
        DeviceSideQueue side = device.Queue(0);
        Assert.Equal(queue.DriverAreaAddress, side.DriverArea);
        Assert.Equal(queue.DeviceAreaAddress, side.DeviceArea); // device computed the same used ring from PFN and QueueAlign
        Assert.Equal(0ul, driver.AcceptedFeatures & (ulong)VirtioFeatures.Version1);
        Assert.Empty(device.Violations);
    }

    [Fact]
    public void Require_version_1_refuses_a_legacy_device_without_touching_its_registers_beyond_identity()
    {
        var (device, driver, _) = Make(MmioLayout.Legacy);
        device.Log.Clear();
        Assert.Equal(VirtioResult.LegacyDeviceRefused, driver.Initialize(new DeviceOptions(0, requireVersion1: true)));
        Assert.Empty(device.Log);
        Assert.Empty(device.StatusWrites);
    }

    [Fact]
    public void Require_version_1_refuses_a_modern_device_that_does_not_offer_it_and_marks_it_failed()
    {
        var (device, driver, _) = Make(MmioLayout.Modern, offer: (ulong)VirtioFeatures.EventIndex);
        Assert.Equal(VirtioResult.Version1NotOffered, driver.Initialize(new DeviceOptions(0, requireVersion1: true)));
        Assert.True((device.Status & DeviceStatus.Failed) != 0);
        Assert.Equal(DevicePhase.Failed, driver.Phase);
    }

    [Fact]
    public void Features_accepted_are_the_offered_ones_the_caller_understands_plus_version_1()
    {
        ulong offer = EntropyOffer | 0b101; // two device-type bits
        var (device, driver, _) = Make(MmioLayout.Modern, offer);
        ulong wanted = 0b100 | (ulong)VirtioFeatures.EventIndex | (ulong)VirtioFeatures.RingReset | 1UL << 50;
        Assert.Equal(VirtioResult.Ok, driver.Initialize(new DeviceOptions(wanted, requireVersion1: false)));
        // RING_RESET and INDIRECT are offered but not implemented here; bit 50 is not offered; bit 0 not wanted.
        Assert.Equal(0b100 | (ulong)VirtioFeatures.EventIndex | (ulong)VirtioFeatures.Version1, driver.AcceptedFeatures);
        Assert.Equal(driver.AcceptedFeatures, device.DriverFeatures);
        Assert.True(driver.Negotiated(VirtioFeatures.EventIndex));
    }

    [Fact]
    public void Features_ok_not_sticking_fails_the_device_while_a_sticking_one_proceeds()
    {
        var (device, driver, memory) = Make(MmioLayout.Modern);
        device.RefuseFeatures = true;
        Assert.Equal(VirtioResult.FeaturesRefused, driver.Initialize(new DeviceOptions(0, false)));
        Assert.True((device.Status & DeviceStatus.Failed) != 0);
        Assert.Equal(VirtioResult.WrongPhase, driver.SetUpQueue(0, 8, memory, new RecordingMemoryOrdering()));

        device.RefuseFeatures = false;
        Assert.Equal(VirtioResult.Ok, driver.Initialize(new DeviceOptions(0, false))); // §2.1.1: reset after FAILED, then retry
        Assert.Empty(device.Violations);
    }

    [Fact]
    public void Device_needs_reset_during_negotiation_is_reported_and_the_device_failed()
    {
        var (device, driver, _) = Make(MmioLayout.Modern);
        // The device raises the bit on ACKNOWLEDGE; the status check after FEATURES_OK must catch it.
        device.NeedsResetOnNextStatusWrite = true;
        Assert.Equal(VirtioResult.DeviceNeedsReset, driver.Initialize(new DeviceOptions(0, false)));
        Assert.Equal(DevicePhase.Failed, driver.Phase);
        Assert.True((device.Status & DeviceStatus.Failed) != 0);
    }

    [Fact]
    public void A_reset_that_never_completes_is_reported_instead_of_spinning_forever()
    {
        var (device, driver, _) = Make(MmioLayout.Modern);
        device.StuckInReset = true;
        Assert.Equal(VirtioResult.ResetTimedOut, driver.Initialize(new DeviceOptions(0, false)));
    }

    [Fact]
    public void An_empty_slot_and_a_foreign_window_are_refused_before_any_write()
    {
        var memory = new GuestMemory();
        var empty = new MmioDeviceDouble(memory, MmioLayout.Modern, DeviceType.Placeholder, 0, 8);
        var emptyDriver = new VirtioDevice(new MmioTransport(empty, MmioDeviceIdentity.Read(empty)));
        Assert.Equal(VirtioResult.NoDevice, emptyDriver.Initialize(new DeviceOptions(0, false)));
        Assert.Empty(empty.StatusWrites);
        Assert.DoesNotContain("read:VendorId", empty.Log); // §4.2.3.1.1: nothing beyond DeviceID

        var foreign = new MmioDeviceDouble(memory, MmioLayout.Modern, DeviceType.Entropy, 0, 8) { Magic = 0x12345678 };
        MmioDeviceIdentity identity = MmioDeviceIdentity.Read(foreign);
        Assert.False(identity.IsDevice);
        Assert.Equal(new[] { "read:MagicValue" }, foreign.Log);
        Assert.Equal(VirtioResult.NotVirtio, new VirtioDevice(new MmioTransport(foreign, identity)).Initialize(new DeviceOptions(0, false)));
    }

    [Fact]
    public void A_queue_the_device_does_not_have_is_unavailable_and_a_queue_already_in_use_is_refused()
    {
        var (device, driver, memory) = Make(MmioLayout.Modern, EntropyOffer, 8, 0);
        Assert.Equal(VirtioResult.Ok, driver.Initialize(new DeviceOptions(0, false)));
        Assert.Equal(VirtioResult.QueueUnavailable, driver.SetUpQueue(1, 8, memory, new RecordingMemoryOrdering()));
        Assert.Equal(VirtioResult.Ok, driver.SetUpQueue(0, 8, memory, new RecordingMemoryOrdering()));
        Assert.Equal(VirtioResult.QueueAlreadyInUse, driver.SetUpQueue(0, 8, memory, new RecordingMemoryOrdering()));
        Assert.Empty(device.Violations);
    }

    [Fact]
    public void Queue_memory_exhausted_after_the_seal_is_reported_as_out_of_memory()
    {
        var (_, driver, memory) = Make(MmioLayout.Modern);
        memory.Sealed = true;
        Assert.Equal(VirtioResult.Ok, driver.Initialize(new DeviceOptions(0, false)));
        Assert.Equal(VirtioResult.OutOfMemory, driver.SetUpQueue(0, 8, memory, new RecordingMemoryOrdering()));
    }

    [Fact]
    public void Start_before_negotiation_is_refused_as_out_of_order()
    {
        var (_, driver, _) = Make(MmioLayout.Modern);
        Assert.Equal(VirtioResult.WrongPhase, driver.Start());
    }

    [Fact]
    public void A_kick_during_population_reaches_the_device_only_after_driver_ok()
    {
        var (device, driver, memory) = Make(MmioLayout.Modern);
        driver.Initialize(new DeviceOptions(0, false));
        driver.SetUpQueue(0, 8, memory, new RecordingMemoryOrdering());
        SplitQueue queue = driver.Queue(0)!;
        queue.SubmitWritable(memory.Allocate(16, 8)!.All, 0, out _);
        queue.Kick();
        Assert.Equal(0, device.Notifications);
        driver.Start();
        Assert.Equal(1, device.Notifications);
        Assert.Empty(device.Violations); // in particular no notification before DRIVER_OK
    }

    [Fact]
    public void Shutdown_resets_the_device_and_returns_every_exposed_buffer_then_a_new_life_reuses_the_ring()
    {
        var (device, driver, memory) = Make(MmioLayout.Modern);
        var ordering = new RecordingMemoryOrdering();
        driver.Initialize(new DeviceOptions(0, false));
        driver.SetUpQueue(0, 8, memory, ordering);
        driver.Start();
        SplitQueue queue = driver.Queue(0)!;
        for (int i = 0; i < 3; i++)
            queue.SubmitWritable(memory.Allocate(16, 8)!.All, i, out _);
        queue.Kick();
        ulong ring = queue.RingAddress;

        Assert.True(driver.Shutdown());
        Assert.Equal(DeviceStatus.Reset, device.Status);
        Assert.Equal(8, queue.FreeDescriptors);

        memory.Sealed = true; // a second life must not allocate
        Assert.Equal(VirtioResult.Ok, driver.Initialize(new DeviceOptions(0, false)));
        Assert.Equal(VirtioResult.Ok, driver.SetUpQueue(0, 8, memory, ordering));
        Assert.Equal(ring, driver.Queue(0)!.RingAddress);
        Assert.Empty(device.Violations);
    }

    [Theory]
    [InlineData(8, 8, 8)]
    [InlineData(256, 1024, 256)]
    [InlineData(1024, 256, 256)]
    [InlineData(100, 1024, 64)]
    [InlineData(8, 6, 4)]
    [InlineData(0, 8, 0)]
    public void Queue_size_is_the_largest_power_of_two_within_both_limits(int preferred, int max, int expected) =>
        Assert.Equal(expected, VirtioDevice.ChooseQueueSize((ushort)preferred, (ushort)max));

    [Fact]
    public void A_modern_device_that_does_not_offer_version_1_is_refused_even_when_the_caller_does_not_require_it()
    {
        var (device, driver, _) = Make(MmioLayout.Modern, offer: (ulong)VirtioFeatures.EventIndex);
        Assert.Equal(VirtioResult.Version1NotOffered, driver.Initialize(new DeviceOptions(0, requireVersion1: false)));
        Assert.Equal(DevicePhase.Failed, driver.Phase);
        Assert.True((device.Status & DeviceStatus.Failed) != 0);
        Assert.True((device.Status & DeviceStatus.FeaturesOk) == 0);
    }

    [Fact]
    public void A_legacy_device_without_version_1_is_accepted_when_the_caller_does_not_require_it()
    {
        var (_, driver, _) = Make(MmioLayout.Legacy, offer: (ulong)VirtioFeatures.EventIndex);
        Assert.Equal(VirtioResult.Ok, driver.Initialize(new DeviceOptions(0, requireVersion1: false)));
    }

    [Fact]
    public void A_legacy_device_gets_its_guest_page_size_once_before_any_queue_is_set_up()
    {
        var (device, driver, memory) = Make(MmioLayout.Legacy, EntropyOffer, 8, 8);
        Assert.Equal(VirtioResult.Ok, driver.Initialize(new DeviceOptions(0, requireVersion1: false)));
        Assert.Equal(VirtioResult.Ok, driver.SetUpQueue(0, 8, memory, new RecordingMemoryOrdering()));
        Assert.Equal(VirtioResult.Ok, driver.SetUpQueue(1, 8, memory, new RecordingMemoryOrdering()));
        Assert.Equal(VirtioResult.Ok, driver.Start());

        Assert.Equal(1, device.GuestPageSizeWrites);
        int pageSize = device.Log.FindIndex(entry => entry.StartsWith("write:LegacyGuestPageSize="));
        int firstQueue = device.Log.FindIndex(entry => entry.StartsWith("write:QueueSelect="));
        Assert.True(pageSize >= 0 && pageSize < firstQueue, "GuestPageSize before the first queue");
        Assert.Empty(device.Violations);
    }

    [Fact]
    public void A_modern_device_is_never_told_a_guest_page_size()
    {
        var (device, driver, memory) = Make(MmioLayout.Modern);
        Assert.Equal(VirtioResult.Ok, driver.Initialize(new DeviceOptions(0, requireVersion1: false)));
        Assert.Equal(VirtioResult.Ok, driver.SetUpQueue(0, 8, memory, new RecordingMemoryOrdering()));
        Assert.Equal(0, device.GuestPageSizeWrites);
        Assert.Empty(device.Violations);
    }
}
