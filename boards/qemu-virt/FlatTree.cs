// The two blocks of a flattened device tree bring-up walks (structure and strings), found and range-checked once.
using System;
using System.Buffers.Binary;

namespace Nano.Runtime.Native;

/// <summary>
/// Header checks and value helpers of the flattened device tree (devicetree specification 0.4 §5) shared by
/// the board's small readers (<see cref="RamFromDeviceTree"/>, <see cref="GicFromDeviceTree"/>, <see cref="CpusFromDeviceTree"/>). Every offset
/// read from the tree is range-checked against its total size before use.
/// </summary>
internal static class FlatTree
{
    private const uint Magic = 0xD00DFEED;
    private const int HeaderSize = 40;
    private const int MaximumTreeSize = 1 << 20;

    /// <summary>The structure and strings blocks of the tree at <paramref name="treeAddress"/>; false when there is no
    /// tree there or its header does not add up.</summary>
    public static bool TryOpen(ulong treeAddress, out ReadOnlySpan<byte> structure, out ReadOnlySpan<byte> strings)
    {
        structure = default;
        strings = default;
        if (treeAddress == 0)
            return false;
        ReadOnlySpan<byte> header = PhysicalMemory.Map(treeAddress, HeaderSize);
        if (BinaryPrimitives.ReadUInt32BigEndian(header) != Magic)
            return false;
        uint totalSize = BinaryPrimitives.ReadUInt32BigEndian(header.Slice(4));
        if (totalSize < HeaderSize || totalSize > MaximumTreeSize)
            return false;
        ReadOnlySpan<byte> tree = PhysicalMemory.Map(treeAddress, (int)totalSize);
        uint structOffset = BinaryPrimitives.ReadUInt32BigEndian(tree.Slice(8));
        uint stringsOffset = BinaryPrimitives.ReadUInt32BigEndian(tree.Slice(12));
        uint stringsSize = BinaryPrimitives.ReadUInt32BigEndian(tree.Slice(32));
        uint structSize = BinaryPrimitives.ReadUInt32BigEndian(tree.Slice(36));
        if (structOffset > totalSize || structSize > totalSize - structOffset
            || stringsOffset > totalSize || stringsSize > totalSize - stringsOffset)
        {
            return false;
        }
        structure = tree.Slice((int)structOffset, (int)structSize);
        strings = tree.Slice((int)stringsOffset, (int)stringsSize);
        return true;
    }

    public static ulong ReadCells(ReadOnlySpan<byte> cells, uint count)
        => count == 1 ? BinaryPrimitives.ReadUInt32BigEndian(cells) : BinaryPrimitives.ReadUInt64BigEndian(cells);

    public static int Align4(int value) => (value + 3) & ~3;

    public static bool StartsWith(ReadOnlySpan<byte> text, ReadOnlySpan<byte> prefix)
        => text.Length >= prefix.Length && text.Slice(0, prefix.Length).SequenceEqual(prefix);

    // A string-block entry is NUL-terminated: equal means the prefix matches and a NUL follows it.
    public static bool IsName(ReadOnlySpan<byte> entry, ReadOnlySpan<byte> name)
        => entry.Length > name.Length && StartsWith(entry, name) && entry[name.Length] == 0;

    /// <summary>True when the "compatible" value (NUL-separated strings, §2.3.1) lists <paramref name="name"/>.</summary>
    public static bool ListsCompatible(ReadOnlySpan<byte> compatible, ReadOnlySpan<byte> name)
    {
        while (compatible.Length > 0)
        {
            int length = compatible.IndexOf((byte)0);
            ReadOnlySpan<byte> entry = length < 0 ? compatible : compatible.Slice(0, length);
            if (entry.SequenceEqual(name))
                return true;
            if (length < 0)
                break;
            compatible = compatible.Slice(length + 1);
        }
        return false;
    }
}
