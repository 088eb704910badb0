// The virtio-mmio transport: status, features, queue set-up and notifications over one register window.
// virtio 1.3 §4.2 (Virtio Over MMIO), both the version 2 layout and the legacy version 1 layout (§4.2.4).
using System;

namespace Virtio;

/// <summary>
/// One virtio-mmio device's registers, spoken in either layout.
/// </summary>
/// <remarks>
/// <para><b>Theory of operation.</b> The transport only moves values between the driver and the register
/// window; the initialisation order is <see cref="VirtioDevice"/>'s business and ring contents are
/// <see cref="SplitQueue"/>'s. The legacy layout differs in three places, all hidden here: features are
/// still read and written 32 bits at a time through selectors (a legacy device simply has no upper word),
/// a queue is placed by page frame number with GuestPageSize and QueueAlign instead of three addresses
/// and QueueReady, and there is no FEATURES_OK (the caller skips it).</para>
/// <para><b>Ownership.</b> The transport owns no memory. A queue's ring is owned by its <see cref="SplitQueue"/>;
/// from <see cref="ActivateQueue"/> until a reset the device may read and write it.</para>
/// </remarks>
public sealed class MmioTransport : QueueNotifier
{
    /// <summary>Polls of the status register allowed for a reset to complete.</summary>
    public const int ResetPollLimit = 1_000_000;

    private readonly RegisterWindow _registers;

    /// <summary>Drives the device behind <paramref name="registers"/>, whose identity was already read.</summary>
    public MmioTransport(RegisterWindow registers, MmioDeviceIdentity identity)
    {
        _registers = registers;
        Identity = identity;
    }

    /// <summary>What the device said about itself when probed.</summary>
    public MmioDeviceIdentity Identity { get; }

    /// <summary>The register layout in use.</summary>
    public MmioLayout Layout => Identity.Layout;

    /// <summary>Alignment of the used ring this layout needs: the page for legacy (§4.2.4), 4 bytes otherwise (§2.7).</summary>
    public int UsedRingAlignment => Layout == MmioLayout.Legacy ? MmioConstants.LegacyPageSize : SplitQueueLayout.MinimumUsedAlignment;

    // ---------------------------------------------------------------- status (§2.1, §2.4)

    /// <summary>Reads the device status.</summary>
    public DeviceStatus ReadStatus() => (DeviceStatus)Read(MmioRegister.Status);

    /// <summary>
    /// Adds <paramref name="bits"/> to the status. §2.1.1: "The driver MUST NOT clear a device status bit",
    /// so the current value is read and or-ed rather than overwritten.
    /// </summary>
    public void SetStatus(DeviceStatus bits) => Write(MmioRegister.Status, (uint)(ReadStatus() | bits));

    /// <summary>
    /// Resets the device by writing 0 to Status and waits until it reads back 0 (§2.4.2: "The driver
    /// SHOULD consider a driver-initiated reset complete when it reads device status as 0"). Returns false
    /// when the device never did within <see cref="ResetPollLimit"/> polls.
    /// </summary>
    public bool Reset()
    {
        Write(MmioRegister.Status, (uint)DeviceStatus.Reset);
        for (int poll = 0; poll < ResetPollLimit; poll++)
        {
            if (ReadStatus() == DeviceStatus.Reset)
                return true;
        }
        return false;
    }

    // ---------------------------------------------------------------- features (§2.2)

    /// <summary>
    /// Reads the offered feature bits: 64 for a modern device, the 32 of HostFeatures for a legacy one. §4.2.2.2: "Before reading from DeviceFeatures, the driver MUST
    /// write a value to DeviceFeaturesSel."
    /// </summary>
    public ulong ReadDeviceFeatures()
    {
        Write(MmioRegister.DeviceFeaturesSelect, 0);
        ulong low = Read(MmioRegister.DeviceFeatures);
        // A legacy device has only the first 32 feature bits (HostFeatures); QEMU reports selecting others as a guest error.
        if (Layout == MmioLayout.Legacy)
            return low;
        Write(MmioRegister.DeviceFeaturesSelect, 1);
        ulong high = Read(MmioRegister.DeviceFeatures);
        return low | high << 32;
    }

