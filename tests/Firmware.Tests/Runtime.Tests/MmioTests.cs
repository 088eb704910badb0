// Device registers through Mmio: QEMU's virtio-rng device, found by scanning the 32 virtio-mmio slots
// (QEMU fills them from the top, so the slot is never assumed).
using Nano.Runtime;
using Nano.Runtime.Native;
using Nano.TestFramework;

namespace Runtime.Tests;

[TestClass]
public static unsafe class MmioTests
{
    // virtio 1.3 §4.2.2: MagicValue 0x000, Version 0x004, DeviceID 0x008, VendorID 0x00c.
    private const uint MagicOffset = 0x000;
    private const uint VersionOffset = 0x004;
    private const uint DeviceIdOffset = 0x008;
    private const uint VendorIdOffset = 0x00C;
    private const uint VirtioMagic = 0x74726976;   // "virt", little-endian
    private const uint EntropyDeviceId = 4;         // virtio 1.3 §5: entropy source
    private const uint QemuVendorId = 0x554D4551;   // "QEMU"

    private static ulong FindEntropyDevice()
    {
        for (uint slot = 0; slot < BoardMap.VirtioMmioSlotCount; slot++)
        {
            ulong window = BoardMap.VirtioMmioBase + slot * BoardMap.VirtioMmioStride;
            if (Mmio.Read32(window + MagicOffset) == VirtioMagic && Mmio.Read32(window + DeviceIdOffset) == EntropyDeviceId)
                return window;
        }
        return 0;
    }

    [TestMethod]
    public static void The_virtio_rng_device_answers_with_magic_version_and_id()
    {
        ulong window = FindEntropyDevice();
        Assert.IsTrue(window != 0, "a virtio-rng-device in one of the 32 slots");
        uint version = Mmio.Read32(window + VersionOffset);
        Assert.IsTrue(version == 1 || version == 2, "legacy (1) or modern (2) register layout");
        Assert.AreEqual(QemuVendorId, Mmio.Read32(window + VendorIdOffset));
    }

    // GICv2 IPRIORITYR holds one byte per INTID and allows byte accesses (virtio-mmio registers allow
    // only 32-bit ones). INTID 101 is unused: its priority is free to change and is put back.
    [TestMethod]
    public static void Byte_writes_land_in_their_lane_of_the_word()
    {
        const uint intid = 101;
        ulong priorityByte = BoardMap.GicDistributorBase + 0x400 + intid;
        ulong priorityWord = priorityByte & ~3UL;
        byte original = Mmio.Read8(priorityByte);
        Mmio.Write8(priorityByte, 0x80);
        Assert.AreEqual((byte)0x80, Mmio.Read8(priorityByte));
        Assert.AreEqual(0x80u, (Mmio.Read32(priorityWord) >> (int)(8 * (intid & 3))) & 0xFF, "little-endian lane");
        Mmio.Write8(priorityByte, original);
        Assert.AreEqual(original, Mmio.Read8(priorityByte), "restored");
    }

    [TestMethod]
    public static void Empty_slots_read_zero_device_id()
    {
        int devices = 0;
        for (uint slot = 0; slot < BoardMap.VirtioMmioSlotCount; slot++)
        {
            ulong window = BoardMap.VirtioMmioBase + slot * BoardMap.VirtioMmioStride;
            Assert.AreEqual(VirtioMagic, Mmio.Read32(window + MagicOffset), "every transport answers");
            if (Mmio.Read32(window + DeviceIdOffset) != 0)
                devices++;
        }
        Assert.AreEqual(1, devices, "exactly the one -device the profile adds");
    }

    private static void Unaligned() => Mmio.Read32(BoardMap.VirtioMmioBase + 2);

    private static void OutsideTheDeviceWindow() => Mmio.Write32(BoardMap.RamBase, 1);

    [TestMethod]
    public static void Unaligned_or_non_device_addresses_panic()
    {
        Assert.AreEqual(Panic.ExitCode, Recovery.Run(&Unaligned), "unaligned");
        Assert.AreEqual(Panic.ExitCode, Recovery.Run(&OutsideTheDeviceWindow), "RAM is not a device");
    }
}
