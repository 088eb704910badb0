// Interrupt status read and acknowledge, dispatch by cause (virtio 1.3 §4.2.3.4), and configuration reads (§2.5).
using Virtio.Tests.Doubles;

namespace Virtio.Tests;

public class InterruptAndConfigTests
{
    private sealed class RecordingHandler : UsedBufferHandler
    {
        public List<string> Calls { get; } = new();
        public override void OnUsedBuffers(SplitQueue queue) => Calls.Add($"used:{queue.Index}");
        public override void OnConfigurationChanged(bool needsReset) => Calls.Add($"config:{needsReset}");
    }

    private static (MmioDeviceDouble device, VirtioDevice driver, GuestMemory memory) Live(MmioLayout layout, int queues = 1)
    {
        var memory = new GuestMemory(1 << 22);
        var device = new MmioDeviceDouble(memory, layout, DeviceType.Scmi, (ulong)VirtioFeatures.Version1, Enumerable.Repeat((ushort)8, queues).ToArray());
        var driver = new VirtioDevice(new MmioTransport(device, MmioDeviceIdentity.Read(device)));
        Assert.Equal(VirtioResult.Ok, driver.Initialize(new DeviceOptions(0, false)));
        for (ushort q = 0; q < queues; q++)
            Assert.Equal(VirtioResult.Ok, driver.SetUpQueue(q, 8, memory, new RecordingMemoryOrdering()));
        Assert.Equal(VirtioResult.Ok, driver.Start());
        return (device, driver, memory);
    }

    [Theory]
    [InlineData(MmioLayout.Legacy)]
    [InlineData(MmioLayout.Modern)]
    public void A_used_buffer_interrupt_is_acknowledged_and_dispatched_to_every_queue(MmioLayout layout)
    {
        var (device, driver, memory) = Live(layout, queues: 2);
        SplitQueue queue = driver.Queue(1)!;
        queue.SubmitWritable(memory.Allocate(8, 8)!.All, 0, out _);
        queue.Kick();
        DeviceSideQueue side = device.Queue(1);
        side.Complete(side.TryPop()!, 8);
        Assert.Equal((uint)InterruptCause.UsedBuffer, device.InterruptStatus);

        var handler = new RecordingHandler();
        Assert.Equal(InterruptCause.UsedBuffer, driver.HandleInterrupt(handler));
        Assert.Equal(new[] { "used:0", "used:1" }, handler.Calls);
        Assert.Equal(new uint[] { 1 }, device.Acknowledged);
        Assert.Equal(0u, device.InterruptStatus);
        Assert.Empty(device.Violations);
    }

    [Fact]
    public void A_configuration_change_with_device_needs_reset_is_dispatched_and_fails_the_device()
    {
        var (device, driver, _) = Live(MmioLayout.Modern);
        device.RaiseConfigurationChange(needsReset: true);
        var handler = new RecordingHandler();
        Assert.Equal(InterruptCause.ConfigurationChange, driver.HandleInterrupt(handler));
        Assert.Equal(new[] { "config:True" }, handler.Calls);
        Assert.Equal(DevicePhase.Failed, driver.Phase);
        Assert.Equal(new uint[] { 2 }, device.Acknowledged);
    }

    [Fact]
    public void A_plain_configuration_change_keeps_the_device_live()
    {
        var (device, driver, _) = Live(MmioLayout.Modern);
        device.RaiseConfigurationChange(needsReset: false);
        var handler = new RecordingHandler();
        driver.HandleInterrupt(handler);
        Assert.Equal(new[] { "config:False" }, handler.Calls);
        Assert.Equal(DevicePhase.Live, driver.Phase);
    }

    [Fact]
    public void Undefined_interrupt_status_bits_are_ignored_and_never_acknowledged()
    {
        var (device, driver, _) = Live(MmioLayout.Modern);
        device.InterruptStatus = 0xfffffffc | (uint)InterruptCause.UsedBuffer;
        var handler = new RecordingHandler();
        Assert.Equal(InterruptCause.UsedBuffer, driver.HandleInterrupt(handler));
        Assert.Equal(new uint[] { 1 }, device.Acknowledged);
        Assert.Empty(device.Violations);
    }

    [Fact]
    public void A_spurious_interrupt_with_no_cause_writes_no_acknowledge()
    {
        var (device, driver, _) = Live(MmioLayout.Modern);
        Assert.Equal(InterruptCause.None, driver.HandleInterrupt(new RecordingHandler()));
        Assert.Empty(device.Acknowledged);
    }

    [Fact]
    public void A_64_bit_configuration_field_is_re_read_until_the_generation_is_stable()
    {
        var (device, driver, _) = Live(MmioLayout.Modern);
        BitConverter.GetBytes(0x1122334455667788UL).CopyTo(device.Config, 8);
        int reads = 0;
        device.OnNotify = null;
        var window = new GenerationBumpingWindow(device, bumps: 2, () => reads++);
        var transport = new MmioTransport(window, driver.Transport.Identity);
        Assert.True(transport.TryReadConfig64(8, out ulong value));
        Assert.Equal(0x1122334455667788UL, value);
        Assert.Equal(3, reads); // two torn attempts, one good

        var stubborn = new MmioTransport(new GenerationBumpingWindow(device, bumps: 100, () => { }), driver.Transport.Identity);
        Assert.False(stubborn.TryReadConfig64(8, out _));
    }

    [Fact]
    public void Byte_configuration_fields_are_read_with_byte_accesses()
    {
        var (device, driver, _) = Live(MmioLayout.Legacy);
        device.Config[3] = 0xab;
        Assert.Equal(0xab, driver.Transport.ReadConfig8(3));
        Assert.Empty(device.Violations);
    }

    /// <summary>Changes ConfigGeneration between the first generation read and the second, a set number of times.</summary>
    private sealed class GenerationBumpingWindow(MmioDeviceDouble inner, int bumps, Action onAttempt) : RegisterWindow
    {
        private int _remaining = bumps;
        private bool _inside;

        public override uint Read32(int offset)
        {
            uint value = inner.Read32(offset);
            if (offset == (int)MmioRegister.ConfigGeneration)
            {
                if (!_inside)
                {
                    onAttempt();
                    _inside = true;
                }
                else
                {
                    _inside = false;
                    if (_remaining-- > 0)
                        inner.ConfigGeneration++;
                    return inner.ConfigGeneration;
                }
            }
            return value;
        }

        public override void Write32(int offset, uint value) => inner.Write32(offset, value);
        public override byte Read8(int offset) => inner.Read8(offset);
    }
}
