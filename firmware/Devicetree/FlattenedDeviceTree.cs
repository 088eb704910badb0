// An allocation-free reader of a flattened device tree blob (Devicetree Specification v0.4, chapter 5).
using System;
using System.Buffers.Binary;

namespace Devicetree;

/// <summary>
/// Reads a flattened device tree (DTB) in place: nodes, properties, cells, phandles. Nothing is copied or
/// allocated; every offset and length the blob supplies is range-checked before use, and every walk
/// moves strictly forward through the structure block, so a corrupt or hostile blob ends in a status,
/// never in a fault or an endless loop. All values in a DTB are big-endian.
/// </summary>
public readonly ref struct FlattenedDeviceTree
{
    /// <summary>0xd00dfeed, the first big-endian word of every DTB.</summary>
    public const uint Magic = 0xd00dfeed;
    /// <summary>Size of the header (version 17).</summary>
    public const int HeaderSize = 40;
    /// <summary>Newest layout this reader understands; blobs that stay compatible with it are accepted.</summary>
    public const uint SupportedVersion = 17;
    /// <summary>Deepest nesting the reader follows; QEMU virt's tree is 5 deep (cpus/cpu-map/socket/cluster/core).</summary>
    public const int MaximumDepth = 16;
    /// <summary>Default #address-cells when a node does not say (Devicetree Specification §2.3.5).</summary>
    public const int DefaultAddressCells = 2;
    /// <summary>Default #size-cells when a node does not say (§2.3.5).</summary>
    public const int DefaultSizeCells = 1;

    private const uint TokenBeginNode = 0x1;
    private const uint TokenEndNode = 0x2;
    private const uint TokenProperty = 0x3;
    private const uint TokenNop = 0x4;
    private const uint TokenEnd = 0x9;

    private readonly ReadOnlySpan<byte> _structure;
    private readonly ReadOnlySpan<byte> _strings;

    private FlattenedDeviceTree(ReadOnlySpan<byte> structure, ReadOnlySpan<byte> strings)
    {
        _structure = structure;
        _strings = strings;
    }

    /// <summary>
    /// Reads totalsize from a header, so a caller holding only the start address (the boot loader's x0)
    /// knows how large a span to make before <see cref="TryOpen"/>.
    /// </summary>
    public static DeviceTreeStatus ReadTotalSize(ReadOnlySpan<byte> header, out int totalSize)
    {
        totalSize = 0;
        if (header.Length < 8)
            return DeviceTreeStatus.Truncated;
        if (BinaryPrimitives.ReadUInt32BigEndian(header) != Magic)
            return DeviceTreeStatus.BadMagic;
        uint size = BinaryPrimitives.ReadUInt32BigEndian(header.Slice(4));
        if (size < HeaderSize || size > int.MaxValue)
            return DeviceTreeStatus.BadHeader;
        totalSize = (int)size;
        return DeviceTreeStatus.Ok;
    }

    /// <summary>Checks the header of <paramref name="blob"/> and, when sound, opens it.</summary>
    public static DeviceTreeStatus TryOpen(ReadOnlySpan<byte> blob, out FlattenedDeviceTree tree)
    {
        tree = default;
        if (blob.Length < HeaderSize)
            return DeviceTreeStatus.Truncated;
        DeviceTreeStatus status = ReadTotalSize(blob, out int totalSize);
        if (status != DeviceTreeStatus.Ok)
            return status;
        if (totalSize > blob.Length)
            return DeviceTreeStatus.Truncated;
        uint structureOffset = BigEndianWord(blob, 8);
        uint stringsOffset = BigEndianWord(blob, 12);
        uint lastCompatibleVersion = BigEndianWord(blob, 24);
        uint stringsSize = BigEndianWord(blob, 32);
        uint structureSize = BigEndianWord(blob, 36);
        if (lastCompatibleVersion > SupportedVersion)
            return DeviceTreeStatus.UnsupportedVersion;
        if (!FitsIn(structureOffset, structureSize, (uint)totalSize) || !FitsIn(stringsOffset, stringsSize, (uint)totalSize)
            || structureOffset % 4 != 0 || structureSize % 4 != 0)
        {
            return DeviceTreeStatus.BadHeader;
        }
        tree = new FlattenedDeviceTree(blob.Slice((int)structureOffset, (int)structureSize), blob.Slice((int)stringsOffset, (int)stringsSize));
        // The root must open the structure block.
        if (!tree.TryReadBeginNode(0, out _, out _))
        {
            tree = default;
            return DeviceTreeStatus.BadStructure;
        }
        return DeviceTreeStatus.Ok;
    }

    /// <summary>The root node.</summary>
    public DeviceTreeNode Root => new DeviceTreeNode(0, 0);

    // ---------------------------------------------------------------- nodes

    /// <summary>
    /// Moves <paramref name="node"/> to the next node in document order (depth first). Start from
    /// <see cref="Root"/>; returns false after the last node or on a malformed structure.
    /// </summary>
    public bool TryGetNextNode(ref DeviceTreeNode node)
    {
        if (!TryReadBeginNode(node.Offset, out _, out int offset))
            return false;
        int depth = node.Depth;
        int guard = _structure.Length / 4 + 1;
        while (guard-- > 0)
        {
            if (!TryReadWord(offset, out uint token))
                return false;
            switch (token)
            {
                case TokenBeginNode:
                    // Deeper than the reader follows: refuse, and leave the caller's node where it was, so no
                    // node with an out-of-range depth ever reaches code that indexes per-depth state.
                    if (depth + 1 >= MaximumDepth)
                        return false;
                    node = new DeviceTreeNode(offset, depth + 1);
                    return true;
                case TokenEndNode:
                    depth--;
                    offset += 4;
                    if (depth < 0)
                        return false;
                    break;
                case TokenProperty:
                    if (!TrySkipProperty(offset, out offset))
                        return false;
                    break;
                case TokenNop:
                    offset += 4;
                    break;
                default:
                    // FDT_END or garbage: no more nodes.
                    return false;
            }
        }
        return false;
    }

    /// <summary>The node's unit name (for example "virtio_mmio@a000000"), without its terminating NUL; the root's is empty.</summary>
    public ReadOnlySpan<byte> NameOf(DeviceTreeNode node)
    {
        if (!TryReadBeginNode(node.Offset, out ReadOnlySpan<byte> name, out _))
            return ReadOnlySpan<byte>.Empty;
        return name;
    }

    /// <summary>Finds the parent of <paramref name="node"/> by walking from the root; false for the root itself.</summary>
    public bool TryGetParent(DeviceTreeNode node, out DeviceTreeNode parent)
    {
        parent = default;
        if (node.Depth <= 0 || node.Depth >= MaximumDepth)
            return false;
        Span<int> openAtDepth = stackalloc int[MaximumDepth];
        DeviceTreeNode cursor = Root;
        openAtDepth[0] = 0;
        while (TryGetNextNode(ref cursor))
        {
            openAtDepth[cursor.Depth] = cursor.Offset;
            if (cursor.Offset == node.Offset)
            {
                if (cursor.Depth != node.Depth)
                    return false;
                parent = new DeviceTreeNode(openAtDepth[node.Depth - 1], node.Depth - 1);
                return true;
            }
            if (cursor.Offset > node.Offset)
                return false;
        }
        return false;
    }

    /// <summary>
    /// Moves <paramref name="node"/> to the next node after it whose "compatible" list contains
    /// <paramref name="compatible"/> (ASCII, no NUL). Start from <see cref="Root"/>.
    /// </summary>
    public bool TryFindNextCompatible(ReadOnlySpan<byte> compatible, ref DeviceTreeNode node)
    {
        DeviceTreeNode cursor = node;
        while (TryGetNextNode(ref cursor))
        {
            if (TryGetProperty(cursor, "compatible"u8, out ReadOnlySpan<byte> list) && StringListContains(list, compatible))
            {
                node = cursor;
                return true;
            }
        }
        return false;
    }

    /// <summary>Finds the node whose "phandle" property is <paramref name="phandle"/>.</summary>
    public bool TryFindByPhandle(uint phandle, out DeviceTreeNode node)
    {
        node = default;
        if (phandle == 0 || phandle == uint.MaxValue)
            return false;
        DeviceTreeNode cursor = Root;
        do
        {
            if (TryGetU32(cursor, "phandle"u8, out uint value) && value == phandle)
            {
                node = cursor;
                return true;
            }
        }
        while (TryGetNextNode(ref cursor));
        return false;
    }

    // ---------------------------------------------------------------- properties

    /// <summary>Finds property <paramref name="name"/> (ASCII, no NUL) of <paramref name="node"/>; its value stays in the blob.</summary>
    public bool TryGetProperty(DeviceTreeNode node, ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value)
    {
        value = ReadOnlySpan<byte>.Empty;
        if (!TryReadBeginNode(node.Offset, out _, out int offset))
            return false;
        int guard = _structure.Length / 4 + 1;
        while (guard-- > 0)
        {
            if (!TryReadWord(offset, out uint token))
                return false;
            if (token == TokenNop)
            {
                offset += 4;
                continue;
            }
            // Properties precede child nodes (§5.4.2), so the first non-property token ends the search.
            if (token != TokenProperty)
                return false;
            if (!TryReadProperty(offset, out ReadOnlySpan<byte> propertyName, out ReadOnlySpan<byte> propertyValue, out int next))
                return false;
            if (BytesEqual(propertyName, name))
            {
                value = propertyValue;
                return true;
            }
            offset = next;
        }
        return false;
    }

    /// <summary>Reads a one-cell (u32) property.</summary>
    public bool TryGetU32(DeviceTreeNode node, ReadOnlySpan<byte> name, out uint value)
    {
        value = 0;
        if (!TryGetProperty(node, name, out ReadOnlySpan<byte> raw) || raw.Length != 4)
            return false;
        value = BinaryPrimitives.ReadUInt32BigEndian(raw);
        return true;
    }

    /// <summary>#address-cells that <paramref name="node"/> sets for its children (default 2).</summary>
    public int AddressCellsOf(DeviceTreeNode node) =>
        TryGetU32(node, "#address-cells"u8, out uint cells) && cells <= 4 ? (int)cells : DefaultAddressCells;

    /// <summary>#size-cells that <paramref name="node"/> sets for its children (default 1).</summary>
    public int SizeCellsOf(DeviceTreeNode node) =>
        TryGetU32(node, "#size-cells"u8, out uint cells) && cells <= 4 ? (int)cells : DefaultSizeCells;

    /// <summary>
    /// Reads entry <paramref name="index"/> of <paramref name="node"/>'s "reg" property, sized by its parent's
    /// #address-cells and #size-cells; addresses and sizes wider than 64 bits are refused.
    /// </summary>
    public DeviceTreeStatus TryGetRegister(DeviceTreeNode node, int index, out ulong address, out ulong size)
    {
        address = 0;
        size = 0;
        if (!TryGetParent(node, out DeviceTreeNode parent))
            return DeviceTreeStatus.NotFound;
        int addressCells = AddressCellsOf(parent);
        int sizeCells = SizeCellsOf(parent);
        if (addressCells > 2 || sizeCells > 2 || addressCells == 0)
            return DeviceTreeStatus.BadStructure;
        if (!TryGetProperty(node, "reg"u8, out ReadOnlySpan<byte> reg))
            return DeviceTreeStatus.NotFound;
        int entryBytes = 4 * (addressCells + sizeCells);
        if (reg.Length % entryBytes != 0)
            return DeviceTreeStatus.BadStructure;
        if (index < 0 || index >= reg.Length / entryBytes)
            return DeviceTreeStatus.NotFound;
        ReadOnlySpan<byte> entry = reg.Slice(index * entryBytes, entryBytes);
        address = ReadCells(entry, addressCells);
        size = ReadCells(entry.Slice(4 * addressCells), sizeCells);
        return DeviceTreeStatus.Ok;
    }

    /// <summary>
    /// The node that receives <paramref name="node"/>'s interrupts: its own "interrupt-parent" or the
    /// nearest ancestor's, resolved by phandle (Devicetree Specification §2.4.1).
    /// </summary>
    public bool TryGetInterruptParent(DeviceTreeNode node, out DeviceTreeNode controller)
    {
        controller = default;
        DeviceTreeNode cursor = node;
        for (int level = 0; level < MaximumDepth; level++)
        {
            if (TryGetU32(cursor, "interrupt-parent"u8, out uint phandle))
                return TryFindByPhandle(phandle, out controller);
            if (!TryGetParent(cursor, out cursor))
                return false;
        }
        return false;
    }

    /// <summary>
    /// Copies interrupt specifier <paramref name="index"/> of <paramref name="node"/>'s "interrupts" property
    /// into <paramref name="cells"/>, sized by the interrupt parent's #interrupt-cells; <paramref name="count"/>
    /// is the number of cells written.
    /// </summary>
    public DeviceTreeStatus TryGetInterrupt(DeviceTreeNode node, int index, Span<uint> cells, out int count)
    {
        count = 0;
        if (!TryGetInterruptParent(node, out DeviceTreeNode controller))
            return DeviceTreeStatus.NotFound;
        if (!TryGetU32(controller, "#interrupt-cells"u8, out uint interruptCells) || interruptCells == 0 || interruptCells > (uint)cells.Length)
            return DeviceTreeStatus.BadStructure;
        if (!TryGetProperty(node, "interrupts"u8, out ReadOnlySpan<byte> interrupts))
            return DeviceTreeStatus.NotFound;
        int entryBytes = 4 * (int)interruptCells;
        if (interrupts.Length % entryBytes != 0)
            return DeviceTreeStatus.BadStructure;
        if (index < 0 || index >= interrupts.Length / entryBytes)
            return DeviceTreeStatus.NotFound;
        for (int i = 0; i < (int)interruptCells; i++)
            cells[i] = BinaryPrimitives.ReadUInt32BigEndian(interrupts.Slice(index * entryBytes + 4 * i));
        count = (int)interruptCells;
        return DeviceTreeStatus.Ok;
    }

    /// <summary>True when the NUL-separated string list <paramref name="list"/> holds <paramref name="entry"/> exactly.</summary>
    public static bool StringListContains(ReadOnlySpan<byte> list, ReadOnlySpan<byte> entry)
    {
        int start = 0;
        for (int i = 0; i < list.Length; i++)
        {
            if (list[i] != 0)
                continue;
            if (BytesEqual(list.Slice(start, i - start), entry))
                return true;
            start = i + 1;
        }
        // An unterminated last entry is malformed and does not match.
        return false;
    }

    // ---------------------------------------------------------------- token grammar

    private bool TryReadWord(int offset, out uint word)
    {
        word = 0;
        if (offset < 0 || offset > _structure.Length - 4)
            return false;
        word = BinaryPrimitives.ReadUInt32BigEndian(_structure.Slice(offset));
        return true;
    }

    /// <summary>Reads an FDT_BEGIN_NODE token at <paramref name="offset"/>: its name, and where its contents start.</summary>
    private bool TryReadBeginNode(int offset, out ReadOnlySpan<byte> name, out int contents)
    {
        name = ReadOnlySpan<byte>.Empty;
        contents = 0;
        if (!TryReadWord(offset, out uint token) || token != TokenBeginNode)
            return false;
        ReadOnlySpan<byte> rest = _structure.Slice(offset + 4);
        int length = IndexOfNul(rest);
        if (length < 0)
            return false;
        name = rest.Slice(0, length);
        contents = offset + 4 + Align4(length + 1);
        return contents <= _structure.Length;
    }

    /// <summary>Reads an FDT_PROP token at <paramref name="offset"/>: name (from the strings block), value, next token.</summary>
    private bool TryReadProperty(int offset, out ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value, out int next)
    {
        name = ReadOnlySpan<byte>.Empty;
        value = ReadOnlySpan<byte>.Empty;
        next = 0;
        if (!TryReadWord(offset + 4, out uint length) || !TryReadWord(offset + 8, out uint nameOffset))
            return false;
        int valueStart = offset + 12;
        if (length > (uint)(_structure.Length - valueStart))
            return false;
        if (nameOffset >= (uint)_strings.Length)
            return false;
        ReadOnlySpan<byte> names = _strings.Slice((int)nameOffset);
        int nameLength = IndexOfNul(names);
        if (nameLength < 0)
            return false;
        name = names.Slice(0, nameLength);
        value = _structure.Slice(valueStart, (int)length);
        next = valueStart + Align4((int)length);
        return next <= _structure.Length;
    }

    private bool TrySkipProperty(int offset, out int next) => TryReadProperty(offset, out _, out _, out next);

    private static ulong ReadCells(ReadOnlySpan<byte> cells, int count)
    {
        ulong value = 0;
        for (int i = 0; i < count; i++)
            value = value << 32 | BinaryPrimitives.ReadUInt32BigEndian(cells.Slice(4 * i));
        return value;
    }

    private static uint BigEndianWord(ReadOnlySpan<byte> blob, int offset) => BinaryPrimitives.ReadUInt32BigEndian(blob.Slice(offset));

    private static bool FitsIn(uint offset, uint size, uint total) => offset <= total && size <= total - offset;

    // Plain loops rather than MemoryExtensions, so the reader needs nothing beyond Span from the corelib.
    private static bool BytesEqual(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        if (left.Length != right.Length)
            return false;
        for (int i = 0; i < left.Length; i++)
        {
            if (left[i] != right[i])
                return false;
        }
        return true;
    }

    private static int IndexOfNul(ReadOnlySpan<byte> bytes)
    {
        for (int i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == 0)
                return i;
        }
        return -1;
    }

    private static int Align4(int value) => (value + 3) & ~3;
}
