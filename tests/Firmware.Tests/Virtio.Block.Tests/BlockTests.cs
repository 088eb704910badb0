// virtio-blk over the layer: configuration read, three-descriptor chains both ways, requests in flight together.
using Nano.TestFramework;
using Virtio;

namespace Virtio.Block.Tests;

[TestClass]
public class BlockTests
{
    [Setup]
    public static void BringUp() => BlockDevice.Start();

    [Cleanup]
    public static void ShutDown() => Assert.IsTrue(BlockDevice.Device!.Shutdown(), "reset");

    [TestMethod]
    public static void Capacity_is_the_scratch_disk_size_in_sectors()
    {
        Assert.IsTrue(BlockDevice.Device!.Transport.TryReadConfig64(BlockRequest.ConfigCapacity, out ulong sectors), "stable read");
        Assert.AreEqual((ulong)((1 << 20) / BlockRequest.SectorBytes), sectors, "1 MiB scratch disk");
    }

    [TestMethod]
    public static void A_written_sector_reads_back_and_the_used_lengths_count_only_writable_bytes()
    {
        System.Span<byte> data = BlockDevice.Data[0]!.Span;
        for (int i = 0; i < data.Length; i++)
            data[i] = (byte)(i * 7 + 3);
        BlockDevice.Submit(0, BlockRequest.TypeOut, sector: 5);
        BlockDevice.Queue!.Kick();
        Assert.AreEqual(0, BlockDevice.Complete(out uint writeLength), "slot");
        Assert.AreEqual(BlockRequest.StatusOk, BlockDevice.Status[0]!.Span[0], "write status");
        Assert.AreEqual(1u, writeLength, "a write returns only the status byte");

        data.Clear();
        BlockDevice.Submit(0, BlockRequest.TypeIn, sector: 5);
        BlockDevice.Queue!.Kick();
        Assert.AreEqual(0, BlockDevice.Complete(out uint readLength), "slot");
        Assert.AreEqual(BlockRequest.StatusOk, BlockDevice.Status[0]!.Span[0], "read status");
        Assert.AreEqual((uint)BlockRequest.SectorBytes + 1, readLength, "a read returns the sector and the status");
        for (int i = 0; i < data.Length; i++)
        {
            if (data[i] != (byte)(i * 7 + 3))
                Assert.Fail("sector 5 did not read back as written");
        }
    }

    [TestMethod]
    public static void Four_requests_in_flight_each_complete_into_their_own_buffers()
    {
        // Write four sectors with distinct fill bytes, then read all four back at once.
        for (int slot = 0; slot < BlockDevice.Slots; slot++)
        {
            BlockDevice.Data[slot]!.Span.Fill((byte)(0xa0 + slot));
            BlockDevice.Submit(slot, BlockRequest.TypeOut, sector: (ulong)(100 + slot));
        }
        BlockDevice.Queue!.Kick();
        int seen = 0;
        for (int i = 0; i < BlockDevice.Slots; i++)
            seen |= 1 << BlockDevice.Complete(out _);
        Assert.AreEqual(0b1111, seen, "four writes completed");

        for (int slot = 0; slot < BlockDevice.Slots; slot++)
        {
            BlockDevice.Data[slot]!.Span.Clear();
            BlockDevice.Submit(slot, BlockRequest.TypeIn, sector: (ulong)(103 - slot)); // reversed: slot 0 reads sector 103
        }
        BlockDevice.Queue!.Kick();
        for (int i = 0; i < BlockDevice.Slots; i++)
        {
            int slot = BlockDevice.Complete(out uint length);
            Assert.AreEqual((uint)BlockRequest.SectorBytes + 1, length, "read length");
            Assert.AreEqual((byte)(0xa0 + 3 - slot), BlockDevice.Data[slot]!.Span[511], "sector content in its own buffer");
        }
        Assert.AreEqual(BlockDevice.Queue!.Size, BlockDevice.Queue!.FreeDescriptors, "all descriptors back");
    }

    [TestMethod]
    public static void A_read_beyond_the_capacity_completes_with_an_error_status_not_a_fault()
    {
        BlockDevice.Submit(1, BlockRequest.TypeIn, sector: 1 << 20);
        BlockDevice.Queue!.Kick();
        Assert.AreEqual(1, BlockDevice.Complete(out _), "slot");
        Assert.AreEqual(BlockRequest.StatusIoError, BlockDevice.Status[1]!.Span[0], "VIRTIO_BLK_S_IOERR");
    }
}
