// Where the interrupt controller is and which architecture it has, read from the flattened device tree's
// GIC node (its compatible string and reg), so the driver never trusts a hard-coded address.
using System;
using System.Buffers.Binary;

namespace Nano.Runtime.Native;

/// <summary>The GIC the device tree describes: its architecture and its first two register ranges.</summary>
internal struct GicLocation
{
    /// <summary>2 for "arm,cortex-a15-gic"/"arm,gic-400", 3 for "arm,gic-v3"; 0 when the tree names no GIC.</summary>
    public uint Version;
    /// <summary>The distributor (GICD), reg range 0.</summary>
    public ulong DistributorBase;
    /// <summary>reg range 1: the CPU interface (GICC) of a GICv2, the first redistributor region (GICR) of a GICv3.</summary>
    public ulong SecondBase;
    /// <summary>Bytes of reg range 1 (a GICv3's redistributor region holds one frame per CPU).</summary>
    public ulong SecondSize;
}

/// <summary>
/// Finds the top-level node whose "compatible" lists a GIC (Linux's bindings
/// interrupt-controller/arm,gic.yaml and arm,gic-v3.yaml: reg = distributor, then CPU interface or
/// redistributor region) and decodes its reg with the root's #address-cells and #size-cells.
/// </summary>
internal static class GicFromDeviceTree
{
    public static GicLocation Find(ulong treeAddress)
    {
        GicLocation location = default;
        if (FlatTree.TryOpen(treeAddress, out ReadOnlySpan<byte> structure, out ReadOnlySpan<byte> strings))
            Walk(structure, strings, ref location);
        return location;
    }

    private static void Walk(ReadOnlySpan<byte> structure, ReadOnlySpan<byte> strings, ref GicLocation location)
    {
        var walker = new FlatTreeWalker(structure, strings);
        uint addressCells = 2, sizeCells = 2;
        uint version = 0;                           // of the top-level node being read
        ReadOnlySpan<byte> reg = default;
        bool hasReg = false;
        while (true)
        {
            switch (walker.Next())
            {
                case FlatTreeItem.BeginNode:
                    if (walker.Depth == 2)
                    {
                        version = 0;
                        hasReg = false;
                    }
                    break;
                case FlatTreeItem.EndNode:
                    // A node's properties may come in any order: decide once all of them have been seen.
                    if (walker.Depth == 2 && version != 0 && hasReg)
                    {
                        Decode(reg, addressCells, sizeCells, version, ref location);
                        return;
                    }
                    break;
                case FlatTreeItem.Property:
                    if (walker.Depth == 1 && walker.Value.Length == 4 && FlatTree.IsName(walker.Name, "#address-cells"u8))
                    {
                        addressCells = BinaryPrimitives.ReadUInt32BigEndian(walker.Value);
                    }
                    else if (walker.Depth == 1 && walker.Value.Length == 4 && FlatTree.IsName(walker.Name, "#size-cells"u8))
                    {
                        sizeCells = BinaryPrimitives.ReadUInt32BigEndian(walker.Value);
                    }
                    else if (walker.Depth == 2 && FlatTree.IsName(walker.Name, "compatible"u8))
                    {
                        version = VersionOf(walker.Value);
                    }
                    else if (walker.Depth == 2 && FlatTree.IsName(walker.Name, "reg"u8))
                    {
                        reg = walker.Value;
                        hasReg = true;
                    }
                    break;
                default:
                    return;                         // the end, or a corrupt tree
            }
        }
    }

    private static uint VersionOf(ReadOnlySpan<byte> compatible)
    {
        if (FlatTree.ListsCompatible(compatible, "arm,gic-v3"u8))
            return 3;
        if (FlatTree.ListsCompatible(compatible, "arm,cortex-a15-gic"u8) || FlatTree.ListsCompatible(compatible, "arm,gic-400"u8))
            return 2;
        return 0;
    }

    private static void Decode(ReadOnlySpan<byte> reg, uint addressCells, uint sizeCells, uint version, ref GicLocation location)
    {
        int entry = (int)(addressCells + sizeCells) * 4;
        if (addressCells is 0 or > 2 || sizeCells is 0 or > 2 || reg.Length < 2 * entry)
            return;
        location.Version = version;
        location.DistributorBase = FlatTree.ReadCells(reg, addressCells);
        location.SecondBase = FlatTree.ReadCells(reg.Slice(entry), addressCells);
        location.SecondSize = FlatTree.ReadCells(reg.Slice(entry + (int)addressCells * 4), sizeCells);
    }
}
