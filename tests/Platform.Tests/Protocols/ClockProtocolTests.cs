// Clock protocol 0x14 against DEN0056 §4.6: attributes, rate descriptions with paging, rate set with rounding,
// asynchronous rate set with CLOCK_RATE_SET_COMPLETE, configuration, names and notifications.
using Platform.Tests.Protocols.Support;
using ScmiPlatform.Protocols;
using ScmiPlatform.Scmi;
using Xunit;
using static Platform.Tests.Protocols.Support.ScmiMessages;

namespace Platform.Tests.Protocols;

public sealed class ClockProtocolTests
{
    private const uint Uart = 0, LittlePll = 1, GpuCore = 3, Ddr = 4;
    private readonly ModelHarness _platform = new();

    private ScmiReply Send(ClockMessage message, params uint[] parameters) => _platform.Send(ScmiProtocolId.Clock, (byte)message, parameters);

    private ScmiStatus RateSet(uint flags, uint clock, ulong rate) => Send(ClockMessage.ClockRateSet, flags, clock, Low(rate), High(rate)).Status;

    private ulong RateOf(uint clock) => Send(ClockMessage.ClockRateGet, clock).Value64(0);

    [Fact]
    public void ProtocolAttributes_report_clock_count_and_async_capacity()
    {
        var reply = Send(ClockMessage.ProtocolAttributes);
        Assert.Equal(6u, reply.Value(0) & 0xFFFF);
        Assert.Equal(ClockProtocol.MaximumPendingAsync, (reply.Value(0) >> 16) & 0xFF);
    }

    [Fact]
    public void ClockAttributes_give_state_short_name_latency_and_notification_support()
    {
        var reply = Send(ClockMessage.ClockAttributes, Ddr);
        Assert.Equal(8 + 4 + 16 + 4, reply.Length);
        Assert.Equal(1u << 31 | 1u << 30 | 1u << 29 | 1u, reply.Value(0));
        Assert.Equal("ddr-controller-", reply.Name(4, 16));
        var gpu = Send(ClockMessage.ClockAttributes, GpuCore);
        Assert.Equal(0u, gpu.Value(0) & 1); // described as disabled
        Assert.Equal(50u, Send(ClockMessage.ClockAttributes, LittlePll).Value(5));
        Assert.Equal(ScmiStatus.NotFound, Send(ClockMessage.ClockAttributes, 6).Status);
    }

    [Fact]
    public void Without_P2A_the_attributes_do_not_advertise_notifications()
    {
        var quiet = new ModelHarness(p2a: false);
        Assert.Equal(0u, quiet.Send(ScmiProtocolId.Clock, (byte)ClockMessage.ClockAttributes, Ddr).Value(0) & (1u << 31 | 1u << 30));
    }

    [Fact]
    public void DescribeRates_returns_a_range_as_one_triplet()
    {
        var reply = Send(ClockMessage.ClockDescribeRates, LittlePll, 0);
        Assert.Equal(8 + 4 + 24, reply.Length);
        Assert.Equal(3u | ClockProtocol.RangeFormatBit, reply.Value(0));
        Assert.Equal(200_000_000ul, reply.Value64(1));
        Assert.Equal(1_800_000_000ul, reply.Value64(3));
        Assert.Equal(100_000_000ul, reply.Value64(5));
    }

    [Fact]
    public void DescribeRates_pages_discrete_rates_to_the_reply_area()
    {
        // 128 bytes: 8 header+status, 4 flags, then 14 rates of 8 bytes.
        var first = Send(ClockMessage.ClockDescribeRates, Ddr, 0);
        Assert.Equal(8 + 4 + 14 * 8, first.Length);
        Assert.Equal(14u | 2u << 16, first.Value(0));
        Assert.Equal(100_000_000ul, first.Value64(1));
        Assert.Equal(1_066_000_000ul, first.Value64(1 + 2 * 13));
        var second = Send(ClockMessage.ClockDescribeRates, Ddr, 14);
        Assert.Equal(2u, second.Value(0));
        Assert.Equal(1_600_000_000ul, second.Value64(1 + 2 * 1));
        var small = _platform.SendWithCapacity(28, ScmiProtocolId.Clock, (byte)ClockMessage.ClockDescribeRates, Ddr, 3);
        Assert.Equal(2u | 11u << 16, small.Value(0));
        Assert.Equal(200_000_000ul, small.Value64(1));
    }

