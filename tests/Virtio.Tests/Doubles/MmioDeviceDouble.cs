// A virtio-mmio device double: the register file of virtio 1.3 §4.2.2 / §4.2.4 with reset values and side effects.
namespace Virtio.Tests.Doubles;

/// <summary>
/// Models a virtio-mmio device as the driver meets it: identification registers, feature words behind
/// selectors, status with reset semantics, per-queue registers in the modern or legacy layout, notify,
/// interrupt status and acknowledge, and a configuration space. Every access the spec forbids the driver
/// (writing a read-only register, reading a write-only one, unaligned or unlisted offsets, changing a
/// queue while it is ready, notifying before DRIVER_OK, clearing a status bit) is recorded in
/// <see cref="Violations"/>, which a passing test expects empty. Once a queue is enabled, a
/// <see cref="DeviceSideQueue"/> plays its device side over the same guest memory.
/// </summary>
public sealed class MmioDeviceDouble : RegisterWindow
{
    private sealed class QueueRegisters
    {
        public ushort SizeMax;
        public uint Size;
        public uint Ready;
        public ulong Descriptor, Driver, Device;
        public uint PageFrame;
        public uint Align;
    }

    private readonly GuestMemory _memory;
    private readonly QueueRegisters[] _queues;
    private readonly DeviceSideQueue?[] _deviceQueues;
    private uint _status;
    private uint _deviceFeaturesSelect = uint.MaxValue;
    private uint _driverFeaturesSelect = uint.MaxValue;
    private uint _queueSelect;
    private uint _guestPageSize;

    public MmioDeviceDouble(GuestMemory memory, MmioLayout layout, DeviceType type, ulong offeredFeatures, params ushort[] queueSizeMax)
    {
        _memory = memory;
        Layout = layout;
        DeviceId = (uint)type;
        // A legacy device has no VERSION_1 to offer (§6: it marks compliance with this specification).
        OfferedFeatures = layout == MmioLayout.Legacy ? offeredFeatures & ~(ulong)VirtioFeatures.Version1 : offeredFeatures;
        _queues = queueSizeMax.Select(max => new QueueRegisters { SizeMax = max }).ToArray();
        _deviceQueues = new DeviceSideQueue?[queueSizeMax.Length];
    }

    public MmioLayout Layout { get; }
    public uint Magic { get; set; } = MmioConstants.MagicValue;
    public uint DeviceId { get; set; }
    public uint VendorId { get; set; } = 0x554D4551; // "QEMU"
    /// <summary>The device's offer; a test may change it between resets (a device that lost a feature).</summary>
    public ulong OfferedFeatures { get; set; }
    public ulong DriverFeatures { get; private set; }
    public byte[] Config { get; set; } = new byte[64];
    public uint ConfigGeneration { get; set; }
    public uint InterruptStatus { get; set; }
    public DeviceStatus Status => (DeviceStatus)_status;

    /// <summary>FEATURES_OK is refused whatever the driver accepts (a device that cannot live with the subset).</summary>
    public bool RefuseFeatures { get; set; }
    /// <summary>The device sets DEVICE_NEEDS_RESET the next time the driver writes the status.</summary>
    public bool NeedsResetOnNextStatusWrite { get; set; }
    /// <summary>Reset never completes: status keeps reading non-zero.</summary>
    public bool StuckInReset { get; set; }

    public List<string> Violations { get; } = new();
    public List<string> Log { get; set; } = new();
    public List<uint> StatusWrites { get; } = new();
    public List<uint> Acknowledged { get; } = new();
    public int Notifications { get; private set; }
    public int Resets { get; private set; }
    /// <summary>GuestPageSize writes since the last reset (legacy).</summary>
    public int GuestPageSizeWrites { get; private set; }
    /// <summary>Runs on each QueueNotify write after it is logged: an "active" device processes here.</summary>
    public Action<int>? OnNotify { get; set; }

    /// <summary>The device side of queue <paramref name="index"/>, once the driver enabled it.</summary>
    public DeviceSideQueue Queue(int index) => _deviceQueues[index] ?? throw new InvalidOperationException($"queue {index} is not enabled");

