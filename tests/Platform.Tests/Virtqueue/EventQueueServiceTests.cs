// The eventq service: buffers wait for the model, deliveries follow the notification rules, polling is quiet.
using Platform.Tests.Doubles;
using ScmiPlatform.Device;
using ScmiPlatform.Virtqueue;
using Xunit;

namespace Platform.Tests.Virtqueue;

public sealed class EventQueueServiceTests
{
    [Fact]
    public void Posted_buffers_are_returned_only_when_the_model_delivers()
    {
        var model = new RecordingModel();
        using var driver = new ScmiDriverDouble(model);
        driver.PostEventBuffers(3);
        Assert.Equal(0, driver.EventQueue.ReadUsedIndex());
        byte[] message = [0x00, 0x43, 0x00, 0x00, 1, 2, 3, 4];
        Assert.True(model.Events!.TryDeliver(message));
        Assert.True(driver.TryTakeEvent(out byte[] received, repost: false));
        Assert.Equal(message, received);
        Assert.Equal(1, driver.EventSignals.Notifications);
        Assert.False(driver.TryTakeEvent(out _));
    }

    [Fact]
    public void With_event_idx_an_empty_eventq_asks_for_a_kick_at_the_next_buffer()
    {
        var model = new RecordingModel();
        using var driver = new ScmiDriverDouble(model, ScmiDriverDouble.DefaultFeatures | VirtioFeatures.EventIndex);
        driver.PostEventBuffers(1);
        Assert.True(model.Events!.TryDeliver(new byte[4]));
        Assert.False(model.Events.TryDeliver(new byte[4])); // none left: the device arms avail_event
        Assert.Equal(driver.EventQueue.AvailIndex, driver.EventQueue.ReadAvailEvent());
    }

    [Fact]
    public void Polling_an_eventq_tells_the_model_only_about_new_buffers()
    {
        var model = new RecordingModel();
        using var driver = new ScmiDriverDouble(model);
        int before = model.EventKicks;
        for (int i = 0; i < 5; i++)
            driver.Device.Poll(ScmiVirtioDevice.EventQueueIndex);
        Assert.Equal(before, model.EventKicks);
        driver.EventQueue.AddChain([], [64]); // posted, no kick
        for (int i = 0; i < 5; i++)
            driver.Device.Poll(ScmiVirtioDevice.EventQueueIndex);
        Assert.Equal(before + 1, model.EventKicks);
    }

    [Fact]
    public void Polling_a_cmdq_serves_new_requests_without_a_kick()
    {
        using var driver = new ScmiDriverDouble(new NotSupportedModel());
        driver.CommandQueue.AddChain([BitConverter.GetBytes(0x4000u)], [16]);
        driver.Device.Poll(ScmiVirtioDevice.CommandQueueIndex);
        Assert.True(driver.TryReceive(out UsedElement used, out _));
        Assert.Equal(8u, used.Length);
    }

    [Fact]
    public void A_buffer_too_small_for_the_next_message_comes_back_empty_and_the_next_buffer_carries_it()
    {
        var model = new RecordingModel();
        using var driver = new ScmiDriverDouble(model);
        driver.PostEventBuffers(1, bytes: 4);
        driver.PostEventBuffers(1, bytes: 128);
        byte[] message = [0x00, 0x43, 0x00, 0x00, 1, 2, 3, 4];
        Assert.True(model.Events!.TryDeliver(message));
        Assert.True(driver.TryTakeEvent(out byte[] first, repost: false));
        Assert.Empty(first);
        Assert.True(driver.TryTakeEvent(out byte[] second, repost: false));
        Assert.Equal(message, second);
        Assert.Equal(1, driver.Device.Counters.EventBuffersTooSmall);
    }

    [Fact]
    public void Only_too_small_buffers_are_all_returned_empty_and_the_message_waits_for_a_big_one()
    {
        var model = new RecordingModel();
        using var driver = new ScmiDriverDouble(model);
        driver.PostEventBuffers(3, bytes: 4);
        byte[] message = new byte[12];
        Assert.False(model.Events!.TryDeliver(message));
        for (int i = 0; i < 3; i++)
        {
            Assert.True(driver.TryTakeEvent(out byte[] empty, repost: false));
            Assert.Empty(empty);
        }
        Assert.Equal(3, driver.Device.Counters.EventBuffersTooSmall);
        driver.PostEventBuffers(1, bytes: 128);
        Assert.True(model.Events.TryDeliver(message));
        Assert.True(driver.TryTakeEvent(out byte[] delivered, repost: false));
        Assert.Equal(message, delivered);
    }
}