    [Fact]
    public void DescribeRates_answers_OUT_OF_RANGE_past_the_end_and_NOT_FOUND_for_an_unknown_clock()
    {
        Assert.Equal(ScmiStatus.OutOfRange, Send(ClockMessage.ClockDescribeRates, Ddr, 16).Status);
        Assert.Equal(ScmiStatus.NotFound, Send(ClockMessage.ClockDescribeRates, 99, 0).Status);
    }

    [Fact]
    public void RateSet_persists_an_exact_rate_and_rounds_others_as_the_flags_ask()
    {
        Assert.Equal(ScmiStatus.Success, RateSet(0, LittlePll, 1_300_000_000));
        Assert.Equal(1_300_000_000ul, RateOf(LittlePll));
        Assert.Equal(ScmiStatus.Success, RateSet(0, LittlePll, 1_349_000_000));
        Assert.Equal(1_300_000_000ul, RateOf(LittlePll)); // round down is the default
        RateSet(ClockProtocol.RoundUpFlag, LittlePll, 1_301_000_000);
        Assert.Equal(1_400_000_000ul, RateOf(LittlePll));
        RateSet(ClockProtocol.RoundAutoFlag, Ddr, 180_000_000);
        Assert.Equal(166_000_000ul, RateOf(Ddr));
        RateSet(ClockProtocol.RoundAutoFlag, Ddr, 190_000_000);
        Assert.Equal(200_000_000ul, RateOf(Ddr));
    }

    [Fact]
    public void RateSet_refuses_rates_outside_the_clock_reserved_flags_and_locked_clocks()
    {
        Assert.Equal(ScmiStatus.InvalidParameters, RateSet(0, LittlePll, 100_000_000));
        Assert.Equal(ScmiStatus.InvalidParameters, RateSet(0, Ddr, 2_000_000_000));
        Assert.Equal(ScmiStatus.InvalidParameters, RateSet(1u << 4, LittlePll, 1_000_000_000));
        Assert.Equal(ScmiStatus.InvalidParameters, RateSet(ClockProtocol.RoundUpFlag | ClockProtocol.RoundAutoFlag, LittlePll, 1_000_000_000));
        Assert.Equal(ScmiStatus.Denied, RateSet(0, Uart, 24_000_000));
        Assert.Equal(ScmiStatus.NotFound, RateSet(0, 6, 24_000_000));
        Assert.Equal(1_000_000_000ul, RateOf(LittlePll));
    }

    [Fact]
    public void Async_RateSet_replies_with_status_only_then_sends_CLOCK_RATE_SET_COMPLETE_with_the_same_token()
    {
        var slot = _platform.Post(Request(ScmiProtocolId.Clock, (byte)ClockMessage.ClockRateSet, 0x155, ClockProtocol.AsyncFlag, LittlePll, Low(1_500_000_000), High(1_500_000_000)));
        Assert.Equal(8, slot.ReplyLength);
        var response = Assert.Single(_platform.Delivered);
        Assert.Equal(new ScmiHeader((byte)ClockMessage.ClockRateSet, ScmiMessageType.DelayedResponse, (byte)ScmiProtocolId.Clock, 0x155), response.Header);
        Assert.Equal(8 + 12, response.Length);
        Assert.Equal(ScmiStatus.Success, response.Status);
        Assert.Equal(LittlePll, response.Value(0));
        Assert.Equal(1_500_000_000ul, response.Value64(1));
    }

