// A virtio-mmio register window (virtio 1.3 §4.2.2) for an SCMI device: QueueNotify kicks the backend, used buffers raise the transport's interrupt.
using Virtio;

namespace Scmi.Tests.Doubles;

/// <summary>How a raised interrupt reaches the transport.</summary>
public enum InterruptDelivery
{
    /// <summary>Never: the transport must poll.</summary>
    Off,
    /// <summary>At once, inside the device's completion (as an interrupt taken while the thread holds the queues).</summary>
    Immediate,
    /// <summary>At the next <see cref="LoopbackRegisters.DeliverPendingInterrupt"/> (the waiting thread's spin).</summary>
    Deferred,
}

/// <summary>
/// The register file of a virtio-mmio SCMI device (device id 32): identity, features behind selectors,
/// status with reset, modern queue registers, notify, interrupt status/acknowledge. Queue set-up and
/// kicks go to a <see cref="DeviceBackend"/>; the backend's used-buffer notifications set InterruptStatus
/// and call the transport's interrupt entry according to <see cref="Delivery"/>.
/// </summary>
public sealed class LoopbackRegisters : RegisterWindow
{
    private readonly DeviceBackend _backend;
    private readonly ushort _queueSizeMax;
    private readonly QueueRegisters[] _queues = [new(), new()];
    private uint _status;
    private uint _deviceFeaturesSelect;
    private uint _driverFeaturesSelect;
    private uint _queueSelect;
    private ulong _driverFeatures;
    private bool _interruptPending;

    private sealed class QueueRegisters
    {
        public uint Size;
        public uint Ready;
        public ulong Descriptor, Driver, Device;
    }

    public LoopbackRegisters(DeviceBackend backend, ulong offeredFeatures, bool legacy = false, ushort queueSizeMax = 256, uint deviceId = 32)
    {
        _backend = backend;
        backend.Registers = this;
        OfferedFeatures = offeredFeatures;
        Legacy = legacy;
        _queueSizeMax = queueSizeMax;
        DeviceId = deviceId;
    }

    public ulong OfferedFeatures { get; }
    public bool Legacy { get; }
    public uint DeviceId { get; }
    public ulong DriverFeatures => _driverFeatures;
    public uint InterruptStatus { get; set; }
    public InterruptDelivery Delivery { get; set; } = InterruptDelivery.Deferred;
    /// <summary>The transport's interrupt entry (set once the transport exists).</summary>
    public Action? InterruptHandler { get; set; }
    public int Resets { get; private set; }
    public int Notifications { get; private set; }
    public int InterruptsRaised { get; private set; }
    /// <summary>When not 0, QueueSizeMax reads this (a device changing its offer across a reset).</summary>
    public ulong QueueSizeMaxOverride { get; set; }

    public MmioDeviceIdentity Identity => new(MmioConstants.MagicValue, Legacy ? MmioConstants.LegacyVersion : MmioConstants.ModernVersion, DeviceId, 0x554D4551);

    /// <summary>The backend used a buffer: InterruptStatus bit 0, then the interrupt as configured.</summary>
    public void RaiseUsedBuffer()
    {
        InterruptStatus |= (uint)InterruptCause.UsedBuffer;
        InterruptsRaised++;
        switch (Delivery)
        {
            case InterruptDelivery.Immediate:
                InterruptHandler?.Invoke();
                break;
            case InterruptDelivery.Deferred:
                _interruptPending = true;
                break;
        }
    }

    /// <summary>Delivers an interrupt raised since the last call (the CPU taking a pending IRQ).</summary>
    public bool DeliverPendingInterrupt()
    {
        if (!_interruptPending || Delivery == InterruptDelivery.Off)
            return false;
        _interruptPending = false;
        InterruptHandler?.Invoke();
        return true;
    }

