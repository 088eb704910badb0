// Device initialisation, queue set-up, interrupt dispatch and shutdown, in the order virtio 1.3 §3.1 prescribes.
using System;

namespace Virtio;

/// <summary>
/// One virtio device driven through an <see cref="MmioTransport"/>: the general initialisation sequence,
/// the device's queues, its interrupt and its shutdown.
/// </summary>
/// <remarks>
/// <para><b>Theory of operation.</b> Callers follow §3.1.1 in three calls: <see cref="Initialize"/>
/// (steps 1 to 6: reset, ACKNOWLEDGE, DRIVER, features, FEATURES_OK and its re-check), then
/// <see cref="SetUpQueue"/> per queue and any buffer population (step 7), then <see cref="Start"/> (step 8,
/// DRIVER_OK, after which the queues may notify). <see cref="Fail"/> sets FAILED when the caller gives up;
/// <see cref="Shutdown"/> resets the device and takes every buffer back; <see cref="Restart"/> recovers a
/// broken device (reset, same features, same rings, DRIVER_OK) without allocating. <see cref="Phase"/> refuses
/// calls out of order with <see cref="VirtioResult.WrongPhase"/>.</para>
/// <para><b>Ownership.</b> Queue rings and private state are allocated in <see cref="SetUpQueue"/>, at
/// bring-up, and kept for the life of the firmware: a reset followed by a new initialisation reuses them.</para>
/// </remarks>
public sealed class VirtioDevice
{
    /// <summary>Queues one device may have here (SCMI uses 2, block 1, entropy 1).</summary>
    public const int MaximumQueues = 4;

    private readonly SplitQueue?[] _queues = new SplitQueue?[MaximumQueues];
    private DeviceOptions _options;
    private bool _negotiatedOnce;

    /// <summary>Drives the device behind <paramref name="transport"/>.</summary>
    public VirtioDevice(MmioTransport transport)
    {
        Transport = transport;
        Phase = DevicePhase.Reset;
    }

    /// <summary>The device's transport.</summary>
    public MmioTransport Transport { get; }

    /// <summary>How far initialisation has come.</summary>
    public DevicePhase Phase { get; private set; }

    /// <summary>The features the device offered at the last <see cref="Initialize"/>.</summary>
    public ulong OfferedFeatures { get; private set; }

    /// <summary>The features accepted at the last <see cref="Initialize"/>.</summary>
    public ulong AcceptedFeatures { get; private set; }

    /// <summary>True when <paramref name="feature"/> was negotiated.</summary>
    public bool Negotiated(VirtioFeatures feature) => (AcceptedFeatures & (ulong)feature) == (ulong)feature;

    /// <summary>Queue <paramref name="index"/>, or null when it was not set up.</summary>
    public SplitQueue? Queue(int index) => index >= 0 && index < MaximumQueues ? _queues[index] : null;

    /// <summary>
    /// §3.1.1 steps 1 to 6: reset, ACKNOWLEDGE, DRIVER, read both feature words, accept a subset, then
    /// (modern only, §3.1.2) FEATURES_OK and its re-read. On refusal the device is left FAILED (or reset).
    /// </summary>
    public VirtioResult Initialize(DeviceOptions options)
    {
        VirtioResult result = Negotiate(options);
        if (result == VirtioResult.Ok)
        {
            _options = options;
            _negotiatedOnce = true;
        }
        return result;
    }

    /// <summary>
    /// Brings a device back after a broken queue (<see cref="SplitQueue.IsBroken"/>) or DEVICE_NEEDS_RESET,
    /// allocating nothing, so it works after <c>Heap.Seal()</c>: reset (every exposed buffer returns to the
    /// driver, §3.3.1), the features of the last <see cref="Initialize"/> negotiated again and required to come
    /// out the same, every queue set up before handed its <i>existing</i> ring again (driver state cleared by
    /// <see cref="SplitQueue.ReclaimAfterReset"/>), then DRIVER_OK. The caller repopulates the queues (for
    /// example the SCMI eventq) afterwards. No context may be inside a queue meanwhile (README, "One owner per
    /// queue"). Refused with <see cref="VirtioResult.WrongPhase"/> before a successful <see cref="Initialize"/>.
    /// </summary>
    public VirtioResult Restart()
    {
        if (!_negotiatedOnce)
            return VirtioResult.WrongPhase;
        ulong previouslyAccepted = AcceptedFeatures;
        VirtioResult negotiated = Negotiate(_options);
        if (negotiated != VirtioResult.Ok)
            return negotiated;
        // The rings were laid out for the old features (EVENT_IDX decides the ring's suppression fields).
        if (AcceptedFeatures != previouslyAccepted)
            return FailWith(VirtioResult.FeaturesChanged);
        for (int i = 0; i < MaximumQueues; i++)
        {
            SplitQueue? queue = _queues[i];
            if (queue is null)
                continue;
            VirtioResult reprogrammed = ReprogramQueue(queue);
            if (reprogrammed != VirtioResult.Ok)
                return reprogrammed;
        }
        return Start();
    }