    public bool IsQueueEnabled(int index) => _deviceQueues[index] is not null;

    /// <summary>Changes what QueueSizeMax reports for queue <paramref name="index"/> (a device reconfigured between resets).</summary>
    public void SetQueueSizeMax(int index, ushort sizeMax) => _queues[index].SizeMax = sizeMax;

    /// <summary>The device signals a configuration change (and, with <paramref name="needsReset"/>, DEVICE_NEEDS_RESET).</summary>
    public void RaiseConfigurationChange(bool needsReset)
    {
        if (needsReset)
            _status |= (uint)DeviceStatus.DeviceNeedsReset;
        ConfigGeneration++;
        InterruptStatus |= (uint)InterruptCause.ConfigurationChange;
    }

    public override uint Read32(int offset)
    {
        Log.Add($"read:{(MmioRegister)offset}");
        if (offset % 4 != 0)
            Violations.Add($"unaligned read at 0x{offset:x}");
        if (offset >= (int)MmioRegister.Config)
            return BitConverter.ToUInt32(Config, offset - (int)MmioRegister.Config);
        QueueRegisters? q = SelectedQueue();
        switch ((MmioRegister)offset)
        {
            case MmioRegister.MagicValue: return Magic;
            case MmioRegister.Version: return (uint)Layout;
            case MmioRegister.DeviceId: return DeviceId;
            case MmioRegister.VendorId: return VendorId;
            case MmioRegister.DeviceFeatures:
                if (_deviceFeaturesSelect == uint.MaxValue)
                    Violations.Add("DeviceFeatures read before DeviceFeaturesSel was written (§4.2.2.2)");
                if (Layout == MmioLayout.Legacy && _deviceFeaturesSelect > 0)
                    Violations.Add("HostFeatures read with HostFeaturesSel > 0 on a legacy device (QEMU: guest error)");
                return _deviceFeaturesSelect switch { 0 => (uint)OfferedFeatures, 1 => (uint)(OfferedFeatures >> 32), _ => 0 };
            case MmioRegister.QueueSizeMax:
                if (Layout == MmioLayout.Legacy && q is { PageFrame: not 0 })
                    Violations.Add("QueueNumMax read while QueuePFN is set (§4.2.4)");
                return q?.SizeMax ?? 0u;
            case MmioRegister.QueueReady when Layout == MmioLayout.Modern: return q?.Ready ?? 0;
            case MmioRegister.QueuePageFrameNumber when Layout == MmioLayout.Legacy: return q?.PageFrame ?? 0;
            case MmioRegister.InterruptStatus: return InterruptStatus;
            case MmioRegister.Status: return StuckInReset ? 0xffu : _status;
            case MmioRegister.ConfigGeneration when Layout == MmioLayout.Modern: return ConfigGeneration;
            default:
                Violations.Add($"read of write-only or unlisted register 0x{offset:x} ({(MmioRegister)offset})");
                return 0;
        }
    }

    public override byte Read8(int offset)
    {
        Log.Add($"read8:0x{offset:x}");
        if (offset < (int)MmioRegister.Config)
            Violations.Add($"byte read of control register 0x{offset:x} (§4.2.2.2: 32-bit only)");
        return Config[offset - (int)MmioRegister.Config];
    }