    public override uint Read32(int offset)
    {
        QueueRegisters? q = _queueSelect < _queues.Length ? _queues[_queueSelect] : null;
        switch ((MmioRegister)offset)
        {
            case MmioRegister.MagicValue: return MmioConstants.MagicValue;
            case MmioRegister.Version: return Legacy ? MmioConstants.LegacyVersion : MmioConstants.ModernVersion;
            case MmioRegister.DeviceId: return DeviceId;
            case MmioRegister.VendorId: return 0x554D4551;
            case MmioRegister.DeviceFeatures: return _deviceFeaturesSelect == 0 ? (uint)OfferedFeatures : _deviceFeaturesSelect == 1 ? (uint)(OfferedFeatures >> 32) : 0;
            case MmioRegister.QueueSizeMax: return q is null ? 0 : (QueueSizeMaxOverride != 0 ? (uint)QueueSizeMaxOverride : _queueSizeMax);
            case MmioRegister.QueueReady: return q?.Ready ?? 0;
            case MmioRegister.QueuePageFrameNumber: return 0;
            case MmioRegister.InterruptStatus: return InterruptStatus;
            case MmioRegister.Status: return _status;
            case MmioRegister.ConfigGeneration: return 0;
            default: throw new InvalidOperationException($"read of register 0x{offset:x}");
        }
    }

    public override byte Read8(int offset) => 0;

    public override void Write32(int offset, uint value)
    {
        QueueRegisters? q = _queueSelect < _queues.Length ? _queues[_queueSelect] : null;
        switch ((MmioRegister)offset)
        {
            case MmioRegister.DeviceFeaturesSelect: _deviceFeaturesSelect = value; break;
            case MmioRegister.DriverFeaturesSelect: _driverFeaturesSelect = value; break;
            case MmioRegister.DriverFeatures:
                if (_driverFeaturesSelect == 0) _driverFeatures = _driverFeatures & ~0xffff_ffffUL | value;
                else if (_driverFeaturesSelect == 1) _driverFeatures = _driverFeatures & 0xffff_ffffUL | (ulong)value << 32;
                break;
            case MmioRegister.QueueSelect: _queueSelect = value; break;
            case MmioRegister.QueueSize: if (q is not null) q.Size = value; break;
            case MmioRegister.QueueDescriptorLow: if (q is not null) q.Descriptor = q.Descriptor & ~0xffff_ffffUL | value; break;
            case MmioRegister.QueueDescriptorHigh: if (q is not null) q.Descriptor = q.Descriptor & 0xffff_ffffUL | (ulong)value << 32; break;
            case MmioRegister.QueueDriverLow: if (q is not null) q.Driver = q.Driver & ~0xffff_ffffUL | value; break;
            case MmioRegister.QueueDriverHigh: if (q is not null) q.Driver = q.Driver & 0xffff_ffffUL | (ulong)value << 32; break;
            case MmioRegister.QueueDeviceLow: if (q is not null) q.Device = q.Device & ~0xffff_ffffUL | value; break;
            case MmioRegister.QueueDeviceHigh: if (q is not null) q.Device = q.Device & 0xffff_ffffUL | (ulong)value << 32; break;
            case MmioRegister.QueueReady: if (q is not null) q.Ready = value; break;
            case MmioRegister.QueueNotify:
                Notifications++;
                if ((_status & (uint)DeviceStatus.DriverOk) == 0)
                    throw new InvalidOperationException("notify before DRIVER_OK (virtio 1.3 §3.1.1)");
                _backend.OnNotify((int)value);
                break;
            case MmioRegister.InterruptAck: InterruptStatus &= ~value; break;
            case MmioRegister.Status:
                if (value == 0)
                {
                    _status = 0;
                    Resets++;
                    _driverFeatures = 0;
                    foreach (QueueRegisters r in _queues)
                    {
                        r.Ready = 0;
                        r.Size = 0;
                    }
                    InterruptStatus = 0;
                    _interruptPending = false;
                    _backend.OnReset();
                    break;
                }
                bool starting = (value & (uint)DeviceStatus.DriverOk) != 0 && (_status & (uint)DeviceStatus.DriverOk) == 0;
                _status = value;
                if (starting)
                {
                    var placements = new List<QueuePlacement>();
                    for (int i = 0; i < _queues.Length; i++)
                    {
                        if (_queues[i].Ready != 0)
                            placements.Add(new QueuePlacement(i, (ushort)_queues[i].Size, _queues[i].Descriptor, _queues[i].Driver, _queues[i].Device));
                    }
                    _backend.OnDriverOk(_driverFeatures, placements);
                }
                break;
            case MmioRegister.LegacyGuestPageSize:
            case MmioRegister.LegacyQueueAlign:
            case MmioRegister.QueuePageFrameNumber:
                throw new InvalidOperationException("legacy queue set-up on the loopback device");
            default: throw new InvalidOperationException($"write of register 0x{offset:x}");
        }
    }
}
