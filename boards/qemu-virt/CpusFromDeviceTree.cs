// Which CPUs the board has and how to start them, from the flattened device tree: /cpus/cpu@N reg (each CPU's
// MPIDR affinity) and the /psci node's method (the conduit for PSCI calls).
using System;
using System.Buffers.Binary;

namespace Nano.Runtime.Native;

/// <summary>How PSCI calls reach the firmware or hypervisor that implements them.</summary>
internal enum PsciConduit
{
    /// <summary>No /psci node (or a method this board does not know): secondaries cannot be started.</summary>
    None,
    /// <summary>method = "hvc": QEMU's built-in PSCI when the guest boots at EL1.</summary>
    Hypervisor,
    /// <summary>method = "smc": a secure monitor (EL3 firmware).</summary>
    SecureMonitor,
}

/// <summary>
/// A minimal walk of the structure block (devicetree specification 0.4 §5.4), like <see cref="RamFromDeviceTree"/>:
/// every offset is range-checked against the tree's size before use. Reads only what starting CPUs needs.
/// </summary>
internal static class CpusFromDeviceTree
{
    private const uint Magic = 0xD00DFEED;
    private const uint BeginNode = 1, EndNode = 2, Property = 3, Nop = 4, End = 9;   // §5.4.1
    private const int HeaderSize = 40;
    private const int MaximumTreeSize = 1 << 20;

    /// <summary>Fills <paramref name="affinities"/> with the reg of each /cpus/cpu@N node in tree order (at most its
    /// length) and returns how many; <paramref name="conduit"/> is the /psci method. 0 CPUs for a missing or corrupt tree.</summary>
    public static int Read(ulong treeAddress, Span<ulong> affinities, out PsciConduit conduit)
    {
        conduit = PsciConduit.None;
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
        return Walk(tree.Slice((int)structOffset, (int)structSize), tree.Slice((int)stringsOffset, (int)stringsSize), affinities, out conduit);
    }

    private static int Walk(ReadOnlySpan<byte> structure, ReadOnlySpan<byte> strings, Span<ulong> affinities, out PsciConduit conduit)
    {
        conduit = PsciConduit.None;
        int position = 0, depth = 0, count = 0;
        uint addressCells = 1;                      // /cpus: devicetree spec §3.7 "#address-cells ... <1> or <2>"
        bool inPsci = false, inCpus = false, inCpu = false;
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
                    if (depth == 2)
                    {
                        inPsci = IsNode(name, "psci"u8);
                        inCpus = IsNode(name, "cpus"u8);
                    }
                    inCpu = depth == 3 && inCpus && IsNode(name, "cpu"u8);
                    position = Align4(position + nameLength + 1);
                    break;
                }
                case EndNode:
                    if (depth == 3)
                        inCpu = false;
                    else if (depth == 2)
                        inPsci = inCpus = false;
                    depth--;
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
                    if (inPsci && depth == 2 && IsName(propertyName, "method"u8))
                    {
                        conduit = IsName(value, "hvc"u8) ? PsciConduit.Hypervisor : IsName(value, "smc"u8) ? PsciConduit.SecureMonitor : PsciConduit.None;
                    }
                    else if (inCpus && depth == 2 && length == 4 && IsName(propertyName, "#address-cells"u8))
                    {
                        addressCells = BinaryPrimitives.ReadUInt32BigEndian(value);
                    }
                    else if (inCpu && IsName(propertyName, "reg"u8) && count < affinities.Length)
                    {
                        if (addressCells == 1 && length >= 4)
                            affinities[count++] = BinaryPrimitives.ReadUInt32BigEndian(value);
                        else if (addressCells == 2 && length >= 8)
                            affinities[count++] = BinaryPrimitives.ReadUInt64BigEndian(value);
                    }
                    position = Align4(position + length);
                    break;
                }
                case Nop:
                    break;
                case End:
                    return count;
                default:
                    return 0;                       // not a token: a corrupt tree
            }
        }
        return count;
    }

    // "cpu" matches "cpu" and "cpu@1" but not "cpu-map"; devicetree spec §2.2.1: node-name@unit-address.
    private static bool IsNode(ReadOnlySpan<byte> name, ReadOnlySpan<byte> nodeName)
        => name.Length >= nodeName.Length && name.Slice(0, nodeName.Length).SequenceEqual(nodeName)
           && (name.Length == nodeName.Length || name[nodeName.Length] == (byte)'@');

    private static int Align4(int value) => (value + 3) & ~3;

    // A string-block entry (or a string property) is NUL-terminated: equal means the prefix matches and a NUL follows it.
    private static bool IsName(ReadOnlySpan<byte> entry, ReadOnlySpan<byte> name)
        => entry.Length > name.Length && entry.Slice(0, name.Length).SequenceEqual(name) && entry[name.Length] == 0;
}
