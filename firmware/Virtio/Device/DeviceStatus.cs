// The device status bits (virtio 1.3 §2.1).
using System;

namespace Virtio;

/// <summary>Bits of the device status field, in the order a driver sets them (virtio 1.3 §2.1).</summary>
[Flags]
public enum DeviceStatus : uint
{
    /// <summary>Written alone, resets the device; read back, reset has completed.</summary>
    Reset = 0,
    /// <summary>The driver found the device and recognised it as a virtio device.</summary>
    Acknowledge = 0b0000_0001,
    /// <summary>The driver knows how to drive the device.</summary>
    Driver = 0b0000_0010,
    /// <summary>The driver is set up; the device is live.</summary>
    DriverOk = 0b0000_0100,
    /// <summary>Feature negotiation is complete (modern devices only).</summary>
    FeaturesOk = 0b0000_1000,
    /// <summary>The device hit an error it cannot recover from without a reset.</summary>
    DeviceNeedsReset = 0b0100_0000,
    /// <summary>The driver gave up on the device.</summary>
    Failed = 0b1000_0000,
}
