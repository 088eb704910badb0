// What sits behind the loopback register window: the real platform device, or a hostile one.
namespace Scmi.Tests.Doubles;

/// <summary>Where a queue's three parts are, as the driver programmed them.</summary>
public sealed record QueuePlacement(int Index, ushort Size, ulong Descriptors, ulong Driver, ulong Device);

/// <summary>The device side of <see cref="LoopbackRegisters"/>, told what the driver does to the registers.</summary>
public abstract class DeviceBackend
{
    /// <summary>The register window this backend raises interrupts through (set by the window).</summary>
    public LoopbackRegisters Registers { get; internal set; } = null!;

    /// <summary>DRIVER_OK was set with these features and queues.</summary>
    public abstract void OnDriverOk(ulong features, IReadOnlyList<QueuePlacement> queues);

    /// <summary>The driver wrote QueueNotify.</summary>
    public abstract void OnNotify(int queue);

    /// <summary>The driver reset the device (status 0).</summary>
    public abstract void OnReset();
}
