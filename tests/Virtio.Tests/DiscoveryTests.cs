// Transport discovery from the device tree, the QEMU virt fallback, and identity probing (virtio 1.3 §4.2.1, §4.2.3.1.1).
using System.Buffers.Binary;
using Devicetree;
using Virtio.Tests.Doubles;

namespace Virtio.Tests;

public class DiscoveryTests
{
    /// <summary>QEMU virt's device window (boards/qemu-virt/board-map.h: DeviceWindowBase, DeviceWindowEnd).</summary>
    internal static readonly AddressWindow QemuVirtDeviceWindow = new(0x0800_0000, 0x4000_0000);
    /// <summary>RAM the firmware maps at boot on QEMU virt (RamBase, 128 MiB).</summary>
    private static readonly AddressWindow QemuVirtRam = new(0x4000_0000, 0x4800_0000);

    [Fact]
    public void The_device_tree_gives_every_QEMU_virt_transport_with_interrupt_48_plus_its_slot()
    {
        Assert.Equal(DeviceTreeStatus.Ok, FlattenedDeviceTree.TryOpen(DeviceTreeTests.QemuVirt(), out FlattenedDeviceTree tree));
        Span<MmioTransportLocation> found = stackalloc MmioTransportLocation[40];
        int count = MmioDiscovery.FromDeviceTree(tree, QemuVirtDeviceWindow, found, out int skipped);
        Assert.Equal(32, count);
        Assert.Equal(0, skipped);
        foreach (MmioTransportLocation location in found.Slice(0, count))
        {
            Assert.True(location.FromDeviceTree);
            ulong slot = (location.BaseAddress - MmioDiscovery.QemuVirtFirstWindow) / MmioDiscovery.QemuVirtWindowStride;
            Assert.Equal(MmioDiscovery.QemuVirtFirstInterruptId + slot, location.InterruptId);
        }
    }

    [Fact]
    public void A_smaller_output_span_is_filled_and_not_overrun()
    {
        Assert.Equal(DeviceTreeStatus.Ok, FlattenedDeviceTree.TryOpen(DeviceTreeTests.QemuVirt(), out FlattenedDeviceTree tree));
        Span<MmioTransportLocation> found = stackalloc MmioTransportLocation[5];
        Assert.Equal(5, MmioDiscovery.FromDeviceTree(tree, QemuVirtDeviceWindow, found, out _));
    }

    [Fact]
    public void A_virtio_node_with_a_too_small_window_is_skipped_and_counted_while_the_others_are_kept()
    {
        byte[] blob = DeviceTreeTests.QemuVirt();
        // Find the first "virtio,mmio" node's reg value in the blob and shrink its window to 16 bytes,
        // too small for the control registers.
        Assert.Equal(DeviceTreeStatus.Ok, FlattenedDeviceTree.TryOpen(blob, out FlattenedDeviceTree tree));
        DeviceTreeNode node = tree.Root;
        Assert.True(tree.TryFindNextCompatible(MmioDiscovery.Compatible, ref node));
        int structure = (int)BinaryPrimitives.ReadUInt32BigEndian(blob.AsSpan(8));
        int regLengthAt = FindPropertyLength(blob, structure + node.Offset, "reg");
        Assert.Equal(16u, BinaryPrimitives.ReadUInt32BigEndian(blob.AsSpan(regLengthAt)));
        BinaryPrimitives.WriteUInt32BigEndian(blob.AsSpan(regLengthAt + 8 + 12), 0x10);

        Assert.Equal(DeviceTreeStatus.Ok, FlattenedDeviceTree.TryOpen(blob, out tree));
        Span<MmioTransportLocation> found = stackalloc MmioTransportLocation[40];
        Assert.Equal(31, MmioDiscovery.FromDeviceTree(tree, QemuVirtDeviceWindow, found, out int skipped));
        Assert.Equal(1, skipped);
    }

    [Fact]
    public void The_fallback_lists_QEMU_virt_s_32_fixed_windows()
    {
        Span<MmioTransportLocation> found = stackalloc MmioTransportLocation[32];
        Assert.Equal(32, MmioDiscovery.QemuVirtWindows(found));
        Assert.Equal(0x0a00_3e00ul, found[31].BaseAddress);
        Assert.Equal(79u, found[31].InterruptId);
        Assert.False(found[0].FromDeviceTree);
    }

    [Theory]
    [InlineData(MmioLayout.Legacy, 1u)]
    [InlineData(MmioLayout.Modern, 2u)]
    public void Probing_reports_magic_version_device_and_vendor(MmioLayout layout, uint version)
    {
        var device = new MmioDeviceDouble(new GuestMemory(), layout, DeviceType.Entropy, 0, 8);
        MmioDeviceIdentity identity = MmioDeviceIdentity.Read(device);
        Assert.Equal(MmioConstants.MagicValue, identity.Magic);
        Assert.Equal(version, identity.Version);
        Assert.Equal(DeviceType.Entropy, identity.Type);
        Assert.Equal(0x554D4551u, identity.VendorId);
        Assert.True(identity.IsDevice);
        Assert.Equal(layout, identity.Layout);
    }

