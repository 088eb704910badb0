// The Clock protocol client against the platform model (platforms/default.json): every command, its errors, paging, async, events.
using Scmi.Tests.Doubles;
using Scmi.Protocols;
using static Scmi.Tests.Protocols.ProtocolHarness;

namespace Scmi.Tests.Protocols;

public sealed class ClockProtocolTests
{
    // default.json: 0 uart0 (locked, 24 MHz), 1 cpu-little-pll (range), 2 cpu-big-pll (range), 3 gpu-core (4 rates, off),
    // 4 ddr-controller-reference (16 rates, extended name), 5 i2c-bus (3 rates).
    private static readonly ulong[] DdrRates =
    {
        100000000, 133000000, 166000000, 200000000, 266000000, 333000000, 400000000, 533000000,
        600000000, 666000000, 733000000, 800000000, 933000000, 1066000000, 1200000000, 1600000000,
    };

    private static (Loopback Loop, ScmiAgent Agent, ClockProtocol Clock) Up(int maxPayloadBytes = 128, ulong features = Loopback.DefaultFeatures)
    {
        var (loop, agent) = Real(maxPayloadBytes: maxPayloadBytes, features: features);
        var clock = new ClockProtocol(agent);
        Assert.True(clock.Discover().IsSuccess);
        return (loop, agent, clock);
    }

    private static ScmiPlatform.Protocols.ClockProtocol PlatformClock(Loopback loop) =>
        loop.Platform!.Model.Protocol<ScmiPlatform.Protocols.ClockProtocol>()!;

    [Fact]
    public void Discovery_reports_version_2_0_six_clocks_and_eight_pending_async_changes()
    {
        var (_, _, clock) = Up();
        Assert.Equal(2, clock.Version.Major);
        Assert.Equal(6, clock.ClockCount);
        Assert.Equal(8, clock.MaxPendingAsyncRateChanges);
        Assert.True(clock.IsDiscovered);
    }

    [Theory]
    [InlineData(ClockMessages.Attributes)]
    [InlineData(ClockMessages.DescribeRates)]
    [InlineData(ClockMessages.RateSet)]
    [InlineData(ClockMessages.RateGet)]
    [InlineData(ClockMessages.ConfigSet)]
    [InlineData(ClockMessages.NameGet)]
    [InlineData(ClockMessages.RateNotify)]
    [InlineData(ClockMessages.RateChangeRequestedNotify)]
    public void Every_message_of_the_client_is_implemented_by_the_platform(byte message)
    {
        var (_, _, clock) = Up();
        Assert.True(clock.GetMessageAttributes(message, out _).IsSuccess);
    }

    [Fact]
    public void Config_get_of_clock_v3_is_not_found()
    {
        var (_, _, clock) = Up();
        Assert.Equal(ScmiStatus.NotFound, clock.GetMessageAttributes(0xB, out _).Status);
    }

    [Fact]
    public void Attributes_give_state_latency_and_short_name()
    {
        var (_, _, clock) = Up();
        Span<byte> name = stackalloc byte[64];
        Assert.True(clock.GetAttributes(1, out ClockAttributes attributes, name, out int length).IsSuccess);
        Assert.Equal("cpu-little-pll", Text(name, length));
        Assert.True(attributes.Enabled);
        Assert.False(attributes.HasExtendedName);
        Assert.Equal(50u, attributes.EnableLatencyMicroseconds);
        Assert.True(attributes.RateChangedNotifySupported);
        Assert.True(attributes.RateChangeRequestedNotifySupported);
        Assert.True(clock.GetAttributes(3, out attributes, name, out _).IsSuccess);
        Assert.False(attributes.Enabled);
    }

    [Fact]
    public void A_long_name_is_read_through_CLOCK_NAME_GET()
    {
        var (_, _, clock) = Up();
        Span<byte> name = stackalloc byte[64];
        Assert.True(clock.GetAttributes(4, out ClockAttributes attributes, name, out int length).IsSuccess);
        Assert.True(attributes.HasExtendedName);
        Assert.Equal("ddr-controller-reference", Text(name, length));
    }