    [Fact]
    public void Async_RateSet_needs_P2A_unless_the_delayed_response_is_declined()
    {
        var quiet = new ModelHarness(p2a: false);
        Assert.Equal(ScmiStatus.NotSupported, quiet.Status(ScmiProtocolId.Clock, (byte)ClockMessage.ClockRateSet, ClockProtocol.AsyncFlag, LittlePll, Low(1_500_000_000), 0));
        Assert.Equal(ScmiStatus.Success, quiet.Status(ScmiProtocolId.Clock, (byte)ClockMessage.ClockRateSet, ClockProtocol.AsyncFlag | ClockProtocol.IgnoreDelayedResponseFlag, LittlePll, Low(1_500_000_000), 0));
        Assert.Empty(quiet.Delivered);
    }

    [Fact]
    public void ConfigSet_enables_and_disables_and_refuses_reserved_bits_and_locked_clocks()
    {
        Assert.Equal(ScmiStatus.Success, Send(ClockMessage.ClockConfigSet, GpuCore, ClockProtocol.EnableBit).Status);
        Assert.Equal(1u, Send(ClockMessage.ClockAttributes, GpuCore).Value(0) & 1);
        Assert.Equal(ScmiStatus.Success, Send(ClockMessage.ClockConfigSet, GpuCore, 0).Status);
        Assert.Equal(0u, Send(ClockMessage.ClockAttributes, GpuCore).Value(0) & 1);
        Assert.Equal(ScmiStatus.InvalidParameters, Send(ClockMessage.ClockConfigSet, GpuCore, 0x2).Status);
        Assert.Equal(ScmiStatus.Denied, Send(ClockMessage.ClockConfigSet, Uart, 0).Status);
    }

    [Fact]
    public void NameGet_returns_the_full_name_only_for_clocks_with_extended_names()
    {
        var reply = Send(ClockMessage.ClockNameGet, Ddr);
        Assert.Equal(8 + 4 + 64, reply.Length);
        Assert.Equal(0u, reply.Value(0));
        Assert.Equal("ddr-controller-reference", reply.Name(4, 64));
        Assert.Equal(ScmiStatus.NotSupported, Send(ClockMessage.ClockNameGet, Uart).Status);
    }

    [Fact]
    public void Rate_changes_are_notified_only_after_the_agent_enabled_them()
    {
        RateSet(0, LittlePll, 1_100_000_000);
        Assert.Empty(_platform.Delivered);
        Assert.Equal(ScmiStatus.Success, Send(ClockMessage.ClockRateNotify, LittlePll, 1).Status);
        Assert.Equal(ScmiStatus.Success, Send(ClockMessage.ClockRateChangeRequestedNotify, LittlePll, 1).Status);
        RateSet(0, LittlePll, 1_200_000_000);
        var messages = _platform.Delivered;
        Assert.Equal(2, messages.Count);
        Assert.Equal(ScmiHeader.Notification(ScmiProtocolId.Clock, (byte)ClockNotification.ClockRateChangeRequested), messages[0].Header);
        Assert.Equal(ScmiHeader.Notification(ScmiProtocolId.Clock, (byte)ClockNotification.ClockRateChanged), messages[1].Header);
        Assert.Equal(new uint[] { 1, LittlePll }, new[] { messages[1].Payload(0), messages[1].Payload(1) });
        Assert.Equal(1_200_000_000ul, messages[1].Payload64(2));

        Send(ClockMessage.ClockRateNotify, LittlePll, 0);
        Send(ClockMessage.ClockRateChangeRequestedNotify, LittlePll, 0);
        RateSet(0, LittlePll, 1_300_000_000);
        Assert.Equal(2, _platform.Delivered.Count);
    }

    [Fact]
    public void Notify_requests_refuse_reserved_bits_unknown_clocks_and_a_missing_eventq()
    {
        Assert.Equal(ScmiStatus.InvalidParameters, Send(ClockMessage.ClockRateNotify, LittlePll, 2).Status);
        Assert.Equal(ScmiStatus.NotFound, Send(ClockMessage.ClockRateNotify, 40, 1).Status);
        var quiet = new ModelHarness(p2a: false);
        Assert.Equal(ScmiStatus.NotSupported, quiet.Status(ScmiProtocolId.Clock, (byte)ClockMessage.ClockRateNotify, LittlePll, 1));
    }
}
