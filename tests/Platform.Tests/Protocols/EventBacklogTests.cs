// Every queue the guest can grow is bounded: delayed responses waiting for eventq buffers stop at a backlog,
// and the commands that would need one more answer BUSY (SCMI DEN0056E §4.1.4 status -6), counted.
using Platform.Tests.Protocols.Support;
using ScmiPlatform.Protocols;
using ScmiPlatform.Scmi;
using Xunit;
using static Platform.Tests.Protocols.Support.ScmiMessages;

namespace Platform.Tests.Protocols;

public sealed class EventBacklogTests
{
    private const uint SocTemperature = 0;
    private const uint LittlePll = 1;

    private static ScmiStatus AsyncRead(ModelHarness platform, ushort token)
    {
        var slot = platform.Post(Request(ScmiProtocolId.Sensor, (byte)SensorMessage.SensorReadingGet, token, SocTemperature, SensorProtocol.AsyncFlag));
        Assert.True(slot.IsCompleted);
        return new ScmiReply(slot.ReplyBytes).Status;
    }

    [Fact]
    public void Async_reads_beyond_the_delayed_response_backlog_answer_busy_and_are_counted()
    {
        var platform = new ModelHarness(eventBuffers: 0);
        const int Extra = 50;
        var statuses = Enumerable.Range(1, EventOutbox.DelayedResponseBacklog + Extra).Select(t => AsyncRead(platform, (ushort)t)).ToList();
        Assert.Equal(EventOutbox.DelayedResponseBacklog, statuses.Count(s => s == ScmiStatus.Success));
        Assert.Equal(Extra, statuses.Count(s => s == ScmiStatus.Busy));
        Assert.All(statuses.Skip(EventOutbox.DelayedResponseBacklog), s => Assert.Equal(ScmiStatus.Busy, s));
        Assert.Equal(EventOutbox.DelayedResponseBacklog, platform.Model.Events.PendingDelayedResponses);
        Assert.Equal(Extra, platform.Model.BusyReplies);
    }

    [Fact]
    public void Once_buffers_drain_the_backlog_async_requests_are_accepted_again()
    {
        var platform = new ModelHarness(eventBuffers: 0);
        for (int t = 1; t <= EventOutbox.DelayedResponseBacklog; t++)
            Assert.Equal(ScmiStatus.Success, AsyncRead(platform, (ushort)t));
        Assert.Equal(ScmiStatus.Busy, AsyncRead(platform, 999));
        // A busy async clock rate set is not executed: the rate stays where it was.
        ulong before = platform.Send(ScmiProtocolId.Clock, (byte)ClockMessage.ClockRateGet, LittlePll).Value64(0);
        var busySet = platform.Post(Request(ScmiProtocolId.Clock, (byte)ClockMessage.ClockRateSet, 1000, ClockProtocol.AsyncFlag, LittlePll, Low(1_500_000_000), High(1_500_000_000)));
        Assert.Equal(ScmiStatus.Busy, new ScmiReply(busySet.ReplyBytes).Status);
        Assert.Equal(before, platform.Send(ScmiProtocolId.Clock, (byte)ClockMessage.ClockRateGet, LittlePll).Value64(0));

        platform.Events.Buffers = EventOutbox.DelayedResponseBacklog;
        platform.Model.OnEventBuffersAvailable();
        Assert.Equal(EventOutbox.DelayedResponseBacklog, platform.Delivered.Count);
        Assert.Equal(0, platform.Model.Events.PendingDelayedResponses);
        Assert.Equal(ScmiStatus.Success, AsyncRead(platform, 1001));
    }

    [Fact]
    public void A_hundred_thousand_async_reads_without_eventq_buffers_keep_the_backlog_bounded()
    {
        var platform = new ModelHarness(eventBuffers: 0);
        for (int t = 0; t < 100_000; t++)
            AsyncRead(platform, (ushort)t);
        Assert.Equal(EventOutbox.DelayedResponseBacklog, platform.Model.Events.PendingDelayedResponses);
        Assert.Equal(100_000 - EventOutbox.DelayedResponseBacklog, platform.Model.BusyReplies);
    }
}
