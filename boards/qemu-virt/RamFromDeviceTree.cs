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
        int position = 0, depth = 0;
        uint addressCells = 2, sizeCells = 2;      // §2.3.5 defaults are 2 and 1; QEMU virt states 2 and 2
        bool inMemory = false;
        while (position + 4 <= structure.Length)
        {
            uint token = BinaryPrimitives.ReadUInt32BigEndian(structure.Slice(position));
            position += 4;
            switch (token)
            {
                case FlatTree.BeginNode:
                {
                    int nameLength = structure.Slice(position).IndexOf((byte)0);
                    if (nameLength < 0)
                        return 0;
                    ReadOnlySpan<byte> name = structure.Slice(position, nameLength);
                    depth++;
                    inMemory = depth == 2 && FlatTree.StartsWith(name, "memory"u8) && (nameLength == 6 || name[6] == (byte)'@');
                    position = FlatTree.Align4(position + nameLength + 1);
                    break;
                }
                case FlatTree.EndNode:
                    depth--;
                    inMemory = false;
                    break;
                case FlatTree.Property:
                {
                    if (position + 8 > structure.Length)
                        return 0;
                    int length = (int)BinaryPrimitives.ReadUInt32BigEndian(structure.Slice(position));
                    uint nameOffset = BinaryPrimitives.ReadUInt32BigEndian(structure.Slice(position + 4));
                    position += 8;
                    if (length < 0 || length > structure.Length - position || nameOffset >= strings.Length)
                        return 0;
                    ReadOnlySpan<byte> value = structure.Slice(position, length);
                    ReadOnlySpan<byte> propertyName = strings.Slice((int)nameOffset);
                    if (depth == 1 && length == 4 && FlatTree.IsName(propertyName, "#address-cells"u8))
                        addressCells = BinaryPrimitives.ReadUInt32BigEndian(value);
                    else if (depth == 1 && length == 4 && FlatTree.IsName(propertyName, "#size-cells"u8))
                        sizeCells = BinaryPrimitives.ReadUInt32BigEndian(value);
                    else if (inMemory && FlatTree.IsName(propertyName, "reg"u8))
                        return RangeEnd(value, addressCells, sizeCells);
                    position = FlatTree.Align4(position + length);
                    break;
                }
                case FlatTree.Nop:
                    break;
                case FlatTree.End:
                    return 0;
                default:
                    return 0;                       // not a token: a corrupt tree
            }
        }
        return 0;
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