    [Fact]
    public void An_unknown_version_is_not_a_device_and_its_id_is_never_read()
    {
        var device = new MmioDeviceDouble(new GuestMemory(), (MmioLayout)3, DeviceType.Entropy, 0, 8);
        MmioDeviceIdentity identity = MmioDeviceIdentity.Read(device);
        Assert.False(identity.IsDevice);
        Assert.Equal(0u, identity.DeviceId);
        Assert.DoesNotContain("read:DeviceId", device.Log);
    }

    [Fact]
    public void A_virtio_node_whose_window_lies_outside_the_device_window_is_skipped_not_probed()
    {
        byte[] blob = DeviceTreeTests.QemuVirt();
        Assert.Equal(DeviceTreeStatus.Ok, FlattenedDeviceTree.TryOpen(blob, out FlattenedDeviceTree tree));
        DeviceTreeNode node = tree.Root;
        Assert.True(tree.TryFindNextCompatible(MmioDiscovery.Compatible, ref node));
        int structure = (int)BinaryPrimitives.ReadUInt32BigEndian(blob.AsSpan(8));
        int regLengthAt = FindPropertyLength(blob, structure + node.Offset, "reg");
        // reg = <address-high address-low size-high size-low>: move the window into RAM, where Mmio would panic.
        BinaryPrimitives.WriteUInt32BigEndian(blob.AsSpan(regLengthAt + 8 + 4), 0x4000_0000);

        Assert.Equal(DeviceTreeStatus.Ok, FlattenedDeviceTree.TryOpen(blob, out tree));
        Span<MmioTransportLocation> found = stackalloc MmioTransportLocation[40];
        Assert.Equal(31, MmioDiscovery.FromDeviceTree(tree, QemuVirtDeviceWindow, found, out int skipped));
        Assert.Equal(1, skipped);
        foreach (MmioTransportLocation location in found.Slice(0, 31))
            Assert.True(QemuVirtDeviceWindow.Contains(location.BaseAddress, location.Size));
    }

    [Fact]
    public void A_device_window_that_excludes_every_node_finds_none_so_the_caller_falls_back_to_the_slots()
    {
        Assert.Equal(DeviceTreeStatus.Ok, FlattenedDeviceTree.TryOpen(DeviceTreeTests.QemuVirt(), out FlattenedDeviceTree tree));
        Span<MmioTransportLocation> found = stackalloc MmioTransportLocation[40];
        Assert.Equal(0, MmioDiscovery.FromDeviceTree(tree, new AddressWindow(0x0900_0000, 0x0a00_0000), found, out int skipped));
        Assert.Equal(32, skipped);
    }

    [Fact]
    public void A_device_tree_that_fits_in_mapped_RAM_is_measured()
    {
        byte[] blob = DeviceTreeTests.QemuVirt();
        Assert.True(MmioDiscovery.TryMeasureDeviceTree(0x4000_0000, blob.AsSpan(0, FlattenedDeviceTree.HeaderSize), QemuVirtRam, out int totalSize));
        Assert.Equal(blob.Length, totalSize);
    }

    [Theory]
    [InlineData(0x4000_0000ul, 0x0800_0001u)]  // totalsize one byte more than RAM
    [InlineData(0x4000_0000ul, 0x7fff_0000u)]  // totalsize far beyond RAM
    [InlineData(0x47ff_fff0ul, 0x0000_1000u)]  // a sane size at an address whose blob would cross RAM's end
    [InlineData(0x3fff_f000ul, 0x0000_1000u)]  // an address below RAM
    public void A_device_tree_reaching_beyond_mapped_RAM_is_refused(ulong address, uint totalSize)
    {
        byte[] header = DeviceTreeTests.QemuVirt().AsSpan(0, FlattenedDeviceTree.HeaderSize).ToArray();
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), totalSize);
        Assert.False(MmioDiscovery.TryMeasureDeviceTree(address, header, QemuVirtRam, out int measured));
        Assert.Equal(0, measured);
    }

    [Fact]
    public void A_header_without_the_device_tree_magic_is_refused()
    {
        byte[] header = new byte[FlattenedDeviceTree.HeaderSize];
        Assert.False(MmioDiscovery.TryMeasureDeviceTree(0x4000_0000, header, QemuVirtRam, out _));
    }

    private static int FindPropertyLength(byte[] blob, int nodeToken, string name)
    {
        int strings = (int)BinaryPrimitives.ReadUInt32BigEndian(blob.AsSpan(12));
        int offset = nodeToken + 4;
        while (blob[offset] != 0) offset++;
        offset = (offset + 4) & ~3;
        while (BinaryPrimitives.ReadUInt32BigEndian(blob.AsSpan(offset)) == 3)
        {
            int length = (int)BinaryPrimitives.ReadUInt32BigEndian(blob.AsSpan(offset + 4));
            int nameOffset = (int)BinaryPrimitives.ReadUInt32BigEndian(blob.AsSpan(offset + 8));
            int end = Array.IndexOf(blob, (byte)0, strings + nameOffset);
            if (System.Text.Encoding.ASCII.GetString(blob, strings + nameOffset, end - strings - nameOffset) == name)
                return offset + 4;
            offset += 12 + ((length + 3) & ~3);
        }
        throw new InvalidOperationException($"property {name} not found");
    }
}
