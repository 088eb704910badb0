// Finding virtio-mmio transports: from the device tree passed at boot, or QEMU virt's fixed slots as a fallback. (virtio 1.3 §4.2.1)
using System;
using Devicetree;

namespace Virtio;

/// <summary>
/// Lists virtio-mmio transports. §4.2.1: "MMIO provides no generic device discovery mechanism"; the
/// device tree's "virtio,mmio" nodes give each window and interrupt. Whether a device sits behind a
/// window is learned afterwards by reading its identity (<see cref="MmioDeviceIdentity.Read"/>).
/// </summary>
public static class MmioDiscovery
{
    /// <summary>The compatible string of a virtio-mmio node.</summary>
    public static ReadOnlySpan<byte> Compatible => "virtio,mmio"u8;

    /// <summary>QEMU virt: first transport window.</summary>
    public const ulong QemuVirtFirstWindow = 0x0a00_0000;
    /// <summary>QEMU virt: distance between windows.</summary>
    public const ulong QemuVirtWindowStride = 0x200;
    /// <summary>QEMU virt: number of transports, plugged or not.</summary>
    public const int QemuVirtWindowCount = 32;
    /// <summary>QEMU virt: INTID of slot 0 (SPI 16); slot n raises INTID 48 + n.</summary>
    public const uint QemuVirtFirstInterruptId = 48;

    /// <summary>
    /// Checks the header of a device tree the boot loader left at <paramref name="address"/>: a valid header
    /// whose totalsize keeps the whole blob inside <paramref name="mapped"/> (the memory the firmware may read).
    /// False means "do not map it; use the fallback". <paramref name="header"/> is the blob's first
    /// <see cref="FlattenedDeviceTree.HeaderSize"/> bytes.
    /// </summary>
    public static bool TryMeasureDeviceTree(ulong address, ReadOnlySpan<byte> header, AddressWindow mapped, out int totalSize)
    {
        totalSize = 0;
        if (!mapped.Contains(address, FlattenedDeviceTree.HeaderSize))
            return false;
        if (FlattenedDeviceTree.ReadTotalSize(header, out int size) != DeviceTreeStatus.Ok || !mapped.Contains(address, (ulong)size))
            return false;
        totalSize = size;
        return true;
    }

    /// <summary>
    /// Fills <paramref name="found"/> with the "virtio,mmio" nodes of <paramref name="tree"/> that have a
    /// usable "reg" inside <paramref name="deviceWindow"/> and a GIC "interrupts" entry, in document order;
    /// returns how many were written (at most found.Length). Nodes with a malformed or missing entry, or a
    /// window the firmware cannot reach, are skipped and counted in <paramref name="skipped"/>.
    /// </summary>
    public static int FromDeviceTree(FlattenedDeviceTree tree, AddressWindow deviceWindow, Span<MmioTransportLocation> found, out int skipped)
    {
        int count = 0;
        skipped = 0;
        Span<uint> specifier = stackalloc uint[4];
        DeviceTreeNode node = tree.Root;
        while (count < found.Length && tree.TryFindNextCompatible(Compatible, ref node))
        {
            if (tree.TryGetRegister(node, 0, out ulong address, out ulong size) != DeviceTreeStatus.Ok
                || size < 0x100 || address == 0 || !deviceWindow.Contains(address, size)
                || tree.TryGetInterrupt(node, 0, specifier, out int cells) != DeviceTreeStatus.Ok
                || !GicInterrupt.TryDecode(specifier.Slice(0, cells), out uint interruptId, out _))
            {
                skipped++;
                continue;
            }
            found[count++] = new MmioTransportLocation(address, size, interruptId, fromDeviceTree: true);
        }
        return count;
    }

    /// <summary>
    /// The fallback when no usable device tree exists: QEMU virt's 32 fixed windows and their interrupts.
    /// Returns how many were written (at most found.Length).
    /// </summary>
    public static int QemuVirtWindows(Span<MmioTransportLocation> found)
    {
        int count = found.Length < QemuVirtWindowCount ? found.Length : QemuVirtWindowCount;
        for (int slot = 0; slot < count; slot++)
        {
            found[slot] = new MmioTransportLocation(
                QemuVirtFirstWindow + (ulong)slot * QemuVirtWindowStride,
                QemuVirtWindowStride,
                QemuVirtFirstInterruptId + (uint)slot,
                fromDeviceTree: false);
        }
        return count;
    }
}
