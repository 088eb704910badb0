// Each fault mode observed through the model, on a manual clock so timing is exact and repeatable.
using System.Buffers.Binary;
using Platform.Tests.Protocols.Support;
using ScmiPlatform.Faults;
using ScmiPlatform.Protocols;
using ScmiPlatform.Scmi;
using Xunit;
using static Platform.Tests.Protocols.Support.ScmiMessages;

namespace Platform.Tests.Faults;

public sealed class FaultInjectionTests
{
    private static ModelHarness With(params string[] faults) => new(faults: FaultOptions.FromTexts(faults, 1234));

    private static byte[] Version(ScmiProtocolId protocol, ushort token) => Request(protocol, ScmiProtocol.ProtocolVersionMessage, token);

    [Fact]
    public void A_fixed_delay_holds_the_reply_exactly_that_long()
    {
        var platform = With("delay=5ms");
        var slot = platform.Post(Version(ScmiProtocolId.Base, 1));
        Assert.False(slot.IsCompleted);
        platform.Scheduler.Advance(4.9);
        Assert.False(slot.IsCompleted);
        platform.Scheduler.Advance(0.1);
        Assert.True(slot.IsCompleted);
        Assert.Equal(12, slot.ReplyLength);
    }

    [Fact]
    public void A_random_delay_stays_in_its_range_and_repeats_with_the_same_seed()
    {
        List<double> Run()
        {
            var platform = With("delay=5ms..20ms");
            var completedAt = new List<double>();
            for (ushort token = 0; token < 20; token++)
                platform.Model.OnCommand(new TestCommandSlot(Version(ScmiProtocolId.Base, token), 64, _ => completedAt.Add(platform.Scheduler.Now.TotalMilliseconds)));
            platform.Scheduler.Advance(25);
            return completedAt;
        }
        var first = Run();
        Assert.Equal(20, first.Count);
        Assert.All(first, at => Assert.InRange(at, 5, 20));
        Assert.True(first.Distinct().Count() > 5, "a random range must not collapse to one value");
        Assert.Equal(first, Run());
    }

    [Fact]
    public void Late_holds_only_the_selected_message_past_the_agent_timeout()
    {
        var platform = With("late=BASE.PROTOCOL_VERSION:2000ms");
        var late = platform.Post(Version(ScmiProtocolId.Base, 1));
        var other = platform.Post(Version(ScmiProtocolId.Clock, 2));
        Assert.True(other.IsCompleted);
        Assert.False(late.IsCompleted);
        platform.Scheduler.Advance(1999);
        Assert.False(late.IsCompleted);
        platform.Scheduler.Advance(1);
        Assert.True(late.IsCompleted);
    }

    [Fact]
    public void Reorder_lets_the_second_reply_overtake_the_first()
    {
        var platform = With("reorder");
        var order = new List<ushort>();
        platform.Model.OnCommand(new TestCommandSlot(Version(ScmiProtocolId.Base, 1), 64, _ => order.Add(1)));
        Assert.Empty(order);
        platform.Model.OnCommand(new TestCommandSlot(Version(ScmiProtocolId.Base, 2), 64, _ => order.Add(2)));
        Assert.Equal(new ushort[] { 2, 1 }, order);
    }

    [Fact]
    public void Reorder_releases_a_lone_reply_when_its_window_ends()
    {
        var platform = With("reorder=30ms");
        var slot = platform.Post(Version(ScmiProtocolId.Base, 1));
        platform.Scheduler.Advance(29);
        Assert.False(slot.IsCompleted);
        platform.Scheduler.Advance(1);
        Assert.True(slot.IsCompleted);
    }

    [Fact]
    public void Duplicate_delivers_each_delayed_response_twice()
    {
        var platform = With("duplicate");
        platform.Post(Request(ScmiProtocolId.Clock, (byte)ClockMessage.ClockRateSet, 9, ClockProtocol.AsyncFlag, 1, 1_500_000_000, 0));
        var delivered = platform.Delivered;
        Assert.Equal(2, delivered.Count);
        Assert.Equal(delivered[0].Bytes, delivered[1].Bytes);
        Assert.Equal(9, delivered[0].Header.Token);
    }

    [Fact]
    public void Early_sends_the_delayed_response_before_its_reply()
    {
        var platform = With("early@CLOCK.RATE_SET");
        int deliveredBeforeReply = -1;
        var slot = new TestCommandSlot(Request(ScmiProtocolId.Clock, (byte)ClockMessage.ClockRateSet, 4, ClockProtocol.AsyncFlag, 1, 1_500_000_000, 0), 128,
            _ => deliveredBeforeReply = platform.Events.Delivered.Count);
        platform.Model.OnCommand(slot);
        Assert.Equal(1, deliveredBeforeReply);
        Assert.Equal(ScmiMessageType.DelayedResponse, Assert.Single(platform.Delivered).Header.Type);
        Assert.Equal(8, slot.ReplyLength);
    }

    [Theory]
    [InlineData("corrupt=token", HeaderField.Token)]
    [InlineData("corrupt=msgid", HeaderField.MessageId)]
    [InlineData("corrupt=protocol", HeaderField.Protocol)]
    [InlineData("corrupt=type", HeaderField.Type)]
    public void Corrupt_changes_exactly_the_named_header_field(string fault, HeaderField field)
    {
        var platform = With(fault);
        var slot = platform.Post(Version(ScmiProtocolId.Clock, 0x100));
        var header = ScmiHeader.Read(slot.ReplyBytes);
        var sent = new ScmiHeader(0, ScmiMessageType.Command, (byte)ScmiProtocolId.Clock, 0x100);
        Assert.Equal(field == HeaderField.Token, header.Token != sent.Token);
        Assert.Equal(field == HeaderField.MessageId, header.MessageId != sent.MessageId);
        Assert.Equal(field == HeaderField.Protocol, header.ProtocolId != sent.ProtocolId);
        Assert.Equal(field == HeaderField.Type, header.Type != sent.Type);
        Assert.Equal(12, slot.ReplyLength);
    }

