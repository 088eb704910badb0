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
    /// <summary>Fills <paramref name="affinities"/> with the reg of each /cpus/cpu@N node in tree order (at most its
    /// length) and returns how many; <paramref name="conduit"/> is the /psci method. 0 CPUs for a missing or corrupt tree.</summary>
    public static int Read(ulong treeAddress, Span<ulong> affinities, out PsciConduit conduit)
    {
        conduit = PsciConduit.None;
        if (!FlatTree.TryOpen(treeAddress, out ReadOnlySpan<byte> structure, out ReadOnlySpan<byte> strings))
            return 0;
        return Walk(structure, strings, affinities, out conduit);
    }

    private static int Walk(ReadOnlySpan<byte> structure, ReadOnlySpan<byte> strings, Span<ulong> affinities, out PsciConduit conduit)
    {
        conduit = PsciConduit.None;
        var walker = new FlatTreeWalker(structure, strings);
        int count = 0;
        uint addressCells = 1;                      // /cpus: devicetree spec §3.7 "#address-cells ... <1> or <2>"
        bool inPsci = false, inCpus = false, inCpu = false;
        while (true)
        {
            switch (walker.Next())
            {
                case FlatTreeItem.BeginNode:
                    if (walker.Depth == 2)
                    {
                        inPsci = IsNode(walker.Name, "psci"u8);
                        inCpus = IsNode(walker.Name, "cpus"u8);
                    }
                    inCpu = walker.Depth == 3 && inCpus && IsNode(walker.Name, "cpu"u8);
                    break;
                case FlatTreeItem.EndNode:
                    if (walker.Depth == 3)
                        inCpu = false;
                    else if (walker.Depth == 2)
                        inPsci = inCpus = false;
                    break;
                case FlatTreeItem.Property:
                {
                    ReadOnlySpan<byte> value = walker.Value;
                    if (inPsci && walker.Depth == 2 && FlatTree.IsName(walker.Name, "method"u8))
                    {
                        conduit = FlatTree.IsName(value, "hvc"u8) ? PsciConduit.Hypervisor : FlatTree.IsName(value, "smc"u8) ? PsciConduit.SecureMonitor : PsciConduit.None;
                    }
                    else if (inCpus && walker.Depth == 2 && value.Length == 4 && FlatTree.IsName(walker.Name, "#address-cells"u8))
                    {
                        addressCells = BinaryPrimitives.ReadUInt32BigEndian(value);
                    }
                    else if (inCpu && FlatTree.IsName(walker.Name, "reg"u8) && count < affinities.Length)
                    {
                        if (addressCells == 1 && value.Length >= 4)
                            affinities[count++] = BinaryPrimitives.ReadUInt32BigEndian(value);
                        else if (addressCells == 2 && value.Length >= 8)
                            affinities[count++] = BinaryPrimitives.ReadUInt64BigEndian(value);
                    }
                    break;
                }
                case FlatTreeItem.End:
                    return count;
                default:
                    return 0;                       // a corrupt tree
            }
        }
    }

    // "cpu" matches "cpu" and "cpu@1" but not "cpu-map"; devicetree spec §2.2.1: node-name@unit-address.
    private static bool IsNode(ReadOnlySpan<byte> name, ReadOnlySpan<byte> nodeName)
        => name.Length >= nodeName.Length && name.Slice(0, nodeName.Length).SequenceEqual(nodeName)
           && (name.Length == nodeName.Length || name[nodeName.Length] == (byte)'@');
}
