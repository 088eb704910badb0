// The eventq rules (virtio 1.3 §5.17.6.2): delayed responses follow their reply and wait for buffers,
// notifications need a subscription and P2A, and may be dropped (and counted) when no buffer is posted.
using Platform.Tests.Protocols.Support;
using ScmiPlatform.Protocols;
using ScmiPlatform.Scmi;
using Xunit;
using static Platform.Tests.Protocols.Support.ScmiMessages;

namespace Platform.Tests.Protocols;

public sealed class EventDeliveryTests
{
    private const uint LittlePll = 1;

    private static byte[] AsyncRateSet(ushort token, ulong rate) =>
        Request(ScmiProtocolId.Clock, (byte)ClockMessage.ClockRateSet, token, ClockProtocol.AsyncFlag, LittlePll, Low(rate), High(rate));

    [Fact]
    public void A_delayed_response_is_delivered_only_after_its_reply_was_completed()
    {
        var platform = new ModelHarness();
        int deliveredWhenCompleted = -1;
        var slot = new TestCommandSlot(AsyncRateSet(3, 1_500_000_000), 128, _ => deliveredWhenCompleted = platform.Events.Delivered.Count);
        platform.Model.OnCommand(slot);
        Assert.Equal(0, deliveredWhenCompleted);
        Assert.Single(platform.Events.Delivered);
    }

    [Fact]
    public void Delayed_responses_wait_for_eventq_buffers_and_are_never_dropped()
    {
        var platform = new ModelHarness(eventBuffers: 0);
        for (ushort token = 1; token <= 40; token++) platform.Post(AsyncRateSet(token, 1_000_000_000 + token * 100_000_000ul % 800_000_000));
        Assert.Empty(platform.Delivered);
        Assert.Equal(40, platform.Model.Events.PendingDelayedResponses);

        platform.Events.Buffers = 10;
        platform.Model.OnEventBuffersAvailable();
        Assert.Equal(10, platform.Delivered.Count);
        platform.Events.Buffers = 100;
        platform.Model.OnEventBuffersAvailable();
        Assert.Equal(Enumerable.Range(1, 40).Select(t => (ushort)t), platform.Delivered.Select(m => m.Header.Token));
        Assert.Equal(0, platform.Model.Events.PendingDelayedResponses);
    }

    [Fact]
    public void Waiting_delayed_responses_go_before_waiting_notifications()
    {
        var platform = new ModelHarness(eventBuffers: 0);
        platform.Send(ScmiProtocolId.Clock, (byte)ClockMessage.ClockRateNotify, LittlePll, 1);
        platform.Post(AsyncRateSet(5, 1_300_000_000)); // delayed response, then a rate-changed notification
        platform.Events.Buffers = 2;
        platform.Model.OnEventBuffersAvailable();
        Assert.Equal(new[] { ScmiMessageType.DelayedResponse, ScmiMessageType.Notification }, platform.Delivered.Select(m => m.Header.Type));
    }

    [Fact]
    public void Notifications_beyond_the_backlog_are_dropped_and_counted()
    {
        var platform = new ModelHarness(eventBuffers: 0);
        platform.Send(ScmiProtocolId.Sensor, (byte)SensorMessage.SensorContinuousUpdateNotify, 3, 1);
        for (int i = 1; i <= EventOutbox.NotificationBacklog + 10; i++) platform.Model.SetSensorValue(3, 0, i);
        Assert.Equal(EventOutbox.NotificationBacklog, platform.Model.Events.PendingNotifications);
        Assert.Equal(10, platform.Model.Events.DroppedNotifications);
        platform.Events.Buffers = 1000;
        platform.Model.OnEventBuffersAvailable();
        Assert.Equal(EventOutbox.NotificationBacklog, platform.Delivered.Count);
    }

    [Fact]
    public void A_message_larger_than_the_posted_buffers_waits_instead_of_being_cut()
    {
        var platform = new ModelHarness();
        platform.Events.BufferSize = 8;
        platform.Post(AsyncRateSet(4, 1_400_000_000));
        Assert.Empty(platform.Delivered);
        platform.Events.BufferSize = 128;
        platform.Model.OnEventBuffersAvailable();
        Assert.Single(platform.Delivered);
    }

    [Fact]
    public void Without_P2A_nothing_reaches_the_eventq_and_every_event_request_is_refused()
    {
        var platform = new ModelHarness(p2a: false);
        Assert.Equal(ScmiStatus.NotSupported, platform.Status(ScmiProtocolId.PowerDomain, (byte)PowerDomainMessage.PowerStateNotify, 0, 1));
        Assert.Equal(ScmiStatus.NotSupported, platform.Status(ScmiProtocolId.Performance, (byte)PerformanceMessage.PerformanceNotifyLevel, 0, 1));
        Assert.Equal(ScmiStatus.NotSupported, platform.Status(ScmiProtocolId.Sensor, (byte)SensorMessage.SensorTripPointNotify, 0, 1));
        Assert.Equal(ScmiStatus.NotSupported, platform.Status(ScmiProtocolId.ResetDomain, (byte)ResetDomainMessage.ResetNotify, 0, 1));
        Assert.Equal(ScmiStatus.NotSupported, platform.Status(ScmiProtocolId.SystemPower, (byte)SystemPowerMessage.SystemPowerStateNotify, 1));
        Assert.Equal(ScmiStatus.NotSupported, platform.Status(ScmiProtocolId.PowerCapping, (byte)PowerCapMessage.PowercapCapNotify, 0, 1));
        // Disabling is refused the same way: the agent must not use the notify messages at all.
        Assert.Equal(ScmiStatus.NotSupported, platform.Status(ScmiProtocolId.Clock, (byte)ClockMessage.ClockRateNotify, 0, 0));
        Assert.Empty(platform.Delivered);
    }
}