    [Fact]
    public void Corrupt_previous_answers_with_the_header_of_the_reply_before()
    {
        var platform = With("corrupt=previous@CLOCK.*");
        var first = platform.Post(Version(ScmiProtocolId.Base, 0x11));
        Assert.Equal(0x11, ScmiHeader.Read(first.ReplyBytes).Token); // not selected
        var second = platform.Post(Version(ScmiProtocolId.Clock, 0x12));
        Assert.Equal(new ScmiHeader(0, ScmiMessageType.Command, (byte)ScmiProtocolId.Base, 0x11), ScmiHeader.Read(second.ReplyBytes));
    }

    [Fact]
    public void Short_cuts_four_bytes_off_only_the_selected_replies()
    {
        var platform = With("short@CLOCK.RATE_GET");
        Assert.Equal(8 + 8 - 4, platform.Post(Request(ScmiProtocolId.Clock, (byte)ClockMessage.ClockRateGet, 1, 1)).ReplyLength);
        Assert.Equal(12, platform.Post(Version(ScmiProtocolId.Clock, 2)).ReplyLength);
    }

    [Fact]
    public void Flood_repeats_every_enabled_notification_after_each_reply()
    {
        var platform = With("flood=5");
        platform.Send(ScmiProtocolId.Clock, 0);
        Assert.Empty(platform.Delivered); // nothing enabled: nothing to flood with
        platform.Events.Buffers = 1000;
        platform.Send(ScmiProtocolId.Performance, (byte)PerformanceMessage.PerformanceNotifyLevel, 0, 1);
        Assert.Equal(5, platform.Delivered.Count);
        Assert.All(platform.Delivered, m => Assert.Equal(ScmiHeader.Notification(ScmiProtocolId.Performance, (byte)PerformanceNotification.PerformanceLevelChanged), m.Header));
    }

    [Fact]
    public void A_flood_beyond_the_posted_buffers_is_dropped_and_counted()
    {
        var platform = new ModelHarness(faults: FaultOptions.FromTexts(["flood=100"], null), eventBuffers: 0);
        platform.Send(ScmiProtocolId.Performance, (byte)PerformanceMessage.PerformanceNotifyLevel, 0, 1);
        Assert.Equal(100 - EventOutbox.NotificationBacklog, platform.Model.Events.DroppedNotifications);
    }

    [Fact]
    public void Drop_never_completes_the_selected_message_but_still_executes_it()
    {
        var platform = With("drop=CLOCK.RATE_SET");
        var slot = platform.Post(Request(ScmiProtocolId.Clock, (byte)ClockMessage.ClockRateSet, 1, 0, 1, 1_300_000_000, 0));
        platform.Scheduler.Advance(60_000);
        Assert.False(slot.IsCompleted);
        Assert.Equal(1, platform.Model.DroppedReplies);
        Assert.Equal(1_300_000_000ul, platform.Send(ScmiProtocolId.Clock, (byte)ClockMessage.ClockRateGet, 1).Value64(0));
    }

    [Fact]
    public void Error_answers_with_the_status_without_executing()
    {
        var platform = With("error=CLOCK.RATE_SET:BUSY");
        var slot = platform.Post(Request(ScmiProtocolId.Clock, (byte)ClockMessage.ClockRateSet, 1, 0, 1, 1_300_000_000, 0));
        Assert.Equal(8, slot.ReplyLength);
        Assert.Equal((int)ScmiStatus.Busy, BinaryPrimitives.ReadInt32LittleEndian(slot.ReplyBytes.AsSpan(4)));
        Assert.Equal(1_000_000_000ul, platform.Send(ScmiProtocolId.Clock, (byte)ClockMessage.ClockRateGet, 1).Value64(0));
    }

    [Fact]
    public void A_reset_abandons_held_replies_so_late_timers_complete_nothing()
    {
        var platform = With("delay=10ms");
        var slot = platform.Post(Version(ScmiProtocolId.Base, 1));
        platform.Model.Reset();
        platform.Scheduler.Advance(20);
        Assert.False(slot.IsCompleted);
        var after = platform.Post(Version(ScmiProtocolId.Base, 2));
        platform.Scheduler.Advance(10);
        Assert.True(after.IsCompleted);
    }

    [Fact]
    public void Faults_listed_in_the_description_apply_too()
    {
        var description = new ScmiPlatform.Description.PlatformDescription { Faults = ["error=BASE.DISCOVER_VENDOR:DENIED"] };
        var platform = new ModelHarness(description);
        Assert.Equal(ScmiStatus.Denied, platform.Status(ScmiProtocolId.Base, (byte)BaseMessage.DiscoverVendor));
    }

    [Fact]
    public void An_intermittent_fault_strikes_about_its_share_of_commands_and_the_same_ones_for_the_same_seed()
    {
        int[] Dropped(int seed)
        {
            var platform = new ModelHarness(faults: FaultOptions.FromTexts(["drop=BASE.PROTOCOL_VERSION~25%"], seed));
            return Enumerable.Range(0, 400)
                .Where(token => !platform.Post(Version(ScmiProtocolId.Base, (ushort)token)).IsCompleted)
                .ToArray();
        }
        var first = Dropped(5);
        Assert.InRange(first.Length, 60, 140); // 25% of 400 = 100
        Assert.Equal(first, Dropped(5));
        Assert.NotEqual(first, Dropped(6));
    }
}
