// The cmdq service with well-formed chains: requests reach the model, replies come back, notifications follow the rules.
using System.Buffers.Binary;
using Platform.Tests.Doubles;
using ScmiPlatform.Device;
using ScmiPlatform.Virtqueue;
using Xunit;

namespace Platform.Tests.Virtqueue;

public sealed class CommandQueueServiceTests
{
    private static byte[] Header(uint header) => BitConverter.GetBytes(header);

    [Fact]
    public void Well_formed_request_gets_header_echo_and_model_status()
    {
        var model = new NotSupportedModel();
        using var driver = new ScmiDriverDouble(model);
        byte[] reply = driver.Transact(Header(0x0000_4000));
        Assert.Equal(8, reply.Length);
        Assert.Equal(0x4000u, BinaryPrimitives.ReadUInt32LittleEndian(reply));
        Assert.Equal(-1, BinaryPrimitives.ReadInt32LittleEndian(reply.AsSpan(4)));
        Assert.Equal(1, model.Starts);
        Assert.Equal(1, driver.Device.Counters.Commands);
        Assert.Equal(0, driver.Device.Counters.Malformed);
        Assert.True(driver.Ram.CanariesIntact());
    }

    [Fact]
    public void Many_requests_in_one_kick_all_come_back_in_order()
    {
        using var driver = new ScmiDriverDouble(new NotSupportedModel(), queueSize: 16);
        var heads = new List<ushort>();
        for (uint token = 0; token < 8; token++)
            heads.Add(driver.CommandQueue.AddChain([Header(0x4000 | (token << 18))], [64]));
        driver.Kick(ScmiVirtioDevice.CommandQueueIndex);
        for (uint token = 0; token < 8; token++)
        {
            Assert.True(driver.TryReceive(out UsedElement used, out byte[] reply));
            Assert.Equal(heads[(int)token], (ushort)used.Id);
            Assert.Equal(0x4000 | (token << 18), BinaryPrimitives.ReadUInt32LittleEndian(reply));
        }
        Assert.False(driver.TryReceive(out _, out _));
    }

    [Fact]
    public void Ring_wraps_many_times_without_losing_a_buffer()
    {
        using var driver = new ScmiDriverDouble(new NotSupportedModel(), queueSize: 4);
        for (int i = 0; i < 70_000; i++)
        {
            byte[] reply = driver.Transact(Header((uint)i & 0x0FFF_FFFF));
            Assert.Equal((uint)i & 0x0FFF_FFFF, BinaryPrimitives.ReadUInt32LittleEndian(reply));
        }
        Assert.Equal(70_000, driver.Device.Counters.Completed);
        Assert.Equal(4, driver.CommandQueue.FreeDescriptors);
    }

    [Fact]
    public void Request_split_over_several_readable_buffers_reaches_the_model_whole()
    {
        var model = new RecordingModel();
        using var driver = new ScmiDriverDouble(model);
        driver.CommandQueue.AddChain([[1, 2, 3], [4, 5], [6, 7, 8, 9]], [4, 8]);
        driver.Kick(0);
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 }, model.Requests.Single());
        Assert.Equal(12, model.ReplyCapacities.Single());
        Assert.True(driver.TryReceive(out UsedElement used, out byte[] reply));
        Assert.Equal(8u, used.Length);
    }

    [Fact]
    public void Indirect_chain_is_served_when_negotiated()
    {
        using var driver = new ScmiDriverDouble(new NotSupportedModel(),
            ScmiDriverDouble.DefaultFeatures | VirtioFeatures.IndirectDescriptors)
        { PreferIndirect = true };
        byte[] reply = driver.Transact(Header(0x4001));
        Assert.Equal(0x4001u, BinaryPrimitives.ReadUInt32LittleEndian(reply));
        Assert.Equal(0, driver.Device.Counters.Malformed);
    }

    [Fact]
    public void Indirect_chain_is_refused_when_not_negotiated()
    {
        using var driver = new ScmiDriverDouble(new NotSupportedModel()) { PreferIndirect = true };
        driver.CommandQueue.AddIndirectChain([Header(0x4001)], [16]);
        driver.Kick(0);
        Assert.True(driver.TryReceive(out UsedElement used, out _));
        Assert.Equal(0u, used.Length);
        Assert.Equal(1, driver.Device.Counters.Malformed);
    }

    [Fact]
    public void Without_event_idx_no_interrupt_flag_suppresses_notifications()
    {
        using var driver = new ScmiDriverDouble(new NotSupportedModel());
        driver.Transact(Header(1));
        Assert.Equal(1, driver.CommandSignals.Notifications);
        driver.CommandQueue.SetAvailFlags(AvailRingFlags.NoInterrupt);
        driver.Transact(Header(2));
        Assert.Equal(1, driver.CommandSignals.Notifications);
    }

    [Fact]
    public void With_event_idx_the_device_notifies_only_when_used_idx_passes_used_event()
    {
        using var driver = new ScmiDriverDouble(new NotSupportedModel(),
            ScmiDriverDouble.DefaultFeatures | VirtioFeatures.EventIndex);
        driver.CommandQueue.SetUsedEvent(2); // notify when used idx moves past 2, i.e. on the third buffer
        driver.Transact(Header(1));
        driver.Transact(Header(2));
        Assert.Equal(0, driver.CommandSignals.Notifications);
        driver.Transact(Header(3));
        Assert.Equal(1, driver.CommandSignals.Notifications);
        // The device asks to be kicked at the next avail entry it has not consumed.
        Assert.Equal(driver.CommandQueue.AvailIndex, driver.CommandQueue.ReadAvailEvent());
    }

    [Fact]
    public void Late_completion_from_another_thread_returns_the_buffer()
    {
        var model = new DeferringModel();
        using var driver = new ScmiDriverDouble(model);
        driver.Send(Header(0x4000));
        Assert.False(driver.TryReceive(out _, out _));
        ICommandSlot slot = model.Pending.Single();
        var thread = new Thread(() => slot.Complete(NotSupportedModel.WriteStatusReply(slot.Request, slot.Reply, 0)));
        thread.Start();
        thread.Join();
        Assert.True(driver.TryReceive(out UsedElement used, out byte[] reply));
        Assert.Equal(8u, used.Length);
        Assert.Equal(0, BinaryPrimitives.ReadInt32LittleEndian(reply.AsSpan(4)));
        Assert.Equal(1, driver.CommandSignals.Notifications);
        Assert.Throws<InvalidOperationException>(() => slot.Complete(0));
    }

    [Fact]
    public void Completion_after_reset_is_dropped_not_written()
    {
        var model = new DeferringModel();
        using var driver = new ScmiDriverDouble(model);
        driver.Send(Header(0x4000));
        ICommandSlot slot = model.Pending.Single();
        driver.Device.Reset();
        slot.Complete(0);
        Assert.Equal(0, driver.CommandQueue.ReadUsedIndex());
        Assert.Equal(1, driver.Device.Counters.DroppedCompletions);
    }

    [Fact]
    public void Model_that_throws_still_returns_the_buffer_with_an_error_reply()
    {
        using var driver = new ScmiDriverDouble(new ThrowingModel());
        byte[] reply = driver.Transact(Header(0x4000));
        Assert.Equal(NotSupportedModel.CommsError, BinaryPrimitives.ReadInt32LittleEndian(reply.AsSpan(4)));
        Assert.Equal(1, driver.Device.Counters.ModelFaults);
        Assert.Equal(0x4000u, BinaryPrimitives.ReadUInt32LittleEndian(driver.Transact(Header(0x4000)))); // and keeps serving
    }
}
