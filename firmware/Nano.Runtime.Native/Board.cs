// Facts about the board and the running image.
using System;
using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Nano.Runtime.Native;

/// <summary>The board the image was built for, and what the boot loader handed over.</summary>
// Safety: pointers here are only out-parameters the shim fills with linker-defined image bounds.
public static unsafe class Board
{
    /// <summary>The board's name (the folder under boards/).</summary>
    public static string Name => BoardBringUp.Name;

    private const uint DeviceTreeMagic = 0xD00DFEED;   // devicetree spec 0.4 §5.2: big-endian "magic"

    /// <summary>Physical address of the flattened device tree: x0 at entry, or (QEMU leaves x0 = 0 for
    /// ELF images) the board's DeviceTreeBase when a tree with the right magic is there; 0 if none.</summary>
    public static ulong DeviceTreeAddress
    {
        get
        {
            ulong address = NativeDeviceTree();
            if (address != 0)
                return address;
            ReadOnlySpan<byte> header = PhysicalMemory.Map(BoardMap.DeviceTreeBase, 4);
            return BinaryPrimitives.ReadUInt32BigEndian(header) == DeviceTreeMagic ? BoardMap.DeviceTreeBase : 0;
        }
    }

    /// <summary>Bytes of the loaded image (code, read-only data, data).</summary>
    public static ulong ImageSize
    {
        get
        {
            byte* start, end;
            NativeImageBounds(&start, &end);
            return (ulong)(end - start);
        }
    }

    /// <summary>End of RAM (exclusive): what the device tree's /memory node reports, read at bring-up (the board's
    /// guaranteed minimum if the tree says nothing usable). Nothing above it is mapped.</summary>
    public static ulong RamEnd => BoardBringUp.RamEnd;

    /// <summary>Load address of the image.</summary>
    public static ulong ImageBase => BoardMap.ImageBase;

    // ---- Native shim -----------------------------------------------------------------------

    [DllImport("*", EntryPoint = "nano_board_device_tree"), SuppressGCTransition]
    private static extern ulong NativeDeviceTree();

    [DllImport("*", EntryPoint = "nano_image_bounds"), SuppressGCTransition]
    private static extern void NativeImageBounds(byte** start, byte** end);
}