    [Fact]
    public void A_name_is_truncated_to_the_callers_span()
    {
        var (_, _, clock) = Up();
        Span<byte> name = stackalloc byte[3];
        Assert.True(clock.GetAttributes(4, out _, name, out int length).IsSuccess);
        Assert.Equal("ddr", Text(name, length));
    }

    [Fact]
    public void Name_get_of_a_short_name_is_not_supported_and_of_a_bad_id_not_found()
    {
        var (_, _, clock) = Up();
        Span<byte> name = stackalloc byte[64];
        Assert.Equal(ScmiStatus.NotSupported, clock.GetExtendedName(1, name, out _).Status);
        Assert.Equal(ScmiStatus.NotFound, clock.GetExtendedName(6, name, out _).Status);
    }

    [Fact]
    public void Attributes_of_an_unknown_clock_are_not_found()
    {
        var (_, _, clock) = Up();
        Span<byte> name = stackalloc byte[64];
        Assert.Equal(ScmiStatus.NotFound, clock.GetAttributes(6, out _, name, out _).Status);
        Assert.Equal(ScmiStatus.NotFound, clock.GetAttributes(uint.MaxValue, out _, name, out _).Status);
    }

    [Theory]
    [InlineData(128)] // one page
    [InlineData(36)]  // four rates a page: four pages
    [InlineData(12)]  // one rate a page: sixteen pages
    public void Discrete_rates_are_walked_across_pages(int pageBytes)
    {
        var (_, _, clock) = Up();
        Span<byte> page = stackalloc byte[pageBytes];
        Assert.True(clock.DescribeRates(4, page, out ClockRateEnumerator rates).IsSuccess);
        Assert.False(rates.IsRange);
        Assert.Equal(16u, rates.Count);
        var seen = new List<ulong>();
        while (rates.TryGetNext(out ulong rate))
            seen.Add(rate);
        Assert.True(rates.Result.IsSuccess);
        Assert.Equal(DdrRates, seen);
    }

    [Fact]
    public void Small_transport_messages_page_the_rate_list()
    {
        var (loop, _, clock) = Up(maxPayloadBytes: 44);
        Span<byte> page = stackalloc byte[128];
        Assert.True(clock.DescribeRates(4, page, out ClockRateEnumerator rates).IsSuccess);
        var seen = new List<ulong>();
        while (rates.TryGetNext(out ulong rate))
            seen.Add(rate);
        Assert.True(rates.Result.IsSuccess);
        Assert.Equal(DdrRates, seen);
        Assert.Equal(loop.AllocationsAtSeal, loop.Memory.Allocations);
    }

    [Fact]
    public void A_range_comes_whole_as_one_triplet()
    {
        var (_, _, clock) = Up();
        Span<byte> page = stackalloc byte[28];
        Assert.True(clock.DescribeRates(2, page, out ClockRateEnumerator rates).IsSuccess);
        Assert.True(rates.IsRange);
        Assert.Equal(300000000ul, rates.Range.Lowest);
        Assert.Equal(2800000000ul, rates.Range.Highest);
        Assert.Equal(50000000ul, rates.Range.Step);
        Assert.False(rates.TryGetNext(out _));
    }

    [Fact]
    public void A_page_too_small_for_a_range_fails_instead_of_walking()
    {
        var (_, _, clock) = Up();
        Span<byte> page = stackalloc byte[20];
        Assert.False(clock.DescribeRates(2, page, out ClockRateEnumerator rates).IsSuccess);
        Assert.False(rates.TryGetNext(out _));
        Span<byte> tiny = stackalloc byte[8];
        Assert.Equal(ScmiAgentError.InvalidArgument, clock.DescribeRates(4, tiny, out _).Agent);
    }

    [Fact]
    public void Describe_rates_of_an_unknown_clock_is_not_found()
    {
        var (_, _, clock) = Up();
        Span<byte> page = stackalloc byte[128];
        Assert.Equal(ScmiStatus.NotFound, clock.DescribeRates(9, page, out ClockRateEnumerator rates).Status);
        Assert.False(rates.TryGetNext(out _));
    }

