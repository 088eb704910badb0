// A hostile driver: every broken chain comes back (error reply or empty), nothing outside guest RAM is touched,
// and the next well-formed request is served normally.
using System.Buffers.Binary;
using Platform.Tests.Doubles;
using ScmiPlatform.Device;
using ScmiPlatform.Virtqueue;
using Xunit;

namespace Platform.Tests.Virtqueue;

public sealed class HostileChainTests
{
    private const uint RequestHeader = 0x0001_4000;
    private static readonly byte[] Request = BitConverter.GetBytes(RequestHeader);

    /// <summary>Checks the refused chain came back as <paramref name="expectedLength"/> bytes, then that service goes on.</summary>
    private static UsedElement AssertRefusedThenServed(ScmiDriverDouble driver, ushort head, uint expectedLength, Action<byte[]>? inspectReply = null)
    {
        driver.Kick(ScmiVirtioDevice.CommandQueueIndex);
        Assert.True(driver.CommandQueue.TryTakeUsed(out UsedElement used), "the refused chain must come back");
        Assert.Equal(head, used.Id);
        Assert.Equal(expectedLength, used.Length);
        inspectReply?.Invoke(driver.CommandQueue.ReadReply(used.Id, used.Length));
        Assert.Equal(1, driver.Device.Counters.Malformed);
        Assert.Equal(0, driver.Device.Counters.Commands);
        byte[] reply = driver.Transact(Request);
        Assert.Equal(RequestHeader, BinaryPrimitives.ReadUInt32LittleEndian(reply));
        Assert.Equal(NotSupportedModel.NotSupported, BinaryPrimitives.ReadInt32LittleEndian(reply.AsSpan(4)));
        Assert.True(driver.Ram.CanariesIntact(), "the device wrote outside guest RAM");
        return used;
    }

    /// <summary>Two descriptors, readable then writable, with the first one's fields replaced.</summary>
    private static ushort ChainWithBadRequest(ScmiDriverDouble driver, ulong address, uint length, DescriptorFlags extraFlags = 0, ushort? next = null)
    {
        DriverQueue q = driver.CommandQueue;
        ushort d0 = q.TakeFreeDescriptor(), d1 = q.TakeFreeDescriptor();
        q.WriteDescriptor(d0, address, length, DescriptorFlags.Next | extraFlags, next ?? d1);
        q.WriteDescriptor(d1, q.BufferOf(d1), 64, DescriptorFlags.Write, 0);
        q.OfferRawChain(d0, d1);
        return d0;
    }

    private static ulong RamEnd(ScmiDriverDouble driver) => driver.Ram.GuestBase + driver.Ram.Size;

    private static ScmiDriverDouble DriverWithIndirectDescriptors() =>
        new(new NotSupportedModel(), ScmiDriverDouble.DefaultFeatures | VirtioFeatures.IndirectDescriptors);

    /// <summary>Makes <paramref name="head"/> a lone indirect descriptor for <paramref name="table"/> and offers it.</summary>
    private static void OfferIndirectHead(DriverQueue q, ushort head, ulong table, uint length)
    {
        q.WriteDescriptor(head, table, length, DescriptorFlags.Indirect, 0);
        q.OfferRawChain(head);
    }

    [Fact]
    public void Request_address_outside_guest_ram_is_returned_empty()
    {
        using var driver = new ScmiDriverDouble(new NotSupportedModel());
        ushort head = ChainWithBadRequest(driver, RamEnd(driver) + 0x1000, 4);
        AssertRefusedThenServed(driver, head, 0);
    }

    [Fact]
    public void Request_below_guest_ram_is_returned_empty()
    {
        using var driver = new ScmiDriverDouble(new NotSupportedModel());
        ushort head = ChainWithBadRequest(driver, 0x1000, 4);
        AssertRefusedThenServed(driver, head, 0);
    }

