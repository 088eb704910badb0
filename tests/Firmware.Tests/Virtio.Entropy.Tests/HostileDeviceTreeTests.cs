// Discovery on target over a copy of the boot device tree made hostile: it falls back or skips, it never panics.
using System;
using System.Buffers.Binary;
using Devicetree;
using Nano.Runtime.Native;
using Nano.TestFramework;
using Virtio;

namespace Virtio.Entropy.Tests;

/// <summary>
/// Copies the device tree QEMU passed into heap RAM, corrupts the copy, and runs the board discovery over it.
/// Before discovery checked what the tree supplies, a totalsize beyond mapped RAM panicked in
/// PhysicalMemory.Map and a reg outside the device window panicked in Mmio.
/// </summary>
[TestClass]
public class HostileDeviceTreeTests
{
    private static byte[]? s_copy;

    // Each test corrupts its own fresh copy.
    private static void CopyTheBootDeviceTree()
    {
        ulong address = Board.DeviceTreeAddress;
        Assert.IsTrue(address != 0, "QEMU passes a device tree");
        int totalSize = (int)BinaryPrimitives.ReadUInt32BigEndian(PhysicalMemory.Map(address + 4, 4));
        s_copy ??= new byte[totalSize];
        PhysicalMemory.Map(address, totalSize).CopyTo(s_copy);
    }

    private static ulong CopyAddress => PhysicalMemory.AddressOf(s_copy!);

    [TestMethod]
    public static void The_untouched_copy_is_used()
    {
        CopyTheBootDeviceTree();
        Span<MmioTransportLocation> found = stackalloc MmioTransportLocation[BoardVirtioDiscovery.MaximumTransports];
        Assert.AreEqual(32, BoardVirtioDiscovery.Locate(CopyAddress, found, out bool fromDeviceTree), "transports");
        Assert.IsTrue(fromDeviceTree, "from the copy");
    }

    [TestMethod]
    public static void A_totalsize_beyond_mapped_RAM_falls_back_to_the_slot_scan()
    {
        CopyTheBootDeviceTree();
        BinaryPrimitives.WriteUInt32BigEndian(s_copy.AsSpan(4), 0x7fff_0000);
        Span<MmioTransportLocation> found = stackalloc MmioTransportLocation[BoardVirtioDiscovery.MaximumTransports];
        Assert.AreEqual(32, BoardVirtioDiscovery.Locate(CopyAddress, found, out bool fromDeviceTree), "transports");
        Assert.IsFalse(fromDeviceTree, "the fixed slots");
    }

    [TestMethod]
    public static void A_reg_outside_the_device_window_is_skipped_and_the_rest_are_used()
    {
        CopyTheBootDeviceTree();
        Assert.AreEqual((int)DeviceTreeStatus.Ok, (int)FlattenedDeviceTree.TryOpen(s_copy, out FlattenedDeviceTree tree), "open");
        DeviceTreeNode node = tree.Root;
        Assert.IsTrue(tree.TryFindNextCompatible(MmioDiscovery.Compatible, ref node), "a virtio node");
        Assert.IsTrue(tree.TryGetProperty(node, "reg"u8, out ReadOnlySpan<byte> reg), "its reg");
        int at = (int)(PhysicalMemory.AddressOf(reg) - CopyAddress);
        // <address-high address-low size-high size-low>: move the window into RAM, where an Mmio read panics.
        BinaryPrimitives.WriteUInt32BigEndian(s_copy.AsSpan(at + 4), 0x4000_0000);

        Span<MmioTransportLocation> found = stackalloc MmioTransportLocation[BoardVirtioDiscovery.MaximumTransports];
        Assert.AreEqual(31, BoardVirtioDiscovery.Locate(CopyAddress, found, out bool fromDeviceTree), "transports");
        Assert.IsTrue(fromDeviceTree, "still from the tree");
        int entropy = 0;
        for (int i = 0; i < 31; i++)
        {
            if (MmioDeviceIdentity.Read(new MmioRegisterWindow(found[i].BaseAddress)).Type == DeviceType.Entropy)
                entropy++;
        }
        Assert.AreEqual(1, entropy, "every listed window is probed without a fault, and the rng device is among them");
    }
}
