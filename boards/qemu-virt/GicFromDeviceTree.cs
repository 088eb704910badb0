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
        int position = 0, depth = 0;
        uint addressCells = 2, sizeCells = 2;
        uint version = 0;                           // of the top-level node being read
        int regOffset = -1, regLength = 0;
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
                        return;
                    depth++;
                    if (depth == 2)
                    {
                        version = 0;
                        regOffset = -1;
                    }
                    position = FlatTree.Align4(position + nameLength + 1);
                    break;
                }
                case FlatTree.EndNode:
                    // A node's properties may come in any order: decide once all of them have been seen.
                    if (depth == 2 && version != 0 && regOffset >= 0)
                    {
                        Decode(structure.Slice(regOffset, regLength), addressCells, sizeCells, version, ref location);
                        return;
                    }
                    depth--;
                    break;
                case FlatTree.Property:
                {
                    if (position + 8 > structure.Length)
                        return;
                    int length = (int)BinaryPrimitives.ReadUInt32BigEndian(structure.Slice(position));
                    uint nameOffset = BinaryPrimitives.ReadUInt32BigEndian(structure.Slice(position + 4));
                    position += 8;
                    if (length < 0 || length > structure.Length - position || nameOffset >= strings.Length)
                        return;
                    ReadOnlySpan<byte> value = structure.Slice(position, length);
                    ReadOnlySpan<byte> propertyName = strings.Slice((int)nameOffset);
                    if (depth == 1 && length == 4 && FlatTree.IsName(propertyName, "#address-cells"u8))
                    {
                        addressCells = BinaryPrimitives.ReadUInt32BigEndian(value);
                    }
                    else if (depth == 1 && length == 4 && FlatTree.IsName(propertyName, "#size-cells"u8))
                    {
                        sizeCells = BinaryPrimitives.ReadUInt32BigEndian(value);
                    }
                    else if (depth == 2 && FlatTree.IsName(propertyName, "compatible"u8))
                    {
                        version = VersionOf(value);
                    }
                    else if (depth == 2 && FlatTree.IsName(propertyName, "reg"u8))
                    {
                        regOffset = position;
                        regLength = length;
                    }
                    position = FlatTree.Align4(position + length);
                    break;
                }
                case FlatTree.Nop:
                    break;
                default:
                    return;                         // End, or not a token (a corrupt tree)
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
