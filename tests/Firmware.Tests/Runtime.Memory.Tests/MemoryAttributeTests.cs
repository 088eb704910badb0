// The memory attributes the MMU applies, read back from the hardware: RAM (code, data, heap, stack) is
// Normal write-back inner-shareable, the GIC, UART and virtio-mmio windows are Device-nGnRE, and the null
// page, the stack guards and everything above the end of RAM do not translate.
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Nano.Runtime.Native;
using Nano.TestFramework;

namespace Runtime.Memory.Tests;

[TestClass]
public static unsafe class MemoryAttributeTests
{
    private static int s_data = 1;
    private static int s_bss;

    private static void CodeMarker()
    {
    }

    // MAIR encodings (Arm ARM D17.2.97): for Normal memory the high nibble is the outer policy and the low
    // nibble the inner; 0b11RW is write-back non-transient with read/write allocation. 0b0000_dd00 is Device
    // memory, dd = 00 nGnRnE, 01 nGnRE, 10 nGRE, 11 GRE.
    private static bool IsNormalWriteBackAllocating(byte attributes)
        => (attributes >> 4) == 0xF && (attributes & 0xF) == 0xF;

    private static bool IsDeviceNgnre(byte attributes) => attributes == 0b0000_0100;

    private static bool InAttributeTable(byte attributes)
    {
        for (int index = 0; index < 8; index++)
        {
            if (AddressTranslation.AttributeAt(index) == attributes)
                return true;
        }
        return false;
    }

    private static void AssertNormalRam(ulong address, string what)
    {
        Translation translation = AddressTranslation.ForRead(address);
        Assert.IsTrue(translation.IsMapped, what);
        Assert.AreEqual(address & ~0xFFFUL, translation.PhysicalPage, what);
        Assert.IsTrue(IsNormalWriteBackAllocating(translation.Attributes), what);
        Assert.IsTrue(InAttributeTable(translation.Attributes), what);
        Assert.AreEqual(AddressTranslation.InnerShareable, translation.Shareability, what);
    }

    private static void AssertDevice(ulong address, string what)
    {
        Translation translation = AddressTranslation.ForRead(address);
        Assert.IsTrue(translation.IsMapped, what);
        Assert.AreEqual(address & ~0xFFFUL, translation.PhysicalPage, what);
        Assert.IsTrue(IsDeviceNgnre(translation.Attributes), what);
        Assert.IsTrue(InAttributeTable(translation.Attributes), what);
    }

    private static void AssertUnmapped(ulong address, string what) => Assert.IsFalse(AddressTranslation.ForRead(address).IsMapped, what);

    [TestMethod]
    public static void The_attribute_table_holds_normal_write_back_and_device_nGnRE()
    {
        Assert.IsTrue(InAttributeTable(AddressTranslation.NormalWriteBack), "Normal write-back in MAIR_EL1");
        Assert.IsTrue(InAttributeTable(AddressTranslation.DeviceNgnre), "Device-nGnRE in MAIR_EL1");
        Assert.IsTrue(IsNormalWriteBackAllocating(AddressTranslation.NormalWriteBack), "the constant decodes as named");
    }

    [TestMethod]
    public static void Code_data_heap_and_stack_are_normal_write_back_inner_shareable()
    {
        int local = 7;
        AssertNormalRam((ulong)(delegate*<void>)&CodeMarker, "code");
        AssertNormalRam((ulong)Unsafe.AsPointer(ref s_data), "data");
        AssertNormalRam((ulong)Unsafe.AsPointer(ref s_bss), "bss");
        AssertNormalRam(PhysicalMemory.AddressOf(PhysicalMemory.Allocate(64, 16)), "heap");
        AssertNormalRam((ulong)&local, "stack");
        AssertNormalRam(Board.DeviceTreeAddress, "device tree");
        AssertNormalRam(Board.RamEnd - 8, "the last bytes of RAM");
    }

    [TestMethod]
    public static void The_gic_uart_and_virtio_windows_are_device_nGnRE()
    {
        AssertDevice(BoardMap.GicDistributorBase, "GIC distributor");
        AssertDevice(BoardMap.GicCpuInterfaceBase, "GIC CPU interface");
        AssertDevice(BoardMap.Pl011Base, "PL011");
        AssertDevice(BoardMap.VirtioMmioBase, "virtio-mmio slot 0");
        AssertDevice(BoardMap.VirtioMmioBase + (BoardMap.VirtioMmioSlotCount - 1) * BoardMap.VirtioMmioStride, "virtio-mmio slot 31");
    }

    [TestMethod]
    public static void The_null_page_the_flash_and_the_stack_guards_do_not_translate()
    {
        AssertUnmapped(0, "null");
        AssertUnmapped(0xFF8, "null + field offset");
        AssertUnmapped(BoardMap.DeviceWindowBase - 8, "the top of the flash window");
        byte* threadGuard, exceptionGuard;
        NativeStackGuards(&threadGuard, &exceptionGuard);
        AssertUnmapped((ulong)threadGuard, "thread stack guard");
        AssertUnmapped((ulong)threadGuard + 4088, "thread stack guard, last word");
        AssertUnmapped((ulong)exceptionGuard, "exception stack guard");
        AssertNormalRam((ulong)threadGuard + 4096, "the thread stack's lowest page");
    }

    [DllImport("*", EntryPoint = "nano_stack_guards"), SuppressGCTransition]
    private static extern void NativeStackGuards(byte** threadGuard, byte** exceptionGuard);
}