    [Fact]
    public void Buffer_straddling_the_end_of_guest_ram_is_refused_and_one_ending_exactly_there_is_accepted()
    {
        using var driver = new ScmiDriverDouble(new NotSupportedModel());
        ushort head = ChainWithBadRequest(driver, RamEnd(driver) - 4, 8);
        AssertRefusedThenServed(driver, head, 0);

        // Allowed pair: the last 4 bytes of RAM are a valid request.
        Request.CopyTo(driver.Ram.At(RamEnd(driver) - 4, 4));
        ChainWithBadRequest(driver, RamEnd(driver) - 4, 4);
        driver.Kick(0);
        Assert.True(driver.TryReceive(out _, out byte[] reply));
        Assert.Equal(RequestHeader, BinaryPrimitives.ReadUInt32LittleEndian(reply));
    }

    [Fact]
    public void Writable_area_straddling_the_end_gets_no_error_reply()
    {
        using var driver = new ScmiDriverDouble(new NotSupportedModel());
        DriverQueue q = driver.CommandQueue;
        ushort d0 = q.TakeFreeDescriptor(), d1 = q.TakeFreeDescriptor();
        Request.CopyTo(driver.Ram.At(q.BufferOf(d0), 4));
        q.WriteDescriptor(d0, q.BufferOf(d0), 4, DescriptorFlags.Next, d1);
        q.WriteDescriptor(d1, RamEnd(driver) - 4, 64, DescriptorFlags.Write, 0);
        q.OfferRawChain(d0, d1);
        AssertRefusedThenServed(driver, d0, 0);
    }

    [Fact]
    public void Huge_length_is_refused()
    {
        using var driver = new ScmiDriverDouble(new NotSupportedModel());
        ushort head = ChainWithBadRequest(driver, driver.Ram.GuestBase, uint.MaxValue);
        AssertRefusedThenServed(driver, head, 0);
    }

    [Fact]
    public void Request_larger_than_the_message_limit_but_inside_ram_is_refused()
    {
        using var driver = new ScmiDriverDouble(new NotSupportedModel());
        ushort head = ChainWithBadRequest(driver, driver.Ram.GuestBase, ScmiVirtioDevice.MaxMessageBytes + 1);
        AssertRefusedThenServed(driver, head, 0);
    }

    [Fact]
    public void Zero_length_descriptor_is_refused()
    {
        using var driver = new ScmiDriverDouble(new NotSupportedModel());
        ushort head = ChainWithBadRequest(driver, driver.CommandQueue.BufferOf(0), 0);
        AssertRefusedThenServed(driver, head, 0);
    }

    [Fact]
    public void Next_index_past_the_table_is_refused()
    {
        using var driver = new ScmiDriverDouble(new NotSupportedModel());
        ushort head = ChainWithBadRequest(driver, driver.CommandQueue.BufferOf(0), 4, next: (ushort)(driver.CommandQueue.Size + 5));
        AssertRefusedThenServed(driver, head, 0);
    }

    [Fact]
    public void Descriptor_loop_is_detected()
    {
        using var driver = new ScmiDriverDouble(new NotSupportedModel());
        DriverQueue q = driver.CommandQueue;
        ushort d0 = q.TakeFreeDescriptor(), d1 = q.TakeFreeDescriptor();
        q.WriteDescriptor(d0, q.BufferOf(d0), 4, DescriptorFlags.Next, d1);
        q.WriteDescriptor(d1, q.BufferOf(d1), 4, DescriptorFlags.Next, d0);
        q.OfferRawChain(d0, d1);
        AssertRefusedThenServed(driver, d0, 0);
    }