    /// <summary>
    /// Writes the accepted feature bits, both words (one for a legacy device). §4.2.2.2: "Before writing to the DriverFeatures
    /// register, the driver MUST write a value to the DriverFeaturesSel register."
    /// </summary>
    public void WriteDriverFeatures(ulong accepted)
    {
        Write(MmioRegister.DriverFeaturesSelect, 0);
        Write(MmioRegister.DriverFeatures, (uint)accepted);
        // Legacy GuestFeatures is one 32-bit word; nothing above bit 31 can have been offered.
        if (Layout == MmioLayout.Legacy)
            return;
        Write(MmioRegister.DriverFeaturesSelect, 1);
        Write(MmioRegister.DriverFeatures, (uint)(accepted >> 32));
    }

    // ---------------------------------------------------------------- queues (§4.2.3.2, §4.2.4)

    /// <summary>
    /// Selects queue <paramref name="queueIndex"/> and reads its maximum size; 0 means the queue does not
    /// exist (§4.2.3.2 step 3). <paramref name="inUse"/> reports QueueReady (modern) or QueuePFN (legacy)
    /// not being 0 (step 2).
    /// </summary>
    public ushort ReadQueueSizeMax(ushort queueIndex, out bool inUse)
    {
        Write(MmioRegister.QueueSelect, queueIndex);
        inUse = Layout == MmioLayout.Modern
            ? Read(MmioRegister.QueueReady) != 0
            : Read(MmioRegister.QueuePageFrameNumber) != 0;
        uint max = Read(MmioRegister.QueueSizeMax);
        // A device claiming more than the split format allows is clamped: sizes we use come from us.
        return max > SplitQueueLayout.MaximumSize ? (ushort)SplitQueueLayout.MaximumSize : (ushort)max;
    }

    /// <summary>
    /// Tells the device where <paramref name="queue"/>'s rings are and enables it: §4.2.3.2 steps 5 to 7 for
    /// the modern layout, §4.2.4 steps 5 to 7 for the legacy one. The queue must have been selected by
    /// <see cref="ReadQueueSizeMax"/> and be sized within the maximum read there.
    /// </summary>
    public VirtioResult ActivateQueue(SplitQueue queue)
    {
        Write(MmioRegister.QueueSelect, queue.Index);
        // §4.2.2.2: "The driver MUST write a value to QueueSize which is less than or equal to the value presented by the device in QueueSizeMax."
        Write(MmioRegister.QueueSize, queue.Size);
        if (Layout == MmioLayout.Modern)
        {
            WriteAddress(MmioRegister.QueueDescriptorLow, MmioRegister.QueueDescriptorHigh, queue.DescriptorAreaAddress);
            WriteAddress(MmioRegister.QueueDriverLow, MmioRegister.QueueDriverHigh, queue.DriverAreaAddress);
            WriteAddress(MmioRegister.QueueDeviceLow, MmioRegister.QueueDeviceHigh, queue.DeviceAreaAddress);
            Write(MmioRegister.QueueReady, 1);
            return VirtioResult.Ok;
        }

        ulong pageFrame = queue.RingAddress / MmioConstants.LegacyPageSize;
        if (queue.RingAddress % MmioConstants.LegacyPageSize != 0 || pageFrame == 0 || pageFrame > uint.MaxValue)
            return VirtioResult.AddressNotExpressible;
        Write(MmioRegister.LegacyQueueAlign, (uint)queue.Layout.UsedAlignment);
        Write(MmioRegister.QueuePageFrameNumber, (uint)pageFrame);
        return VirtioResult.Ok;
    }

