// The flattened-device-tree reader on QEMU virt's own blob, and on blobs broken in every way a header or token can be.
using System.Buffers.Binary;
using System.Text;
using Devicetree;
using FsCheck;
using FsCheck.Fluent;

namespace Virtio.Tests;

public class DeviceTreeTests
{
    /// <summary>QEMU 10.0 virt's device tree with one virtio-rng-device, dumped with -M virt,dumpdtb and compacted by dtc.</summary>
    internal static byte[] QemuVirt() => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "qemu-virt-rng.dtb"));

    private static FlattenedDeviceTree Open(byte[] blob)
    {
        Assert.Equal(DeviceTreeStatus.Ok, FlattenedDeviceTree.TryOpen(blob, out FlattenedDeviceTree tree));
        return tree;
    }

    [Fact]
    public void QEMU_virt_lists_32_virtio_mmio_nodes_with_their_windows_and_GIC_interrupts()
    {
        byte[] blob = QemuVirt();
        FlattenedDeviceTree tree = Open(blob);
        var found = new List<(ulong address, ulong size, uint intid)>();
        DeviceTreeNode node = tree.Root;
        Span<uint> cells = stackalloc uint[4];
        while (tree.TryFindNextCompatible("virtio,mmio"u8, ref node))
        {
            Assert.Equal(DeviceTreeStatus.Ok, tree.TryGetRegister(node, 0, out ulong address, out ulong size));
            Assert.Equal(DeviceTreeStatus.Ok, tree.TryGetInterrupt(node, 0, cells, out int count));
            Assert.Equal(3, count);
            Assert.True(GicInterrupt.TryDecode(cells.Slice(0, count), out uint intid, out bool edge));
            Assert.True(edge);
            found.Add((address, size, intid));
        }
        Assert.Equal(32, found.Count);
        Assert.All(found, f => Assert.Equal(0x200ul, f.size));
        Assert.All(found, f => Assert.Equal(48 + (f.address - 0x0a00_0000) / 0x200, (ulong)f.intid));
        Assert.Equal(Enumerable.Range(0, 32).Select(i => 0x0a00_0000ul + 0x200ul * (ulong)i).Order(), found.Select(f => f.address).Order());
    }

    [Fact]
    public void The_UART_and_the_GIC_are_found_too()
    {
        FlattenedDeviceTree tree = Open(QemuVirt());
        DeviceTreeNode uart = tree.Root;
        Assert.True(tree.TryFindNextCompatible("arm,pl011"u8, ref uart));
        Assert.Equal("pl011@9000000", Encoding.ASCII.GetString(tree.NameOf(uart)));
        Assert.Equal(DeviceTreeStatus.Ok, tree.TryGetRegister(uart, 0, out ulong address, out _));
        Assert.Equal(0x0900_0000ul, address);

        DeviceTreeNode gic = tree.Root;
        Assert.True(tree.TryFindNextCompatible("arm,cortex-a15-gic"u8, ref gic));
        Assert.Equal(DeviceTreeStatus.Ok, tree.TryGetRegister(gic, 1, out ulong cpuInterface, out _));
        Assert.Equal(0x0801_0000ul, cpuInterface);
        Assert.True(tree.TryGetInterruptParent(uart, out DeviceTreeNode parent));
        Assert.Equal(gic.Offset, parent.Offset);
    }

    [Fact]
    public void Walking_every_node_visits_the_root_children_at_depth_one_and_ends()
    {
        FlattenedDeviceTree tree = Open(QemuVirt());
        DeviceTreeNode node = tree.Root;
        int nodes = 1, maxDepth = 0;
        while (tree.TryGetNextNode(ref node))
        {
            nodes++;
            maxDepth = Math.Max(maxDepth, node.Depth);
            if (node.Depth == 1)
            {
                Assert.True(tree.TryGetParent(node, out DeviceTreeNode parent));
                Assert.Equal(0, parent.Offset);
            }
        }
        Assert.InRange(nodes, 40, 200);
        Assert.InRange(maxDepth, 2, 8); // cpus/cpu-map/socket/cluster/core
        Assert.False(tree.TryGetParent(tree.Root, out _));
    }

    [Fact]
    public void A_compatible_entry_matches_only_whole_strings_of_the_list()
    {
        byte[] list = Encoding.ASCII.GetBytes("arm,psci-1.0\0arm,psci-0.2\0arm,psci\0");
        Assert.True(FlattenedDeviceTree.StringListContains(list, "arm,psci"u8));
        Assert.True(FlattenedDeviceTree.StringListContains(list, "arm,psci-0.2"u8));
        Assert.False(FlattenedDeviceTree.StringListContains(list, "arm,psc"u8));
        Assert.False(FlattenedDeviceTree.StringListContains(Encoding.ASCII.GetBytes("virtio,mmio"), "virtio,mmio"u8)); // unterminated
    }

    [Fact]
    public void Total_size_is_read_from_the_header_alone_and_a_bad_magic_is_refused()
    {
        byte[] blob = QemuVirt();
        Assert.Equal(DeviceTreeStatus.Ok, FlattenedDeviceTree.ReadTotalSize(blob.AsSpan(0, 8), out int size));
        Assert.Equal(blob.Length, size);
        blob[0] ^= 0xff;
        Assert.Equal(DeviceTreeStatus.BadMagic, FlattenedDeviceTree.ReadTotalSize(blob, out _));
        Assert.Equal(DeviceTreeStatus.BadMagic, FlattenedDeviceTree.TryOpen(blob, out _));
    }

    [Fact]
    public void A_blob_shorter_than_its_total_size_or_header_is_truncated()
    {
        byte[] blob = QemuVirt();
        Assert.Equal(DeviceTreeStatus.Truncated, FlattenedDeviceTree.TryOpen(blob.AsSpan(0, blob.Length - 1), out _));
        Assert.Equal(DeviceTreeStatus.Truncated, FlattenedDeviceTree.TryOpen(blob.AsSpan(0, 39), out _));
    }

    [Theory]
    [InlineData(8)]   // off_dt_struct
    [InlineData(12)]  // off_dt_strings
    [InlineData(32)]  // size_dt_strings
    [InlineData(36)]  // size_dt_struct
    public void A_header_block_pointing_outside_the_blob_is_refused(int field)
    {
        byte[] blob = QemuVirt();
        BinaryPrimitives.WriteUInt32BigEndian(blob.AsSpan(field), 0x7fff_fff0);
        Assert.Equal(DeviceTreeStatus.BadHeader, FlattenedDeviceTree.TryOpen(blob, out _));
    }

    [Fact]
    public void A_newer_incompatible_layout_is_refused()
    {
        byte[] blob = QemuVirt();
        BinaryPrimitives.WriteUInt32BigEndian(blob.AsSpan(24), 18);
        Assert.Equal(DeviceTreeStatus.UnsupportedVersion, FlattenedDeviceTree.TryOpen(blob, out _));
    }

    [Fact]
    public void A_property_whose_length_overruns_the_structure_block_ends_the_search_instead_of_reading_past_it()
    {
        byte[] blob = QemuVirt();
        int structure = (int)BinaryPrimitives.ReadUInt32BigEndian(blob.AsSpan(8));
        // The root's first property follows FDT_BEGIN_NODE and the empty, padded name: token at +8, length at +12.
        Assert.Equal(3u, BinaryPrimitives.ReadUInt32BigEndian(blob.AsSpan(structure + 8)));
        BinaryPrimitives.WriteUInt32BigEndian(blob.AsSpan(structure + 12), 0x00ff_ffff);
        FlattenedDeviceTree tree = Open(blob);
        Assert.False(tree.TryGetProperty(tree.Root, "#address-cells"u8, out _));
        DeviceTreeNode node = tree.Root;
        Assert.False(tree.TryGetNextNode(ref node));
    }

    [Fact]
    public void A_property_name_offset_outside_the_strings_block_is_refused()
    {
        byte[] blob = QemuVirt();
        int structure = (int)BinaryPrimitives.ReadUInt32BigEndian(blob.AsSpan(8));
        BinaryPrimitives.WriteUInt32BigEndian(blob.AsSpan(structure + 16), 0xffff_0000);
        FlattenedDeviceTree tree = Open(blob);
        Assert.False(tree.TryGetProperty(tree.Root, "#address-cells"u8, out _));
    }

    [Fact]
    public void A_structure_block_not_starting_with_the_root_node_is_refused()
    {
        byte[] blob = QemuVirt();
        int structure = (int)BinaryPrimitives.ReadUInt32BigEndian(blob.AsSpan(8));
        BinaryPrimitives.WriteUInt32BigEndian(blob.AsSpan(structure), 0x9);
        Assert.Equal(DeviceTreeStatus.BadStructure, FlattenedDeviceTree.TryOpen(blob, out _));
    }

    [Fact]
    public void Random_corruption_never_throws_and_never_finds_more_virtio_nodes_than_bytes_allow()
    {
        byte[] original = QemuVirt();
        Prop.ForAll(ArbMap.Default.ArbFor<int>(), ArbMap.Default.ArbFor<byte>(), ArbMap.Default.ArbFor<int>(), (int position, byte value, int count) =>
        {
            byte[] blob = (byte[])original.Clone();
            var random = new Random(position ^ count);
            for (int i = 0; i < 1 + Math.Abs(count % 8); i++)
                blob[random.Next(blob.Length)] = (byte)(value + i * 31);
            if (FlattenedDeviceTree.TryOpen(blob, out FlattenedDeviceTree tree) != DeviceTreeStatus.Ok)
                return true;
            Span<MmioTransportLocation> found = stackalloc MmioTransportLocation[64];
            int n = MmioDiscovery.FromDeviceTree(tree, DiscoveryTests.QemuVirtDeviceWindow, found, out _);
            return n <= 64;
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData(0u, 16u, true, 48u)]
    [InlineData(0u, 47u, true, 79u)]
    [InlineData(1u, 11u, false, 27u)]
    public void GIC_specifiers_decode_to_interrupt_ids(uint type, uint number, bool edge, uint intid)
    {
        Span<uint> specifier = stackalloc uint[] { type, number, edge ? 1u : 4u };
        Assert.True(GicInterrupt.TryDecode(specifier, out uint decoded, out bool decodedEdge));
        Assert.Equal(intid, decoded);
        Assert.Equal(edge, decodedEdge);
    }

    [Theory]
    [InlineData(2u, 0u)]      // unknown type
    [InlineData(0u, 988u)]    // SPI beyond INTID 1019
    [InlineData(1u, 16u)]     // PPI beyond 31
    public void GIC_specifiers_out_of_range_are_refused(uint type, uint number)
    {
        Span<uint> specifier = stackalloc uint[] { type, number, 1 };
        Assert.False(GicInterrupt.TryDecode(specifier, out _, out _));
    }
}