    public override void Write32(int offset, uint value)
    {
        Log.Add($"write:{(MmioRegister)offset}={value}");
        if (offset % 4 != 0)
            Violations.Add($"unaligned write at 0x{offset:x}");
        QueueRegisters? q = SelectedQueue();
        switch ((MmioRegister)offset)
        {
            case MmioRegister.DeviceFeaturesSelect: _deviceFeaturesSelect = value; break;
            case MmioRegister.DriverFeaturesSelect: _driverFeaturesSelect = value; break;
            case MmioRegister.DriverFeatures:
                if (_driverFeaturesSelect == uint.MaxValue)
                    Violations.Add("DriverFeatures written before DriverFeaturesSel (§4.2.2.2)");
                if ((_status & (uint)DeviceStatus.FeaturesOk) != 0)
                    Violations.Add("features written after FEATURES_OK (§3.1.1 step 5)");
                if (Layout == MmioLayout.Legacy && _driverFeaturesSelect > 0)
                    Violations.Add("GuestFeatures written with GuestFeaturesSel > 0 on a legacy device (QEMU: guest error)");
                if (_driverFeaturesSelect == 0)
                    DriverFeatures = DriverFeatures & 0xffff_ffff_0000_0000 | value;
                else if (_driverFeaturesSelect == 1)
                    DriverFeatures = DriverFeatures & 0xffff_ffff | (ulong)value << 32;
                break;
            case MmioRegister.QueueSelect: _queueSelect = value; break;
            case MmioRegister.QueueSize:
                RequireQueueIdle(q, "QueueSize");
                if (q is not null && value > q.SizeMax)
                    Violations.Add($"QueueSize {value} above QueueSizeMax {q.SizeMax} (§4.2.2.2)");
                if (q is not null) q.Size = value;
                break;
            case MmioRegister.QueueDescriptorLow when Layout == MmioLayout.Modern: RequireQueueIdle(q, "QueueDesc"); if (q is not null) q.Descriptor = q.Descriptor & ~0xffff_ffffUL | value; break;
            case MmioRegister.QueueDescriptorHigh when Layout == MmioLayout.Modern: RequireQueueIdle(q, "QueueDesc"); if (q is not null) q.Descriptor = q.Descriptor & 0xffff_ffff | (ulong)value << 32; break;
            case MmioRegister.QueueDriverLow when Layout == MmioLayout.Modern: RequireQueueIdle(q, "QueueDriver"); if (q is not null) q.Driver = q.Driver & ~0xffff_ffffUL | value; break;
            case MmioRegister.QueueDriverHigh when Layout == MmioLayout.Modern: RequireQueueIdle(q, "QueueDriver"); if (q is not null) q.Driver = q.Driver & 0xffff_ffff | (ulong)value << 32; break;
            case MmioRegister.QueueDeviceLow when Layout == MmioLayout.Modern: RequireQueueIdle(q, "QueueDevice"); if (q is not null) q.Device = q.Device & ~0xffff_ffffUL | value; break;
            case MmioRegister.QueueDeviceHigh when Layout == MmioLayout.Modern: RequireQueueIdle(q, "QueueDevice"); if (q is not null) q.Device = q.Device & 0xffff_ffff | (ulong)value << 32; break;
            case MmioRegister.QueueReady when Layout == MmioLayout.Modern:
                if (q is null) { Violations.Add("QueueReady for a queue that does not exist"); break; }
                q.Ready = value & 1;
                if (q.Ready == 1)
                    EnableQueue((int)_queueSelect, q.Descriptor, q.Driver, q.Device);
                else
                    _deviceQueues[_queueSelect] = null;
                break;
            case MmioRegister.LegacyGuestPageSize when Layout == MmioLayout.Legacy:
                GuestPageSizeWrites++;
                if (_queues.Any(queue => queue.PageFrame != 0))
                    Violations.Add("GuestPageSize written after a queue was set up (§4.2.4: before any queues are used)");
                _guestPageSize = value;
                break;
            case MmioRegister.LegacyQueueAlign when Layout == MmioLayout.Legacy: if (q is not null) q.Align = value; break;
            case MmioRegister.QueuePageFrameNumber when Layout == MmioLayout.Legacy:
                if (q is null) { Violations.Add("QueuePFN for a queue that does not exist"); break; }
                q.PageFrame = value;
                if (value == 0) { _deviceQueues[_queueSelect] = null; break; }
                if (_guestPageSize == 0) Violations.Add("QueuePFN before GuestPageSize (§4.2.4)");
                if (q.Align == 0 || (q.Align & (q.Align - 1)) != 0) Violations.Add($"QueueAlign {q.Align} is not a power of two");
                EnableLegacyQueue((int)_queueSelect, q);
                break;
            case MmioRegister.QueueNotify:
                Notifications++;
                if ((_status & (uint)DeviceStatus.DriverOk) == 0)
                    Violations.Add("notification before DRIVER_OK (§3.1.1)");
                if (value >= _queues.Length || _deviceQueues[value] is null)
                    Violations.Add($"notification for queue {value}, which is not enabled");
                OnNotify?.Invoke((int)value);
                break;
            case MmioRegister.InterruptAck:
                if ((value & ~(uint)InterruptCause.All) != 0)
                    Violations.Add($"InterruptACK with undefined bits 0x{value:x} (§4.2.2.2)");
                Acknowledged.Add(value);
                InterruptStatus &= ~value;
                break;
            case MmioRegister.Status:
                WriteStatus(value);
                break;
            default:
                Violations.Add($"write to read-only or unlisted register 0x{offset:x} ({(MmioRegister)offset})");
                break;
        }
    }