    /// <summary>
    /// Legacy only: tells the device the page size QueuePFN counts in, once per initialisation. §4.2.4: "The
    /// driver writes the guest page size in bytes to the register during initialization, before any queues are used."
    /// </summary>
    public void WriteGuestPageSize() => Write(MmioRegister.LegacyGuestPageSize, MmioConstants.LegacyPageSize);

    /// <summary>
    /// Stops the device using queue <paramref name="queueIndex"/>. Modern: §4.2.2.2 "To stop using the queue
    /// the driver MUST write zero (0x0) to this QueueReady and MUST read the value back to ensure
    /// synchronization." Legacy: QueuePFN 0. Returns true when the device reads back 0.
    /// </summary>
    public bool DeactivateQueue(ushort queueIndex)
    {
        Write(MmioRegister.QueueSelect, queueIndex);
        MmioRegister register = Layout == MmioLayout.Modern ? MmioRegister.QueueReady : MmioRegister.QueuePageFrameNumber;
        Write(register, 0);
        return Read(register) == 0;
    }

    /// <summary>An available-buffer notification (§4.2.3.3): the queue index written to QueueNotify.</summary>
    public override void NotifyQueue(ushort queueIndex) => Write(MmioRegister.QueueNotify, queueIndex);

    // ---------------------------------------------------------------- interrupts (§4.2.3.4)

    /// <summary>
    /// Reads InterruptStatus and acknowledges what it found. §4.2.3.4.1: "After receiving an interrupt, the
    /// driver MUST read InterruptStatus to check what caused the interrupt"; §4.2.2.2: the driver "MUST
    /// ignore undefined bits" and "MUST NOT set any of the undefined bits" in InterruptACK. The acknowledge
    /// comes before the caller drains the rings, so a buffer used afterwards raises a new interrupt.
    /// </summary>
    public InterruptCause ReadAndAcknowledgeInterrupt()
    {
        InterruptCause cause = (InterruptCause)Read(MmioRegister.InterruptStatus) & InterruptCause.All;
        if (cause != InterruptCause.None)
            Write(MmioRegister.InterruptAck, (uint)cause);
        return cause;
    }

    // ---------------------------------------------------------------- configuration space (§2.5, §4.2.2)

    /// <summary>Reads one byte of the device configuration space (byte accesses for byte fields, §4.2.2.2).</summary>
    public byte ReadConfig8(int offset) => _registers.Read8((int)MmioRegister.Config + offset);

    /// <summary>Reads an aligned 32-bit configuration field (32-bit accesses for 32-bit fields, §4.2.2.2).</summary>
    public uint ReadConfig32(int offset) => _registers.Read32((int)MmioRegister.Config + offset);

    /// <summary>
    /// Reads an aligned 64-bit configuration field as two 32-bit halves. Modern devices bracket the reads
    /// with ConfigGeneration and retry until it is unchanged (§2.5.1), so the halves belong together;
    /// legacy devices have no generation counter. Gives up after <paramref name="attempts"/> tries and
    /// reports it through the return value.
    /// </summary>
    public bool TryReadConfig64(int offset, out ulong value, int attempts = 16)
    {
        for (int attempt = 0; attempt < attempts; attempt++)
        {
            uint before = Layout == MmioLayout.Modern ? Read(MmioRegister.ConfigGeneration) : 0;
            ulong low = ReadConfig32(offset);
            ulong high = ReadConfig32(offset + 4);
            uint after = Layout == MmioLayout.Modern ? Read(MmioRegister.ConfigGeneration) : 0;
            value = low | high << 32;
            if (before == after)
                return true;
        }
        value = 0;
        return false;
    }

    // ---------------------------------------------------------------- register access

    private uint Read(MmioRegister register) => _registers.Read32((int)register);

    private void Write(MmioRegister register, uint value) => _registers.Write32((int)register, value);

    private void WriteAddress(MmioRegister low, MmioRegister high, ulong address)
    {
        Write(low, (uint)address);
        Write(high, (uint)(address >> 32));
    }
}
