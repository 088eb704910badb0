// The board facts the runtime hands over: the device tree QEMU placed, the image's extent, RAM as spans.
// (Barrier instructions are checked structurally by the disassembly host test; their effect as compiler
// fences by PolledStateTests; ordering against another observer needs a second core or a device.)
using Nano.Runtime.Native;
using Nano.TestFramework;

namespace Runtime.Tests;

[TestClass]
public static class BoardFactsTests
{
    [TestMethod]
    public static void The_board_reports_its_device_tree_and_image()
    {
        Assert.AreEqual(BoardMap.DeviceTreeBase, Board.DeviceTreeAddress, "QEMU's tree at the start of RAM");
        System.ReadOnlySpan<byte> header = PhysicalMemory.Map(Board.DeviceTreeAddress, 8);
        Assert.AreEqual(0xD00DFEEDu, System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(header), "FDT magic");
        Assert.IsTrue(Board.ImageSize > 0 && Board.ImageSize < 1024 * 1024, "image size");
    }

    [TestMethod]
    public static void Physical_memory_maps_and_reports_addresses()
    {
        System.Span<byte> block = PhysicalMemory.Allocate(256, 4096);
        ulong address = PhysicalMemory.AddressOf(block);
        Assert.AreEqual(0UL, address & 4095, "aligned");
        System.Span<byte> again = PhysicalMemory.Map(address, 256);
        block[17] = 0x5A;
        Assert.AreEqual((byte)0x5A, again[17], "same memory");
    }
}