    private void WriteStatus(uint value)
    {
        StatusWrites.Add(value);
        if (value == 0)
        {
            Resets++;
            GuestPageSizeWrites = 0;
            _status = 0;
            InterruptStatus = 0;
            DriverFeatures = 0;
            foreach (QueueRegisters q in _queues) { q.Ready = 0; q.PageFrame = 0; q.Size = 0; }
            Array.Clear(_deviceQueues);
            return;
        }
        if ((value & _status) != _status)
            Violations.Add($"status write 0x{value:x} clears bits of 0x{_status:x} (§2.1.1)");
        uint added = value & ~_status;
        if ((added & (uint)DeviceStatus.FeaturesOk) != 0)
        {
            if (Layout == MmioLayout.Legacy)
                Violations.Add("FEATURES_OK on a legacy device (§3.1.2 omits it)");
            bool acceptable = !RefuseFeatures && (DriverFeatures & ~OfferedFeatures) == 0;
            if (!acceptable)
                value &= ~(uint)DeviceStatus.FeaturesOk;
        }
        if ((added & (uint)DeviceStatus.DriverOk) != 0 && Layout == MmioLayout.Modern && (_status & (uint)DeviceStatus.FeaturesOk) == 0)
            Violations.Add("DRIVER_OK without FEATURES_OK on a modern device (§3.1.1)");
        if ((DriverFeatures & ~OfferedFeatures) != 0)
            Violations.Add($"accepted features 0x{DriverFeatures:x} not offered 0x{OfferedFeatures:x} (§2.2.1)");
        _status = value | (_status & (uint)DeviceStatus.DeviceNeedsReset);
        if (NeedsResetOnNextStatusWrite)
        {
            NeedsResetOnNextStatusWrite = false;
            _status |= (uint)DeviceStatus.DeviceNeedsReset;
        }
    }

    private QueueRegisters? SelectedQueue() => _queueSelect < _queues.Length ? _queues[_queueSelect] : null;

    private void RequireQueueIdle(QueueRegisters? q, string register)
    {
        if (q is { Ready: not 0 })
            Violations.Add($"{register} written while QueueReady is 1 (§4.2.2.2)");
    }

    private void EnableQueue(int index, ulong descriptor, ulong driver, ulong device)
    {
        QueueRegisters q = _queues[index];
        if (q.Size == 0 || (q.Size & (q.Size - 1)) != 0)
            Violations.Add($"queue {index} enabled with size {q.Size}");
        if (descriptor % 16 != 0 || driver % 2 != 0 || device % 4 != 0)
            Violations.Add($"queue {index} parts misaligned (§2.7.1)");
        bool eventIndex = (DriverFeatures & (ulong)VirtioFeatures.EventIndex) != 0;
        var side = new DeviceSideQueue(_memory, descriptor, driver, device, (ushort)q.Size, eventIndex);
        side.RaiseNotification = () => InterruptStatus |= (uint)InterruptCause.UsedBuffer;
        _deviceQueues[index] = side;
    }

    private void EnableLegacyQueue(int index, QueueRegisters q)
    {
        ulong ring = (ulong)q.PageFrame * _guestPageSize;
        ulong driver = ring + 16UL * q.Size;
        ulong availEnd = driver + 6 + 2UL * q.Size;
        ulong device = (availEnd + q.Align - 1) & ~((ulong)q.Align - 1);
        EnableQueue(index, ring, driver, device);
    }
}
