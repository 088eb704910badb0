// Barriers and CPU state: every barrier executes at EL1, and ordered stores are seen in order.
using Nano.Runtime.Native;
using Nano.TestFramework;

namespace Runtime.Tests;

[TestClass]
public static class BarrierTests
{
    private static int s_data;
    private static int s_flag;

    [TestMethod]
    public static void Every_barrier_executes()
    {
        Barrier.DataMemory();
        Barrier.DataMemoryStores();
        Barrier.DataMemoryLoads();
        Barrier.DataSynchronization();
        Barrier.InstructionSynchronization();
        Assert.AreEqual(1u, Cpu.ExceptionLevel, "firmware runs at EL1");
    }

    [TestMethod]
    public static void Publishing_data_before_a_flag_with_a_store_barrier()
    {
        s_data = 0;
        s_flag = 0;
        s_data = 1234;
        Barrier.DataMemoryStores();
        s_flag = 1;
        Barrier.DataMemoryLoads();
        Assert.AreEqual(1, s_flag);
        Assert.AreEqual(1234, s_data);
    }

    [TestMethod]
    public static void The_board_reports_its_device_tree_and_image()
    {
        Assert.AreEqual("qemu-virt", Board.Name);
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