    [Fact]
    public void Rate_get_and_sync_set_with_each_rounding()
    {
        var (loop, _, clock) = Up();
        Assert.True(clock.GetRate(4, out ulong rate).IsSuccess);
        Assert.Equal(800000000ul, rate);
        Assert.True(clock.SetRate(4, 250000000).IsSuccess);
        Assert.True(clock.GetRate(4, out rate).IsSuccess);
        Assert.Equal(200000000ul, rate);
        Assert.True(clock.SetRate(4, 250000000, ClockRounding.Up).IsSuccess);
        Assert.True(clock.GetRate(4, out rate).IsSuccess);
        Assert.Equal(266000000ul, rate);
        Assert.True(clock.SetRate(1, 1_260_000_000, ClockRounding.Auto).IsSuccess);
        Assert.True(clock.GetRate(1, out rate).IsSuccess);
        Assert.Equal(1_300_000_000ul, rate);
        Assert.Equal(1_300_000_000ul, PlatformClock(loop).RateOf(1));
    }

    [Fact]
    public void Rate_set_errors_come_back_as_statuses()
    {
        var (_, _, clock) = Up();
        Assert.Equal(ScmiStatus.InvalidParameters, clock.SetRate(4, 1).Status);            // below the lowest rate
        Assert.Equal(ScmiStatus.InvalidParameters, clock.SetRate(4, 2_000_000_000).Status); // above the highest
        Assert.Equal(ScmiStatus.Denied, clock.SetRate(0, 24000000).Status);                  // locked
        Assert.Equal(ScmiStatus.NotFound, clock.SetRate(6, 24000000).Status);
        Assert.Equal(ScmiStatus.NotFound, clock.GetRate(6, out _).Status);
    }

    [Fact]
    public void Async_rate_set_returns_the_rate_of_the_delayed_response()
    {
        var (_, agent, clock) = Up();
        Assert.True(clock.SetRateAsync(5, 900000, out ulong set).IsSuccess);
        Assert.Equal(400000ul, set);
        Assert.True(clock.SetRateAsync(5, 900000, out set, ClockRounding.Up, ScmiCompletion.Poll).IsSuccess);
        Assert.Equal(1000000ul, set);
        Assert.True(clock.GetRate(5, out ulong rate).IsSuccess);
        Assert.Equal(1000000ul, rate);
        Assert.Equal(0, agent.TransfersInUse);
    }

    [Fact]
    public void Async_rate_set_errors_end_the_transfer()
    {
        var (_, agent, clock) = Up();
        Assert.Equal(ScmiStatus.NotFound, clock.SetRateAsync(6, 900000, out _).Status);
        Assert.Equal(ScmiStatus.Denied, clock.SetRateAsync(0, 24000000, out _).Status);
        Assert.Equal(0, agent.TransfersInUse);
    }

    [Fact]
    public void Without_the_platform_channel_async_set_and_notify_are_refused()
    {
        var (_, _, clock) = Up(features: 1UL << 32);
        Assert.Equal(ScmiAgentError.NoPlatformChannel, clock.SetRateAsync(5, 100000, out _).Agent);
        Assert.True(clock.SetRateNoWait(5, 100000).IsSuccess); // no delayed response asked: nothing needs the eventq
        Assert.Equal(ScmiStatus.NotSupported, clock.NotifyRateChanged(5, true).Status);
    }

    [Fact]
    public void Async_set_without_a_delayed_response_changes_the_rate()
    {
        var (_, agent, clock) = Up();
        Assert.True(clock.SetRateNoWait(3, 600000000).IsSuccess);
        agent.ProcessPlatformMessages();
        Assert.True(clock.GetRate(3, out ulong rate).IsSuccess);
        Assert.Equal(600000000ul, rate);
        Assert.Equal(0ul, agent.Counters.DelayedUnexpected);
    }

    [Fact]
    public void Enable_and_disable_through_config_set()
    {
        var (loop, _, clock) = Up();
        Span<byte> name = stackalloc byte[16];
        Assert.True(clock.Enable(3).IsSuccess);
        Assert.True(PlatformClock(loop).IsEnabled(3));
        Assert.True(clock.GetAttributes(3, out ClockAttributes attributes, name, out _).IsSuccess);
        Assert.True(attributes.Enabled);
        Assert.True(clock.Disable(3).IsSuccess);
        Assert.False(PlatformClock(loop).IsEnabled(3));
        Assert.Equal(ScmiStatus.Denied, clock.Disable(0).Status);
        Assert.Equal(ScmiStatus.NotFound, clock.Enable(6).Status);
    }

