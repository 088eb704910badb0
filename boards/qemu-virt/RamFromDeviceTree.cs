// How much RAM QEMU gave the guest (-m), read from the flattened device tree's /memory node, so the heap
// can use all of it rather than the board's guaranteed minimum.
using System;
using System.Buffers.Binary;

namespace Nano.Runtime.Native;

/// <summary>
/// Only what bring-up needs from the flattened device tree (devicetree specification 0.4 §5): the first
/// /memory node's first reg range. The header checks and token helpers are <see cref="FlatTree"/>'s.
/// </summary>
internal static class RamFromDeviceTree
{
    /// <summary>The end address (base + size) of the first RAM range, or 0 when the tree has none.</summary>
    public static ulong FindRamEnd(ulong treeAddress)
        => FlatTree.TryOpen(treeAddress, out ReadOnlySpan<byte> structure, out ReadOnlySpan<byte> strings) ? Walk(structure, strings) : 0;

    private static ulong Walk(ReadOnlySpan<byte> structure, ReadOnlySpan<byte> strings)
    {
        var walker = new FlatTreeWalker(structure, strings);
        uint addressCells = 2, sizeCells = 2;      // §2.3.5 defaults are 2 and 1; QEMU virt states 2 and 2
        bool inMemory = false;
        while (true)
        {
            switch (walker.Next())
            {
                case FlatTreeItem.BeginNode:
                    inMemory = walker.Depth == 2 && FlatTree.StartsWith(walker.Name, "memory"u8)
                        && (walker.Name.Length == 6 || walker.Name[6] == (byte)'@');
                    break;
                case FlatTreeItem.EndNode:
                    inMemory = false;
                    break;
                case FlatTreeItem.Property:
                    if (walker.Depth == 1 && walker.Value.Length == 4 && FlatTree.IsName(walker.Name, "#address-cells"u8))
                        addressCells = BinaryPrimitives.ReadUInt32BigEndian(walker.Value);
                    else if (walker.Depth == 1 && walker.Value.Length == 4 && FlatTree.IsName(walker.Name, "#size-cells"u8))
                        sizeCells = BinaryPrimitives.ReadUInt32BigEndian(walker.Value);
                    else if (inMemory && FlatTree.IsName(walker.Name, "reg"u8))
                        return RangeEnd(walker.Value, addressCells, sizeCells);
                    break;
                default:
                    return 0;                       // the end, or a corrupt tree: no /memory reg found
            }
        }
    }

    private static ulong RangeEnd(ReadOnlySpan<byte> reg, uint addressCells, uint sizeCells)
    {
        if (addressCells is 0 or > 2 || sizeCells is 0 or > 2 || reg.Length < (addressCells + sizeCells) * 4)
            return 0;
        ulong address = FlatTree.ReadCells(reg, addressCells);
        ulong size = FlatTree.ReadCells(reg.Slice((int)addressCells * 4), sizeCells);
        return size > ulong.MaxValue - address ? 0 : address + size;
    }
}
