// The platform model behind the real device adapter and split virtqueues, driven by the driver double as an agent would.
using System.Buffers.Binary;
using Platform.Tests.Doubles;
using Platform.Tests.Protocols.Support;
using ScmiPlatform.Device;
using ScmiPlatform.Faults;
using ScmiPlatform.Protocols;
using ScmiPlatform.Scmi;
using ScmiPlatform.Virtqueue;
using Xunit;
using ScmiPlatform.Model;
using static Platform.Tests.Protocols.Support.ScmiMessages;

namespace Platform.Tests.Protocols;

public sealed class EndToEndTests
{
    private readonly ManualScheduler _scheduler = new();

    private ScmiPlatformModel NewModel(FaultPlan? faults = null) => ScmiPlatformModel.Create(ModelHarness.DefaultDescription, faults, null, _scheduler);

    [Fact]
    public void An_agent_discovers_every_protocol_through_the_virtqueues()
    {
        using var driver = new ScmiDriverDouble(NewModel());
        var version = new ScmiReply(driver.Transact(Request(ScmiProtocolId.Base, (byte)BaseMessage.ProtocolVersion, 1)));
        Assert.Equal(ScmiStatus.Success, version.Status);
        Assert.Equal(BaseProtocol.ProtocolVersion, version.Value(0));

        // Page through DISCOVER_LIST_PROTOCOLS with a reply area of one word at a time, as a cautious agent would.
        var found = new List<byte>();
        while (true)
        {
            var page = new ScmiReply(driver.Transact(Request(ScmiProtocolId.Base, (byte)BaseMessage.DiscoverListProtocols, 2, (uint)found.Count), replyCapacity: 16));
            Assert.Equal(ScmiStatus.Success, page.Status);
            uint count = page.Value(0);
            if (count == 0) break;
            for (int i = 0; i < count; i++) found.Add((byte)(page.Value(1 + i / 4) >> (8 * (i % 4))));
        }
        Assert.Equal(new byte[] { 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18 }, found);
    }

    [Fact]
    public void Sensor_descriptions_page_through_128_byte_buffers_until_none_remain()
    {
        using var driver = new ScmiDriverDouble(NewModel());
        var ids = new List<uint>();
        uint remaining;
        do
        {
            var page = new ScmiReply(driver.Transact(Request(ScmiProtocolId.Sensor, (byte)SensorMessage.SensorDescriptionGet, 3, (uint)ids.Count)));
            Assert.Equal(ScmiStatus.Success, page.Status);
            Assert.True(page.Length <= 128);
            uint returned = page.Value(0) & 0xFFF;
            remaining = page.Value(0) >> 16;
            int offset = 1;
            for (int i = 0; i < returned; i++)
            {
                ids.Add(page.Value(offset));
                bool axes = ((page.Value(offset + 2) >> 8) & 1) != 0;
                offset += (axes ? SensorProtocol.AxisSensorDescriptorSize : SensorProtocol.ScalarDescriptorSize) / 4;
            }
        } while (remaining > 0);
        Assert.Equal(new uint[] { 0, 1, 2, 3, 4, 5 }, ids);
    }

    [Fact]
    public void A_delayed_response_reaches_the_eventq_once_the_agent_posts_buffers()
    {
        using var driver = new ScmiDriverDouble(NewModel());
        var reply = new ScmiReply(driver.Transact(Request(ScmiProtocolId.Sensor, (byte)SensorMessage.SensorReadingGet, 0x77, 0, SensorProtocol.AsyncFlag)));
        Assert.Equal(ScmiStatus.Success, reply.Status);
        Assert.Equal(8, reply.Length);
        Assert.False(driver.TryTakeEvent(out _));

        driver.PostEventBuffers(4);
        Assert.True(driver.TryTakeEvent(out byte[] message));
        var complete = new ScmiReply(message);
        Assert.Equal(new ScmiHeader((byte)SensorMessage.SensorReadingGet, ScmiMessageType.DelayedResponse, (byte)ScmiProtocolId.Sensor, 0x77), complete.Header);
        Assert.Equal(ScmiStatus.Success, complete.Status);
        Assert.Equal(0u, complete.Value(0));
        Assert.Equal(45_000ul, complete.Value64(1));
    }

    [Fact]
    public void Notifications_arrive_on_the_eventq_when_enabled()
    {
        var model = NewModel();
        using var driver = new ScmiDriverDouble(model);
        driver.PostEventBuffers(4);
        Assert.Equal(ScmiStatus.Success, new ScmiReply(driver.Transact(Request(ScmiProtocolId.Performance, (byte)PerformanceMessage.PerformanceNotifyLevel, 1, 0, 1))).Status);
        Assert.Equal(ScmiStatus.Success, new ScmiReply(driver.Transact(Request(ScmiProtocolId.Performance, (byte)PerformanceMessage.PerformanceLevelSet, 2, 0, 1400))).Status);
        Assert.True(driver.TryTakeEvent(out byte[] message));
        var changed = new ScmiReply(message);
        Assert.Equal(ScmiHeader.Notification(ScmiProtocolId.Performance, (byte)PerformanceNotification.PerformanceLevelChanged), changed.Header);
        Assert.Equal(1400u, changed.Payload(2));
    }

    [Fact]
    public void Without_P2A_the_agent_is_refused_delayed_responses_and_notifications()
    {
        using var driver = new ScmiDriverDouble(NewModel(), VirtioFeatures.Version1);
        var asyncRead = new ScmiReply(driver.Transact(Request(ScmiProtocolId.Sensor, (byte)SensorMessage.SensorReadingGet, 1, 0, SensorProtocol.AsyncFlag)));
        Assert.Equal(ScmiStatus.NotSupported, asyncRead.Status);
        var notify = new ScmiReply(driver.Transact(Request(ScmiProtocolId.Clock, (byte)ClockMessage.ClockRateNotify, 2, 1, 1)));
        Assert.Equal(ScmiStatus.NotSupported, notify.Status);
        var syncRead = new ScmiReply(driver.Transact(Request(ScmiProtocolId.Sensor, (byte)SensorMessage.SensorReadingGet, 3, 2, 0)));
        Assert.Equal(ScmiStatus.Success, syncRead.Status);
    }

    [Fact]
    public void Delayed_replies_complete_through_the_queue_when_their_time_comes()
    {
        using var driver = new ScmiDriverDouble(NewModel(FaultOptions.FromTexts(["delay=10ms", "reorder"], 5)));
        driver.Send(Request(ScmiProtocolId.Base, (byte)BaseMessage.ProtocolVersion, 1));
        driver.Send(Request(ScmiProtocolId.Base, (byte)BaseMessage.DiscoverVendor, 2));
        Assert.False(driver.TryReceive(out _, out _));
        _scheduler.Advance(10);
        Assert.True(driver.TryReceive(out _, out byte[] first));
        Assert.True(driver.TryReceive(out _, out byte[] second));
        Assert.Equal(2, new ScmiReply(first).Header.Token);  // reordered: the second command completes first
        Assert.Equal(1, new ScmiReply(second).Header.Token);
    }

    [Fact]
    public void A_garbage_chain_still_comes_back_with_an_error_status()
    {
        using var driver = new ScmiDriverDouble(NewModel());
        byte[] reply = driver.Transact([0xDE, 0xAD], replyCapacity: 16);
        Assert.Equal(8, reply.Length);
        Assert.Equal((int)ScmiStatus.ProtocolError, BinaryPrimitives.ReadInt32LittleEndian(reply.AsSpan(4)));
    }
}