    [Fact]
    public void Chain_through_every_descriptor_is_accepted_and_one_more_link_is_a_loop()
    {
        using var driver = new ScmiDriverDouble(new NotSupportedModel(), queueSize: 8);
        DriverQueue q = driver.CommandQueue;
        ushort[] all = Enumerable.Range(0, 8).Select(_ => q.TakeFreeDescriptor()).ToArray();
        for (int i = 0; i < 8; i++)
        {
            bool last = i == 7;
            q.WriteDescriptor(all[i], q.BufferOf(all[i]), 8, (last ? DescriptorFlags.Write : DescriptorFlags.Next) | (i >= 4 ? DescriptorFlags.Write : 0), last ? (ushort)0 : all[i + 1]);
        }
        q.OfferRawChain(all);
        driver.Kick(0);
        Assert.True(q.TryTakeUsed(out UsedElement used));
        Assert.Equal(8u, used.Length); // the whole queue as one chain (queue-size long) is legal
        Assert.Equal(0, driver.Device.Counters.Malformed);

        // The same chain with the last descriptor linking back to the first: longer than the queue, a loop.
        all = Enumerable.Range(0, 8).Select(_ => q.TakeFreeDescriptor()).ToArray();
        for (int i = 0; i < 8; i++)
            q.WriteDescriptor(all[i], q.BufferOf(all[i]), 8, DescriptorFlags.Next, all[(i + 1) % 8]);
        q.OfferRawChain(all);
        driver.Kick(0);
        Assert.True(q.TryTakeUsed(out used));
        Assert.Equal(0u, used.Length);
        Assert.Equal(1, driver.Device.Counters.Malformed);
    }

    [Fact]
    public void Readable_after_writable_gets_an_error_reply_in_the_writable_part()
    {
        var model = new RecordingModel();
        using var driver = new ScmiDriverDouble(model);
        DriverQueue q = driver.CommandQueue;
        ushort d0 = q.TakeFreeDescriptor(), d1 = q.TakeFreeDescriptor(), d2 = q.TakeFreeDescriptor();
        Request.CopyTo(driver.Ram.At(q.BufferOf(d0), 4));
        q.WriteDescriptor(d0, q.BufferOf(d0), 4, DescriptorFlags.Next, d1);
        q.WriteDescriptor(d1, q.BufferOf(d1), 16, DescriptorFlags.Write | DescriptorFlags.Next, d2);
        q.WriteDescriptor(d2, q.BufferOf(d2), 4, DescriptorFlags.None, 0);
        q.OfferRawChain(d0, d1, d2);
        AssertRefusedThenServed(driver, d0, 8, written =>
        {
            Assert.Equal(RequestHeader, BinaryPrimitives.ReadUInt32LittleEndian(written));
            Assert.Equal(NotSupportedModel.CommsError, BinaryPrimitives.ReadInt32LittleEndian(written.AsSpan(4)));
        });
        Assert.Equal(Request, model.Malformed.Single());
    }

    [Fact]
    public void Command_without_a_reply_area_is_returned_empty()
    {
        using var driver = new ScmiDriverDouble(new NotSupportedModel());
        ushort head = driver.CommandQueue.AddChain([Request], []);
        AssertRefusedThenServed(driver, head, 0);
    }

    [Fact]
    public void Command_without_a_request_gets_an_error_reply()
    {
        using var driver = new ScmiDriverDouble(new NotSupportedModel());
        ushort head = driver.CommandQueue.AddChain([], [16]);
        AssertRefusedThenServed(driver, head, 8, reply =>
            Assert.Equal(NotSupportedModel.CommsError, BinaryPrimitives.ReadInt32LittleEndian(reply.AsSpan(4))));
    }

    [Fact]
    public void Reply_area_too_small_for_a_status_gets_an_empty_return()
    {
        using var driver = new ScmiDriverDouble(new NotSupportedModel());
        DriverQueue q = driver.CommandQueue;
        ushort d0 = q.TakeFreeDescriptor(), d1 = q.TakeFreeDescriptor();
        q.WriteDescriptor(d0, q.BufferOf(d0), 0, DescriptorFlags.Next, d1); // zero length: refused
        q.WriteDescriptor(d1, q.BufferOf(d1), 4, DescriptorFlags.Write, 0);
        q.OfferRawChain(d0, d1);
        AssertRefusedThenServed(driver, d0, 0);
    }

    [Fact]
    public void Head_index_past_the_table_is_returned_as_given()
    {
        using var driver = new ScmiDriverDouble(new NotSupportedModel());
        ushort bogus = (ushort)(driver.CommandQueue.Size + 3);
        driver.CommandQueue.MakeAvailable(bogus);
        AssertRefusedThenServed(driver, bogus, 0);
    }

