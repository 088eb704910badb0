// Why a virtio-mmio device raised its interrupt (virtio 1.3 §4.2.2, InterruptStatus).
using System;

namespace Virtio;

/// <summary>Bits of InterruptStatus / InterruptACK; other bits are undefined and ignored (§4.2.2.2).</summary>
[Flags]
public enum InterruptCause : uint
{
    None = 0,
    /// <summary>The device used a buffer in at least one queue.</summary>
    UsedBuffer = 0b01,
    /// <summary>The device configuration changed (or the device set DEVICE_NEEDS_RESET).</summary>
    ConfigurationChange = 0b10,
    /// <summary>Every defined bit; the driver must not acknowledge others.</summary>
    All = UsedBuffer | ConfigurationChange,
}
