// Performance protocol 0x13 against DEN0056 §4.5: domain attributes, level descriptions with paging,
// limits and levels that persist and validate, and their notifications.
using Platform.Tests.Protocols.Support;
using ScmiPlatform.Protocols;
using ScmiPlatform.Scmi;
using Xunit;

namespace Platform.Tests.Protocols;

public sealed class PerformanceProtocolTests
{
    private const uint Little = 0, Big = 1, Gpu = 2;
    private readonly ModelHarness _platform = new();

    private ScmiReply Send(PerformanceMessage message, params uint[] parameters) => _platform.Send(ScmiProtocolId.Performance, (byte)message, parameters);

    [Fact]
    public void ProtocolAttributes_report_domains_and_milliwatt_power_without_statistics()
    {
        var reply = Send(PerformanceMessage.ProtocolAttributes);
        Assert.Equal(8 + 16, reply.Length);
        Assert.Equal(3u | 1u << 16, reply.Value(0));
        Assert.Equal(new uint[] { 0, 0, 0 }, new[] { reply.Value(1), reply.Value(2), reply.Value(3) });
    }

    [Fact]
    public void DomainAttributes_give_permissions_rate_limit_sustained_point_and_name()
    {
        var reply = Send(PerformanceMessage.PerformanceDomainAttributes, Little);
        Assert.Equal(8 + 16 + 16, reply.Length);
        Assert.Equal(1u << 31 | 1u << 30 | 1u << 29 | 1u << 28, reply.Value(0));
        Assert.Equal(1000u, reply.Value(1));
        Assert.Equal(1_400_000u, reply.Value(2));
        Assert.Equal(1400u, reply.Value(3));
        Assert.Equal("little-cpus", reply.Name(16, 16));
        Assert.Equal(0u, Send(PerformanceMessage.PerformanceDomainAttributes, Gpu).Value(0) & 1u << 31); // limits not settable
        Assert.Equal(ScmiStatus.NotFound, Send(PerformanceMessage.PerformanceDomainAttributes, 3).Status);
    }

    [Fact]
    public void DescribeLevels_returns_twelve_byte_entries_and_pages()
    {
        var all = Send(PerformanceMessage.PerformanceDescribeLevels, Big, 0);
        Assert.Equal(8 + 4 + 7 * 12, all.Length);
        Assert.Equal(7u, all.Value(0));
        Assert.Equal(new uint[] { 600, 150, 200 }, new[] { all.Value(1), all.Value(2), all.Value(3) });
        Assert.Equal(new uint[] { 2800, 1600, 300 }, new[] { all.Value(19), all.Value(20), all.Value(21) });

        var page = _platform.SendWithCapacity(8 + 4 + 2 * 12, ScmiProtocolId.Performance, (byte)PerformanceMessage.PerformanceDescribeLevels, Big, 2);
        Assert.Equal(2u | 3u << 16, page.Value(0));
        Assert.Equal(1200u, page.Value(1));
        Assert.Equal(ScmiStatus.InvalidParameters, Send(PerformanceMessage.PerformanceDescribeLevels, Big, 7).Status);
        Assert.Equal(ScmiStatus.NotFound, Send(PerformanceMessage.PerformanceDescribeLevels, 9, 0).Status);
    }

    [Fact]
    public void LevelSet_persists_an_operating_point_within_the_limits()
    {
        Assert.Equal(1200u, Send(PerformanceMessage.PerformanceLevelGet, Big).Value(0));
        Assert.Equal(ScmiStatus.Success, Send(PerformanceMessage.PerformanceLevelSet, Big, 2000).Status);
        Assert.Equal(2000u, Send(PerformanceMessage.PerformanceLevelGet, Big).Value(0));
    }

    [Fact]
    public void LevelSet_refuses_levels_outside_the_limits_and_unknown_levels()
    {
        Assert.Equal(ScmiStatus.OutOfRange, Send(PerformanceMessage.PerformanceLevelSet, Big, 2800).Status); // above limit 2400
        Assert.Equal(ScmiStatus.InvalidParameters, Send(PerformanceMessage.PerformanceLevelSet, Big, 1000).Status);
        Assert.Equal(ScmiStatus.NotFound, Send(PerformanceMessage.PerformanceLevelSet, 5, 1000).Status);
        Assert.Equal(1200u, Send(PerformanceMessage.PerformanceLevelGet, Big).Value(0));
    }

    [Fact]
    public void LimitsSet_persists_and_pulls_the_level_inside()
    {
        var limits = Send(PerformanceMessage.PerformanceLimitsGet, Big);
        Assert.Equal((2400u, 600u), (limits.Value(0), limits.Value(1)));
        Assert.Equal(ScmiStatus.Success, Send(PerformanceMessage.PerformanceLimitsSet, Big, 1000, 600).Status);
        limits = Send(PerformanceMessage.PerformanceLimitsGet, Big);
        Assert.Equal((1000u, 600u), (limits.Value(0), limits.Value(1)));
        Assert.Equal(900u, Send(PerformanceMessage.PerformanceLevelGet, Big).Value(0));
    }

    [Fact]
    public void LimitsSet_refuses_inverted_out_of_range_and_forbidden_limits()
    {
        Assert.Equal(ScmiStatus.InvalidParameters, Send(PerformanceMessage.PerformanceLimitsSet, Big, 600, 1200).Status);
        Assert.Equal(ScmiStatus.OutOfRange, Send(PerformanceMessage.PerformanceLimitsSet, Big, 3000, 600).Status);
        Assert.Equal(ScmiStatus.OutOfRange, Send(PerformanceMessage.PerformanceLimitsSet, Big, 1000, 950).Status); // no operating point inside
        Assert.Equal(ScmiStatus.Denied, Send(PerformanceMessage.PerformanceLimitsSet, Gpu, 800, 200).Status);
    }

    [Fact]
    public void Limit_and_level_changes_are_notified_when_enabled()
    {
        Assert.Equal(ScmiStatus.Success, Send(PerformanceMessage.PerformanceNotifyLimits, Big, 1).Status);
        Assert.Equal(ScmiStatus.Success, Send(PerformanceMessage.PerformanceNotifyLevel, Big, 1).Status);
        Send(PerformanceMessage.PerformanceLimitsSet, Big, 1000, 600);
        var messages = _platform.Delivered;
        Assert.Equal(2, messages.Count);
        Assert.Equal(ScmiHeader.Notification(ScmiProtocolId.Performance, (byte)PerformanceNotification.PerformanceLimitsChanged), messages[0].Header);
        Assert.Equal(new uint[] { 1, Big, 1000, 600 }, Enumerable.Range(0, 4).Select(messages[0].Payload).ToArray());
        Assert.Equal(ScmiHeader.Notification(ScmiProtocolId.Performance, (byte)PerformanceNotification.PerformanceLevelChanged), messages[1].Header);
        Assert.Equal(new uint[] { 1, Big, 900 }, Enumerable.Range(0, 3).Select(messages[1].Payload).ToArray());
        Send(PerformanceMessage.PerformanceLevelSet, Little, 700); // not subscribed
        Assert.Equal(2, _platform.Delivered.Count);
    }

    [Fact]
    public void DomainNameGet_is_not_supported_for_short_names_and_fastchannels_are_not_offered()
    {
        Assert.Equal(ScmiStatus.NotSupported, Send(PerformanceMessage.PerformanceDomainNameGet, Little).Status);
        Assert.Equal(ScmiStatus.NotFound, Send(PerformanceMessage.ProtocolMessageAttributes, 0xB).Status);
    }
}
