// How much RAM QEMU gave the guest (-m), read from the flattened device tree's /memory node, so the heap
// can use all of it rather than the board's guaranteed minimum.
using System;
using System.Buffers.Binary;

namespace Nano.Runtime.Native;

/// <summary>
/// A minimal reader of the flattened device tree (devicetree specification 0.4 §5): header, then the
/// structure block's tokens. Only what bring-up needs: the first /memory node's first reg range. Every
/// offset read from the tree is range-checked against its total size before use.
/// </summary>
internal static class RamFromDeviceTree
{
    private const uint Magic = 0xD00DFEED;
    private const uint BeginNode = 1, EndNode = 2, Property = 3, Nop = 4, End = 9;   // §5.4.1
    private const int HeaderSize = 40;
    private const int MaximumTreeSize = 1 << 20;

    /// <summary>The end address (base + size) of the first RAM range, or 0 when the tree has none.</summary>
    public static ulong FindRamEnd(ulong treeAddress)
    {
        if (treeAddress == 0)
            return 0;
        ReadOnlySpan<byte> header = PhysicalMemory.Map(treeAddress, HeaderSize);
        if (BinaryPrimitives.ReadUInt32BigEndian(header) != Magic)
            return 0;
        uint totalSize = BinaryPrimitives.ReadUInt32BigEndian(header.Slice(4));
        if (totalSize < HeaderSize || totalSize > MaximumTreeSize)
            return 0;
        ReadOnlySpan<byte> tree = PhysicalMemory.Map(treeAddress, (int)totalSize);
        uint structOffset = BinaryPrimitives.ReadUInt32BigEndian(tree.Slice(8));
        uint stringsOffset = BinaryPrimitives.ReadUInt32BigEndian(tree.Slice(12));
        uint stringsSize = BinaryPrimitives.ReadUInt32BigEndian(tree.Slice(32));
        uint structSize = BinaryPrimitives.ReadUInt32BigEndian(tree.Slice(36));
        if (structOffset > totalSize || structSize > totalSize - structOffset
            || stringsOffset > totalSize || stringsSize > totalSize - stringsOffset)
        {
            return 0;
        }
        return Walk(tree.Slice((int)structOffset, (int)structSize), tree.Slice((int)stringsOffset, (int)stringsSize));
    }

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
                case BeginNode:
                {
                    int nameLength = structure.Slice(position).IndexOf((byte)0);
                    if (nameLength < 0)
                        return 0;
                    ReadOnlySpan<byte> name = structure.Slice(position, nameLength);
                    depth++;
                    inMemory = depth == 2 && StartsWith(name, "memory"u8) && (nameLength == 6 || name[6] == (byte)'@');
                    position = Align4(position + nameLength + 1);
                    break;
                }
                case EndNode:
                    depth--;
                    inMemory = false;
                    break;
                case Property:
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
                    if (depth == 1 && length == 4 && IsName(propertyName, "#address-cells"u8))
                        addressCells = BinaryPrimitives.ReadUInt32BigEndian(value);
                    else if (depth == 1 && length == 4 && IsName(propertyName, "#size-cells"u8))
                        sizeCells = BinaryPrimitives.ReadUInt32BigEndian(value);
                    else if (inMemory && IsName(propertyName, "reg"u8))
                        return RangeEnd(value, addressCells, sizeCells);
                    position = Align4(position + length);
                    break;
                }
                case Nop:
                    break;
                case End:
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
        ulong address = ReadCells(reg, addressCells);
        ulong size = ReadCells(reg.Slice((int)addressCells * 4), sizeCells);
        return size > ulong.MaxValue - address ? 0 : address + size;
    }

    private static ulong ReadCells(ReadOnlySpan<byte> cells, uint count)
        => count == 1 ? BinaryPrimitives.ReadUInt32BigEndian(cells) : BinaryPrimitives.ReadUInt64BigEndian(cells);

    private static int Align4(int value) => (value + 3) & ~3;

    private static bool StartsWith(ReadOnlySpan<byte> text, ReadOnlySpan<byte> prefix)
        => text.Length >= prefix.Length && text.Slice(0, prefix.Length).SequenceEqual(prefix);

    // A string-block entry is NUL-terminated: equal means the prefix matches and a NUL follows it.
    private static bool IsName(ReadOnlySpan<byte> entry, ReadOnlySpan<byte> name)
        => entry.Length > name.Length && StartsWith(entry, name) && entry[name.Length] == 0;
}
