// Discovery on the running board: the device tree the boot loader passed, else QEMU virt's fixed slots.
using System;
using Devicetree;
using Nano.Runtime.Native;

namespace Virtio;

/// <summary>
/// Finds the board's virtio-mmio transports and the devices behind them. Reads the flattened device tree
/// whose address the boot stub kept (x0 at entry); when there is none, or it is unusable, falls back to
/// QEMU virt's 32 fixed windows. Allocation-free: the caller supplies the output spans.
/// </summary>
public static class BoardVirtioDiscovery
{
    /// <summary>Transports any board here can have (QEMU virt has 32).</summary>
    public const int MaximumTransports = 32;

    /// <summary>
    /// Lists transport windows into <paramref name="found"/>; <paramref name="fromDeviceTree"/> says which
    /// source was used. Returns how many were written.
    /// </summary>
    public static int Locate(Span<MmioTransportLocation> found, out bool fromDeviceTree)
    {
        return Locate(Board.DeviceTreeAddress, found, out fromDeviceTree);
    }

    /// <summary>
    /// <see cref="Locate(Span{MmioTransportLocation}, out bool)"/> for a device tree at <paramref name="deviceTreeAddress"/>
    /// (0: none). A blob that does not fit in mapped RAM, or nodes whose window lies outside the device window,
    /// are passed over rather than touched: the slot scan is the fallback, never a fault.
    /// </summary>
    public static int Locate(ulong deviceTreeAddress, Span<MmioTransportLocation> found, out bool fromDeviceTree)
    {
        fromDeviceTree = false;
        ulong address = deviceTreeAddress;
        // What PhysicalMemory.Map accepts, and what Mmio accepts.
        var mapped = new AddressWindow(BoardMap.RamBase, BoardMap.RamBase + BoardMap.RamMinimumSize);
        var devices = new AddressWindow(BoardMap.DeviceWindowBase, BoardMap.DeviceWindowEnd);
        if (address != 0 && mapped.Contains(address, FlattenedDeviceTree.HeaderSize))
        {
            Span<byte> header = PhysicalMemory.Map(address, FlattenedDeviceTree.HeaderSize);
            if (MmioDiscovery.TryMeasureDeviceTree(address, header, mapped, out int totalSize)
                && FlattenedDeviceTree.TryOpen(PhysicalMemory.Map(address, totalSize), out FlattenedDeviceTree tree) == DeviceTreeStatus.Ok)
            {
                int count = MmioDiscovery.FromDeviceTree(tree, devices, found, out _);
                if (count > 0)
                {
                    fromDeviceTree = true;
                    return count;
                }
            }
        }
        return MmioDiscovery.QemuVirtWindows(found);
    }

    /// <summary>
    /// Finds the <paramref name="occurrence"/>-th (from 0) present device of type <paramref name="type"/>,
    /// in discovery order, and reads its identity.
    /// </summary>
    public static bool TryFind(DeviceType type, int occurrence, out MmioTransportLocation location, out MmioDeviceIdentity identity)
    {
        Span<MmioTransportLocation> all = stackalloc MmioTransportLocation[MaximumTransports];
        int count = Locate(all, out _);
        for (int i = 0; i < count; i++)
        {
            MmioDeviceIdentity candidate = MmioDeviceIdentity.Read(new MmioRegisterWindow(all[i].BaseAddress));
            if (!candidate.IsDevice || candidate.Type != type)
                continue;
            if (occurrence-- > 0)
                continue;
            location = all[i];
            identity = candidate;
            return true;
        }
        location = default;
        identity = default;
        return false;
    }
}