    /// <summary>§3.1.1 steps 1 to 6, shared by <see cref="Initialize"/> and <see cref="Restart"/>.</summary>
    private VirtioResult Negotiate(DeviceOptions options)
    {
        MmioDeviceIdentity identity = Transport.Identity;
        if (identity.Magic != MmioConstants.MagicValue)
            return VirtioResult.NotVirtio;
        if (!identity.IsKnownVersion)
            return VirtioResult.UnsupportedVersion;
        // §4.2.3.1.1: with DeviceID 0 the driver "MUST abort initialization and MUST NOT access any other register".
        if (identity.DeviceId == 0)
            return VirtioResult.NoDevice;
        if (options.RequireVersion1 && identity.Layout == MmioLayout.Legacy)
            return VirtioResult.LegacyDeviceRefused;

        // Step 1. A re-initialisation also takes back whatever the previous life left in the rings.
        if (!ResetAndReclaim())
            return VirtioResult.ResetTimedOut;

        // Steps 2 and 3.
        Transport.SetStatus(DeviceStatus.Acknowledge);
        Transport.SetStatus(DeviceStatus.Driver);

        // Step 4.
        OfferedFeatures = Transport.ReadDeviceFeatures();
        AcceptedFeatures = FeatureNegotiation.Accept(OfferedFeatures, options.WantedFeatures);
        bool offersVersion1 = (OfferedFeatures & (ulong)VirtioFeatures.Version1) != 0;
        if (options.RequireVersion1 && !offersVersion1)
            return FailWith(VirtioResult.Version1NotOffered);
        // virtio 1.3 §6.1: "A device MUST offer VIRTIO_F_VERSION_1." A version 2 (non-legacy) register layout
        // without it is a mixed device no spec describes; Linux's virtio-mmio refuses it too.
        if (identity.Layout == MmioLayout.Modern && !offersVersion1)
            return FailWith(VirtioResult.Version1NotOffered);
        Transport.WriteDriverFeatures(AcceptedFeatures);
        if (identity.Layout == MmioLayout.Legacy)
            Transport.WriteGuestPageSize();

        if (identity.Layout == MmioLayout.Modern)
        {
            // Step 5: "Set the FEATURES_OK status bit. The driver MUST NOT accept new feature bits after this step."
            Transport.SetStatus(DeviceStatus.FeaturesOk);
            // Step 6: "Re-read device status to ensure the FEATURES_OK bit is still set: otherwise, the device
            // does not support our subset of features and the device is unusable."
            DeviceStatus status = Transport.ReadStatus();
            if ((status & DeviceStatus.DeviceNeedsReset) != 0)
                return FailWith(VirtioResult.DeviceNeedsReset);
            if ((status & DeviceStatus.FeaturesOk) == 0)
                return FailWith(VirtioResult.FeaturesRefused);
        }
        // §3.1.2: the legacy interface omits steps 5 and 6; the device has no FEATURES_OK bit.

        Phase = DevicePhase.FeaturesNegotiated;
        return VirtioResult.Ok;
    }

    /// <summary>
    /// §3.1.1 step 7 for one queue: checks it exists and is unused, chooses a size no larger than
    /// <paramref name="preferredSize"/> and QueueSizeMax, takes ring memory from <paramref name="allocator"/>
    /// the first time (bring-up), and hands the ring to the device. Use <see cref="Queue"/> to reach it.
    /// </summary>
    public VirtioResult SetUpQueue(ushort index, ushort preferredSize, DmaAllocator allocator, MemoryOrdering ordering)
    {
        if (Phase != DevicePhase.FeaturesNegotiated)
            return VirtioResult.WrongPhase;
        if (index >= MaximumQueues)
            return VirtioResult.TooManyQueues;

        ushort sizeMax = Transport.ReadQueueSizeMax(index, out bool inUse);
        if (inUse)
            return FailWith(VirtioResult.QueueAlreadyInUse);
        if (sizeMax == 0)
            return VirtioResult.QueueUnavailable;
        ushort size = ChooseQueueSize(preferredSize, sizeMax);
        if (size == 0)
            return VirtioResult.QueueUnavailable;

        bool eventIndex = Negotiated(VirtioFeatures.EventIndex);
        SplitQueue? queue = _queues[index];
        if (queue is null || queue.Size != size || queue.EventIndex != eventIndex
            || queue.Layout.UsedAlignment != Transport.UsedRingAlignment)
        {
            queue = SplitQueue.Create(index, size, Transport.UsedRingAlignment, eventIndex, allocator, ordering, Transport);
            if (queue is null)
                return FailWith(VirtioResult.OutOfMemory);
            _queues[index] = queue;
        }
        VirtioResult activated = Transport.ActivateQueue(queue);
        if (activated != VirtioResult.Ok)
            return FailWith(activated);
        return VirtioResult.Ok;
    }

