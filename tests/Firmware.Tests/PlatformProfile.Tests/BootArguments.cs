// The kernel command line QEMU hands over in the device tree's /chosen/bootargs (-append), and the platform
// profile the runner names there as "nf.profile=NAME" (docs/conventions.md §1).
using System;
using Devicetree;
using Nano.Runtime.Native;

namespace PlatformProfile.Tests;

public static class BootArguments
{
    /// <summary>The word the runner puts on the command line for a boot under a platform profile.</summary>
    public static ReadOnlySpan<byte> ProfileKey => "nf.profile="u8;

    /// <summary>/chosen/bootargs without its terminating NUL; false when the tree or the property is missing.</summary>
    public static bool TryRead(out ReadOnlySpan<byte> arguments)
    {
        arguments = ReadOnlySpan<byte>.Empty;
        ulong address = Board.DeviceTreeAddress;
        if (address == 0)
            return false;
        if (FlattenedDeviceTree.ReadTotalSize(PhysicalMemory.Map(address, FlattenedDeviceTree.HeaderSize), out int size) != DeviceTreeStatus.Ok)
            return false;
        if (FlattenedDeviceTree.TryOpen(PhysicalMemory.Map(address, size), out FlattenedDeviceTree tree) != DeviceTreeStatus.Ok)
            return false;
        // Devicetree spec 0.4 §3.6: /chosen "bootargs" is a <string> (NUL-terminated).
        DeviceTreeNode node = tree.Root;
        while (tree.TryGetNextNode(ref node))
        {
            if (node.Depth != 1 || !tree.NameOf(node).SequenceEqual("chosen"u8))
                continue;
            if (!tree.TryGetProperty(node, "bootargs"u8, out ReadOnlySpan<byte> value))
                return false;
            int end = value.IndexOf((byte)0);
            arguments = end < 0 ? value : value.Slice(0, end);
            return true;
        }
        return false;
    }

    /// <summary>The NAME of the "nf.profile=NAME" word in <paramref name="arguments"/>; false when there is none.</summary>
    public static bool TryGetProfile(ReadOnlySpan<byte> arguments, out ReadOnlySpan<byte> name)
    {
        name = ReadOnlySpan<byte>.Empty;
        while (arguments.Length > 0)
        {
            int space = arguments.IndexOf((byte)' ');
            ReadOnlySpan<byte> word = space < 0 ? arguments : arguments.Slice(0, space);
            if (word.Length > ProfileKey.Length && word.Slice(0, ProfileKey.Length).SequenceEqual(ProfileKey))
            {
                name = word.Slice(ProfileKey.Length);
                return true;
            }
            arguments = space < 0 ? ReadOnlySpan<byte>.Empty : arguments.Slice(space + 1);
        }
        return false;
    }
}