    [Fact]
    public void Rate_events_are_enabled_per_clock_and_decoded()
    {
        var (_, agent, clock) = Up();
        var changed = new NotificationRecorder();
        var requested = new NotificationRecorder();
        Assert.True(agent.Subscribe(ScmiProtocolId.Clock, ClockMessages.RateChangedEvent, changed).IsSuccess);
        Assert.True(agent.Subscribe(ScmiProtocolId.Clock, ClockMessages.RateChangeRequestedEvent, requested).IsSuccess);
        Assert.True(clock.NotifyRateChanged(5, true).IsSuccess);
        Assert.True(clock.NotifyRateChangeRequested(5, true).IsSuccess);
        Assert.True(clock.SetRate(5, 1000000).IsSuccess);
        Assert.True(clock.SetRate(4, 1600000000).IsSuccess); // not subscribed: no event
        agent.ProcessPlatformMessages();
        Assert.Single(changed.Seen);
        Assert.Single(requested.Seen);
        Assert.True(ClockRateEvent.TryDecode(changed.Seen[0].Payload, out ClockRateEvent rateEvent));
        Assert.Equal(5u, rateEvent.ClockId);
        Assert.Equal(1000000ul, rateEvent.Rate);
        Assert.True(ClockRateEvent.TryDecode(requested.Seen[0].Payload, out rateEvent));
        Assert.Equal(1000000ul, rateEvent.Rate);

        Assert.True(clock.NotifyRateChanged(5, false).IsSuccess);
        Assert.True(clock.SetRate(5, 100000).IsSuccess);
        agent.ProcessPlatformMessages();
        Assert.Single(changed.Seen);
        Assert.Equal(2, requested.Seen.Count);
        Assert.Equal(ScmiStatus.NotFound, clock.NotifyRateChanged(6, true).Status);
    }

    [Fact]
    public void A_short_event_payload_is_refused()
    {
        Assert.False(ClockRateEvent.TryDecode(new byte[15], out _));
        Assert.True(ClockRateEvent.TryDecode(new byte[16], out _));
    }

    /// <summary>A platform that answers CLOCK_RATE_SET (async) and then posts CLOCK_RATE_SET_COMPLETE naming <paramref name="completedClock"/>.</summary>
    private static (ScmiAgent Agent, ClockProtocol Clock) CompletingFor(uint completedClock)
    {
        (_, ScmiAgent agent) = Scripted(0x20000, (protocol, message, parameters) => message switch
        {
            1 => (0, Words(6 | 1u << 16)),               // six clocks, one asynchronous rate change at a time
            ClockMessages.RateSet => (0, Array.Empty<byte>()),
            _ => null,
        }, (loop, header) =>
        {
            if ((byte)header == ClockMessages.RateSet)
            {
                // SCMI DEN0056E §4.6.3.1 CLOCK_RATE_SET_COMPLETE: status, clock_id, rate low word, rate high word.
                Scmi.Tests.Agent.AgentHarness.PostPlatformMessage(loop,
                    Scmi.Tests.Agent.AgentHarness.DelayedHeader(ScmiProtocolId.Clock, ClockMessages.RateSet, TokenOf(header)), Words(0, completedClock, 400000000, 0));
            }
        });
        var clock = new ClockProtocol(agent);
        Assert.True(clock.Discover().IsSuccess);
        return (agent, clock);
    }

    [Fact]
    public void An_async_rate_set_completion_for_the_clock_asked_is_believed()
    {
        (ScmiAgent agent, ClockProtocol clock) = CompletingFor(3);
        Assert.True(clock.SetRateAsync(3, 400000000, out ulong set).IsSuccess);
        Assert.Equal(400000000UL, set);
        Assert.Equal(0, agent.TransfersInUse);
    }

    [Fact]
    public void An_async_rate_set_completion_naming_another_clock_is_not_believed()
    {
        (ScmiAgent agent, ClockProtocol clock) = CompletingFor(4);
        Assert.Equal(ScmiAgentError.ReplyInvalid, clock.SetRateAsync(3, 400000000, out _).Agent); // asked for clock 3, told about 4
        Assert.Equal(0, agent.TransfersInUse);
    }
}