    /// <summary>
    /// §3.1.1 step 8: sets DRIVER_OK, after which the device is live and queues may notify it (a kick made
    /// during population is delivered now). Refuses if the device already asks for a reset.
    /// </summary>
    public VirtioResult Start()
    {
        if (Phase != DevicePhase.FeaturesNegotiated)
            return VirtioResult.WrongPhase;
        Transport.SetStatus(DeviceStatus.DriverOk);
        if ((Transport.ReadStatus() & DeviceStatus.DeviceNeedsReset) != 0)
            return FailWith(VirtioResult.DeviceNeedsReset);
        Phase = DevicePhase.Live;
        for (int i = 0; i < MaximumQueues; i++)
            _queues[i]?.MarkLive();
        return VirtioResult.Ok;
    }

    /// <summary>
    /// True while the device does not ask for a reset. §2.1.1: the driver "SHOULD NOT rely on completion of
    /// operations of a device if DEVICE_NEEDS_RESET is set", so a set bit moves the device to Failed.
    /// </summary>
    public bool CheckHealth()
    {
        if (Phase == DevicePhase.Failed)
            return false;
        if ((Transport.ReadStatus() & DeviceStatus.DeviceNeedsReset) == 0)
            return true;
        Phase = DevicePhase.Failed;
        return false;
    }

    /// <summary>
    /// Handles the device's interrupt: reads and acknowledges InterruptStatus (§4.2.3.4.1), then for a used
    /// buffer notification calls <paramref name="handler"/> for every set-up queue (the bit "SHOULD be
    /// interpreted as a used buffer notification for each active virtqueue"), and for a configuration change
    /// reports whether the device now needs a reset (§3.2.1). Returns the causes seen.
    /// </summary>
    public InterruptCause HandleInterrupt(UsedBufferHandler handler)
    {
        InterruptCause cause = Transport.ReadAndAcknowledgeInterrupt();
        if ((cause & InterruptCause.ConfigurationChange) != 0)
            handler.OnConfigurationChanged(!CheckHealth());
        if ((cause & InterruptCause.UsedBuffer) != 0)
        {
            for (int i = 0; i < MaximumQueues; i++)
            {
                SplitQueue? queue = _queues[i];
                if (queue is not null)
                    handler.OnUsedBuffers(queue);
            }
        }
        return cause;
    }

    /// <summary>
    /// Gives up on the device: §3.1.1 "the driver SHOULD set the FAILED status bit"; a later
    /// <see cref="Initialize"/> resets it first (§2.1.1: after FAILED the driver "MUST later reset the device").
    /// </summary>
    public void Fail()
    {
        Transport.SetStatus(DeviceStatus.Failed);
        Phase = DevicePhase.Failed;
    }

    /// <summary>
    /// Resets the device and returns every exposed buffer to the driver (§3.3.1: a driver MUST ensure a
    /// virtqueue isn't live, by device reset, before removing exposed buffers). Returns false when the
    /// device did not complete the reset; the buffers then stay with the device.
    /// </summary>
    public bool Shutdown() => ResetAndReclaim();

    /// <summary>§4.2.3.2 again for a queue whose ring already exists: the same size must still fit, and the device must not be using it.</summary>
    private VirtioResult ReprogramQueue(SplitQueue queue)
    {
        ushort sizeMax = Transport.ReadQueueSizeMax(queue.Index, out bool inUse);
        if (inUse)
            return FailWith(VirtioResult.QueueAlreadyInUse);
        if (sizeMax < queue.Size)
            return FailWith(VirtioResult.QueueUnavailable);
        VirtioResult activated = Transport.ActivateQueue(queue);
        if (activated != VirtioResult.Ok)
            return FailWith(activated);
        return VirtioResult.Ok;
    }

    /// <summary>The largest power of two no larger than both <paramref name="preferred"/> and <paramref name="sizeMax"/> (§2.7: sizes are powers of two).</summary>
    public static ushort ChooseQueueSize(ushort preferred, ushort sizeMax)
    {
        int limit = preferred < sizeMax ? preferred : sizeMax;
        int size = 1;
        if (limit == 0)
            return 0;
        while (size * 2 <= limit && size * 2 <= SplitQueueLayout.MaximumSize)
            size *= 2;
        return (ushort)size;
    }

    private bool ResetAndReclaim()
    {
        if (!Transport.Reset())
        {
            Phase = DevicePhase.Failed;
            return false;
        }
        Phase = DevicePhase.Reset;
        for (int i = 0; i < MaximumQueues; i++)
            _queues[i]?.ReclaimAfterReset();
        return true;
    }

    private VirtioResult FailWith(VirtioResult reason)
    {
        Fail();
        return reason;
    }
}