    [Fact]
    public void Avail_index_too_far_ahead_is_refused_until_the_driver_repairs_it()
    {
        using var driver = new ScmiDriverDouble(new NotSupportedModel(), queueSize: 16);
        ushort sane = driver.CommandQueue.AvailIndex;
        driver.CommandQueue.SetAvailIndex((ushort)(sane + 17));
        driver.Kick(0);
        Assert.Equal(0, driver.CommandQueue.ReadUsedIndex());
        Assert.Equal(1, driver.Device.Counters.BrokenAvailIndex);
        Assert.Equal(1, driver.CommandSignals.Errors);
        // The allowed pair: exactly Size ahead is legal; here the driver repairs its index and goes on.
        driver.CommandQueue.SetAvailIndex(sane);
        Assert.Equal(RequestHeader, BinaryPrimitives.ReadUInt32LittleEndian(driver.Transact(Request)));
    }

    [Fact]
    public void Avail_index_exactly_queue_size_ahead_is_served()
    {
        using var driver = new ScmiDriverDouble(new NotSupportedModel(), queueSize: 8);
        for (int i = 0; i < 4; i++)
            driver.CommandQueue.AddChain([Request], [16]); // 4 chains x 2 descriptors fill the table, 4 avail entries
        driver.Kick(0);
        Assert.Equal(4, driver.Device.Counters.Commands);
        Assert.Equal(0, driver.Device.Counters.BrokenAvailIndex);
    }

    [Fact]
    public void Indirect_table_outside_guest_ram_is_refused()
    {
        using var driver = DriverWithIndirectDescriptors();
        DriverQueue q = driver.CommandQueue;
        ushort head = q.TakeFreeDescriptor();
        OfferIndirectHead(q, head, RamEnd(driver) - 16, 32);
        AssertRefusedThenServed(driver, head, 0);
    }

    [Theory]
    [InlineData(0u)]   // empty table
    [InlineData(24u)]  // not a multiple of 16
    [InlineData(16u * 65)] // longer than the queue (64)
    public void Indirect_table_with_a_bad_length_is_refused(uint length)
    {
        using var driver = DriverWithIndirectDescriptors();
        DriverQueue q = driver.CommandQueue;
        ushort head = q.TakeFreeDescriptor();
        OfferIndirectHead(q, head, q.IndirectTableOf(head), length);
        AssertRefusedThenServed(driver, head, 0);
    }

    [Fact]
    public void Indirect_descriptor_with_next_is_refused()
    {
        using var driver = DriverWithIndirectDescriptors();
        DriverQueue q = driver.CommandQueue;
        ushort head = q.TakeFreeDescriptor(), other = q.TakeFreeDescriptor();
        ulong table = q.IndirectTableOf(head);
        q.WriteDescriptorAt(table, 0, q.BufferOf(head), 4, DescriptorFlags.Next, 1);
        q.WriteDescriptorAt(table, 1, q.BufferOf(other), 16, DescriptorFlags.Write, 0);
        q.WriteDescriptor(head, table, 32, DescriptorFlags.Indirect | DescriptorFlags.Next, other);
        q.OfferRawChain(head, other);
        AssertRefusedThenServed(driver, head, 0);
    }

    [Fact]
    public void Nested_indirect_table_is_refused()
    {
        using var driver = DriverWithIndirectDescriptors();
        DriverQueue q = driver.CommandQueue;
        ushort head = q.TakeFreeDescriptor();
        ulong table = q.IndirectTableOf(head);
        q.WriteDescriptorAt(table, 0, table, 16, DescriptorFlags.Indirect, 0);
        OfferIndirectHead(q, head, table, 16);
        AssertRefusedThenServed(driver, head, 0);
    }

