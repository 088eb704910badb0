// The end of RAM comes from the device tree (QEMU -m 200M here), not from the board's 128 MiB minimum:
// the heap and PhysicalMemory.Map reach it, and nothing above it is mapped.
using System;
using Nano.Runtime;
using Nano.Runtime.Native;
using Nano.TestFramework;

namespace Runtime.Memory.Tests;

[TestClass]
public static unsafe class RamEndTests
{
    private const ulong LaunchedRam = 200UL << 20;   // the ram-200M profile entry

    private static void MapOneByteTooFar() => PhysicalMemory.Map(Board.RamEnd - 4095, 4096);

    private static void MapAtTheEnd() => PhysicalMemory.Map(Board.RamEnd, 1);

    [TestMethod]
    public static void The_end_of_RAM_is_what_QEMU_was_given()
    {
        Assert.AreEqual(BoardMap.RamBase + LaunchedRam, Board.RamEnd);
        Assert.IsTrue(Heap.Capacity > (long)BoardMap.RamMinimumSize, "the heap reaches past the 128 MiB minimum");
    }

    [TestMethod]
    public static void Map_reaches_the_last_page_of_RAM_and_no_further()
    {
        Span<byte> last = PhysicalMemory.Map(Board.RamEnd - 4096, 4096);
        last[4095] = 0xA5;
        Assert.AreEqual((byte)0xA5, last[4095], "the last byte of RAM is memory");
        Assert.AreEqual(Panic.ExitCode, Recovery.Run(&MapOneByteTooFar), "a range one byte past the end");
        Assert.AreEqual(Panic.ExitCode, Recovery.Run(&MapAtTheEnd), "a range at the end");
    }

    [TestMethod]
    public static void Map_refuses_a_length_longer_than_all_of_RAM()
    {
        // RamEnd - length would wrap below zero: the bound must not be computed by subtracting the length.
        Assert.AreEqual(Panic.ExitCode, Recovery.Run(&MapLongerThanRam), "int.MaxValue bytes from the start of RAM");
    }

    private static void MapLongerThanRam() => PhysicalMemory.Map(BoardMap.RamBase, int.MaxValue);

    [TestMethod]
    public static void Nothing_above_the_end_of_RAM_translates()
    {
        Assert.IsFalse(AddressTranslation.ForRead(Board.RamEnd).IsMapped, "the first byte past RAM");
        Assert.IsFalse(AddressTranslation.ForRead(Board.RamEnd + (2UL << 20)).IsMapped, "the next 2 MiB block");
        Assert.IsFalse(AddressTranslation.ForRead(0x7FFF_F000).IsMapped, "the top of the first RAM GiB");
        Assert.IsFalse(AddressTranslation.ForRead(0x8000_0000).IsMapped, "GiB 2");
        Assert.IsFalse(AddressTranslation.ForRead(0xC000_0000).IsMapped, "GiB 3");
    }

    private static byte s_sink;

    private static void TouchPastTheEnd() => s_sink = *(byte*)Board.RamEnd;

    [TestMethod]
    public static void Reading_past_the_end_of_RAM_faults()
    {
        Assert.AreEqual(Panic.ExitCode, Recovery.Run(&TouchPastTheEnd));
        Assert.AreEqual("data abort", Panic.LastReason);
    }
}
