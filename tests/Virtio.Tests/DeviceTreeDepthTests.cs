// A device tree nested deeper than the reader follows: every walk refuses the deep part and ends, never overruns.
using System.Buffers.Binary;
using System.Text;
using Devicetree;

namespace Virtio.Tests;

public class DeviceTreeDepthTests
{
    /// <summary>
    /// A blob whose root holds a chain of <paramref name="depth"/> nested nodes; the innermost is a
    /// "virtio,mmio" node with a phandle and an interrupt-parent pointing at itself.
    /// </summary>
    private static byte[] Nested(int depth)
    {
        var strings = new List<byte>();
        int Name(string name)
        {
            int offset = strings.Count;
            strings.AddRange(Encoding.ASCII.GetBytes(name));
            strings.Add(0);
            return offset;
        }
        int compatible = Name("compatible"), phandle = Name("phandle"), parent = Name("interrupt-parent");
        var structure = new List<byte>();
        void Word(uint value) { var b = new byte[4]; BinaryPrimitives.WriteUInt32BigEndian(b, value); structure.AddRange(b); }
        void Begin(string name)
        {
            Word(1);
            structure.AddRange(Encoding.ASCII.GetBytes(name));
            structure.Add(0);
            while (structure.Count % 4 != 0) structure.Add(0);
        }
        void Property(int nameOffset, byte[] value)
        {
            Word(3); Word((uint)value.Length); Word((uint)nameOffset);
            structure.AddRange(value);
            while (structure.Count % 4 != 0) structure.Add(0);
        }
        byte[] Cell(uint value) { var b = new byte[4]; BinaryPrimitives.WriteUInt32BigEndian(b, value); return b; }

        Begin("");
        for (int level = 1; level <= depth; level++)
            Begin($"n{level}");
        Property(compatible, Encoding.ASCII.GetBytes("virtio,mmio\0"));
        Property(phandle, Cell(7));
        Property(parent, Cell(7));
        for (int level = 1; level <= depth; level++)
            Word(2);
        Word(2);
        Word(9);

        const int header = 40;
        int structureOffset = header + 16; // an empty memory reservation map (one zero entry)
        int stringsOffset = structureOffset + structure.Count;
        var blob = new byte[stringsOffset + strings.Count];
        void Put(int at, uint value) => BinaryPrimitives.WriteUInt32BigEndian(blob.AsSpan(at), value);
        Put(0, FlattenedDeviceTree.Magic);
        Put(4, (uint)blob.Length);
        Put(8, (uint)structureOffset);
        Put(12, (uint)stringsOffset);
        Put(16, header);
        Put(20, 17);
        Put(24, 16);
        Put(32, (uint)strings.Count);
        Put(36, (uint)structure.Count);
        structure.CopyTo(blob, structureOffset);
        strings.CopyTo(blob, stringsOffset);
        return blob;
    }

    [Fact]
    public void A_node_just_within_the_depth_limit_is_found()
    {
        byte[] blob = Nested(FlattenedDeviceTree.MaximumDepth - 1);
        Assert.Equal(DeviceTreeStatus.Ok, FlattenedDeviceTree.TryOpen(blob, out FlattenedDeviceTree tree));
        DeviceTreeNode node = tree.Root;
        Assert.True(tree.TryFindNextCompatible("virtio,mmio"u8, ref node));
        Assert.Equal(FlattenedDeviceTree.MaximumDepth - 1, node.Depth);
        Assert.True(tree.TryGetParent(node, out DeviceTreeNode parent));
        Assert.Equal(node.Depth - 1, parent.Depth);
        Assert.True(tree.TryGetInterruptParent(node, out DeviceTreeNode controller));
        Assert.Equal(node.Offset, controller.Offset);
    }

    [Theory]
    [InlineData(FlattenedDeviceTree.MaximumDepth)]
    [InlineData(FlattenedDeviceTree.MaximumDepth + 1)]
    [InlineData(64)]
    public void A_tree_deeper_than_the_limit_is_refused_by_every_walk_and_never_overruns(int depth)
    {
        byte[] blob = Nested(depth);
        Assert.Equal(DeviceTreeStatus.Ok, FlattenedDeviceTree.TryOpen(blob, out FlattenedDeviceTree tree));

        DeviceTreeNode node = tree.Root;
        DeviceTreeNode last = node;
        int visited = 0;
        while (tree.TryGetNextNode(ref node))
        {
            Assert.InRange(node.Depth, 1, FlattenedDeviceTree.MaximumDepth - 1);
            Assert.True(++visited < FlattenedDeviceTree.MaximumDepth);
            last = node;
        }
        // The refusal leaves the cursor on the last node handed out, not on one beyond the limit.
        Assert.Equal(last.Offset, node.Offset);
        Assert.Equal(FlattenedDeviceTree.MaximumDepth - 1, node.Depth);
        // The innermost node lies beyond the limit: no walk hands it out, so nothing indexes per-depth state with it.
        DeviceTreeNode cursor = tree.Root;
        Assert.False(tree.TryFindNextCompatible("virtio,mmio"u8, ref cursor));
        Assert.False(tree.TryFindByPhandle(7, out _));
        Assert.False(tree.TryGetParent(new DeviceTreeNode(node.Offset, depth), out _));
        Span<MmioTransportLocation> found = stackalloc MmioTransportLocation[4];
        Assert.Equal(0, MmioDiscovery.FromDeviceTree(tree, DiscoveryTests.QemuVirtDeviceWindow, found, out _));
    }
}