    [Fact]
    public void Loop_inside_an_indirect_table_is_refused()
    {
        using var driver = DriverWithIndirectDescriptors();
        DriverQueue q = driver.CommandQueue;
        ushort head = q.TakeFreeDescriptor();
        ulong table = q.IndirectTableOf(head);
        q.WriteDescriptorAt(table, 0, q.BufferOf(head), 4, DescriptorFlags.Next, 1);
        q.WriteDescriptorAt(table, 1, q.BufferOf(head), 4, DescriptorFlags.Next, 0);
        OfferIndirectHead(q, head, table, 32);
        AssertRefusedThenServed(driver, head, 0);
    }

    [Fact]
    public void Indirect_entry_pointing_past_its_table_is_refused()
    {
        using var driver = DriverWithIndirectDescriptors();
        DriverQueue q = driver.CommandQueue;
        ushort head = q.TakeFreeDescriptor();
        ulong table = q.IndirectTableOf(head);
        q.WriteDescriptorAt(table, 0, q.BufferOf(head), 4, DescriptorFlags.Next, 2); // table has 2 entries
        q.WriteDescriptorAt(table, 1, q.BufferOf(head), 16, DescriptorFlags.Write, 0);
        OfferIndirectHead(q, head, table, 32);
        AssertRefusedThenServed(driver, head, 0);
    }

    [Fact]
    public void Eventq_buffer_with_a_readable_part_is_returned_empty_and_the_next_buffer_carries_the_message()
    {
        var model = new RecordingModel();
        using var driver = new ScmiDriverDouble(model);
        ushort bad = driver.EventQueue.AddChain([[1, 2, 3, 4]], [64]);
        ushort good = driver.EventQueue.AddChain([], [64]);
        driver.Kick(ScmiVirtioDevice.EventQueueIndex);
        byte[] message = BitConverter.GetBytes(0x0000_4300u);
        Assert.True(model.Events!.TryDeliver(message));
        Assert.True(driver.EventQueue.TryTakeUsed(out UsedElement first));
        Assert.Equal((bad, 0u), ((ushort)first.Id, first.Length));
        Assert.True(driver.EventQueue.TryTakeUsed(out UsedElement second));
        Assert.Equal((good, 4u), ((ushort)second.Id, second.Length));
        Assert.Equal(message, driver.EventQueue.ReadReply(second.Id, second.Length));
        Assert.Equal(1, driver.Device.Counters.Malformed);
    }

    [Fact]
    public void Eventq_buffer_too_small_keeps_the_message_with_the_model_and_goes_back_empty()
    {
        var model = new RecordingModel();
        using var driver = new ScmiDriverDouble(model);
        driver.EventQueue.AddChain([], [4]);
        driver.Kick(ScmiVirtioDevice.EventQueueIndex);
        Assert.False(model.Events!.TryDeliver(new byte[12]));
        Assert.Equal(1, driver.Device.Counters.EventBuffersTooSmall);
        // The buffer does not block the eventq: it is returned with used length 0.
        Assert.Equal(1, driver.EventQueue.ReadUsedIndex());
        Assert.True(driver.EventQueue.TryTakeUsed(out UsedElement used));
        Assert.Equal(0u, used.Length);
        driver.EventQueue.AddChain([], [4]);
        Assert.True(model.Events.TryDeliver(new byte[4])); // a message that fits still goes
    }

    [Fact]
    public void Eventq_is_unavailable_without_p2a_and_with_it_but_no_buffers_delivery_waits()
    {
        var without = new RecordingModel();
        using (var driver = new ScmiDriverDouble(without, VirtioFeatures.Version1))
        {
            Assert.False(without.Events!.IsAvailable);
            Assert.False(without.Events.TryDeliver(new byte[4]));
        }
        var with = new RecordingModel();
        using var driver2 = new ScmiDriverDouble(with);
        Assert.True(with.Events!.IsAvailable);
        Assert.False(with.Events.TryDeliver(new byte[4]));
        int kicksBefore = with.EventKicks;
        driver2.PostEventBuffers(1);
        Assert.Equal(kicksBefore + 1, with.EventKicks);
        Assert.True(with.Events.TryDeliver(new byte[4]));
    }
}
