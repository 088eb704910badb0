// Finding the entropy device on the board and what it says about itself (virtio 1.3 §4.2.1, §4.2.3.1.1).
using Nano.TestFramework;
using Virtio;

namespace Virtio.Entropy.Tests;

[TestClass]
public class DiscoveryTests
{
    [TestMethod]
    public static void Device_tree_lists_every_virtio_mmio_transport_with_its_interrupt()
    {
        System.Span<MmioTransportLocation> found = stackalloc MmioTransportLocation[BoardVirtioDiscovery.MaximumTransports];
        int count = BoardVirtioDiscovery.Locate(found, out bool fromDeviceTree);
        Assert.IsTrue(fromDeviceTree, "the boot device tree was not used");
        Assert.AreEqual(32, count, "QEMU virt has 32 virtio-mmio transports");
        int present = 0;
        for (int i = 0; i < count; i++)
        {
            Assert.AreEqual(MmioDiscovery.QemuVirtFirstInterruptId + (uint)((found[i].BaseAddress - MmioDiscovery.QemuVirtFirstWindow) / MmioDiscovery.QemuVirtWindowStride),
                found[i].InterruptId, "INTID of the slot");
            MmioDeviceIdentity identity = MmioDeviceIdentity.Read(new MmioRegisterWindow(found[i].BaseAddress));
            if (!identity.IsDevice)
                continue;
            present++;
            OutputHelper.Write("virtio-mmio ");
            Nano.Runtime.Native.Console.WriteHex(found[i].BaseAddress);
            OutputHelper.Write(" intid ");
            OutputHelper.Write((ulong)found[i].InterruptId);
            OutputHelper.Write(": magic ");
            Nano.Runtime.Native.Console.WriteHex(identity.Magic);
            OutputHelper.Write(" version ");
            OutputHelper.Write((ulong)identity.Version);
            OutputHelper.Write(" device ");
            OutputHelper.Write((ulong)identity.DeviceId);
            OutputHelper.Write(" vendor ");
            Nano.Runtime.Native.Console.WriteHex(identity.VendorId);
            OutputHelper.WriteLine("");
        }
        Assert.AreEqual(1, present, "exactly the virtio-rng device is plugged");
    }

    [TestMethod]
    public static void The_entropy_device_reports_virtio_magic_a_known_version_and_QEMU_as_vendor()
    {
        EntropyDevice.Find();
        MmioDeviceIdentity identity = EntropyDevice.Identity;
        Assert.AreEqual(MmioConstants.MagicValue, identity.Magic);
        Assert.IsTrue(identity.IsKnownVersion, "version 1 or 2");
        Assert.AreEqual((uint)DeviceType.Entropy, identity.DeviceId);
        Assert.AreEqual(0x554D4551u, identity.VendorId, "\"QEMU\"");
    }

    [TestMethod]
    public static void Require_version_1_refuses_a_legacy_device_and_accepts_a_modern_one()
    {
        EntropyDevice.Find();
        VirtioDevice device = EntropyDevice.Device!;
        VirtioResult result = device.Initialize(new DeviceOptions(0, requireVersion1: true));
        if (EntropyDevice.Identity.Layout == MmioLayout.Legacy)
        {
            Assert.AreEqual((int)VirtioResult.LegacyDeviceRefused, (int)result, "legacy refused");
            OutputHelper.WriteLine("legacy device refused under require-VERSION_1, as asked");
        }
        else
        {
            Assert.AreEqual((int)VirtioResult.Ok, (int)result, "modern accepted");
            Assert.IsTrue(device.Negotiated(VirtioFeatures.Version1), "VERSION_1 accepted");
            Assert.IsTrue(device.Shutdown(), "reset");
        }
    }

    [TestMethod]
    public static void The_offered_features_match_the_register_layout()
    {
        EntropyDevice.Start(eventIndex: false);
        VirtioDevice device = EntropyDevice.Device!;
        bool offersVersion1 = (device.OfferedFeatures & (ulong)VirtioFeatures.Version1) != 0;
        Assert.AreEqual(EntropyDevice.Identity.Layout == MmioLayout.Modern, offersVersion1, "VERSION_1 offered iff modern");
        Assert.IsTrue(device.Shutdown(), "reset");
    }
}
