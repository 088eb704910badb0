// The Performance protocol client against the platform model (platforms/default.json): domains, levels with paging, limits, levels, events.
using Scmi.Protocols;
using Scmi.Tests.Doubles;
using static Scmi.Tests.Protocols.ProtocolHarness;

namespace Scmi.Tests.Protocols;

public sealed class PerformanceProtocolTests
{
    // default.json: 0 little-cpus (5 levels 400..1800, at 1000), 1 big-cpus (7 levels 600..2800, limits 600..2400, at 1200),
    // 2 gpu (4 levels 200..800, limits fixed, at 800).
    private static (Loopback Loop, ScmiAgent Agent, PerformanceProtocol Perf) Up(int maxPayloadBytes = 128, ulong features = Loopback.DefaultFeatures)
    {
        var (loop, agent) = Real(maxPayloadBytes: maxPayloadBytes, features: features);
        var perf = new PerformanceProtocol(agent);
        Assert.True(perf.Discover().IsSuccess);
        return (loop, agent, perf);
    }

    [Fact]
    public void Discovery_reports_version_3_three_domains_and_milliwatts()
    {
        var (_, _, perf) = Up();
        Assert.Equal(3, perf.Version.Major);
        Assert.Equal(3, perf.DomainCount);
        Assert.True(perf.PowerInMilliwatts);
        foreach (byte message in new[] { PerformanceMessages.DomainAttributes, PerformanceMessages.DescribeLevels, PerformanceMessages.LimitsSet,
            PerformanceMessages.LimitsGet, PerformanceMessages.LevelSet, PerformanceMessages.LevelGet, PerformanceMessages.NotifyLimits,
            PerformanceMessages.NotifyLevel, PerformanceMessages.DomainNameGet })
        {
            Assert.True(perf.GetMessageAttributes(message, out _).IsSuccess);
        }
        Assert.Equal(ScmiStatus.NotFound, perf.GetMessageAttributes(PerformanceMessages.DescribeFastChannel, out _).Status);
    }

    [Fact]
    public void Domain_attributes_and_names()
    {
        var (_, _, perf) = Up();
        Span<byte> name = stackalloc byte[64];
        Assert.True(perf.GetDomainAttributes(0, out PerformanceDomainAttributes attributes, name, out int length).IsSuccess);
        Assert.Equal("little-cpus", Text(name, length));
        Assert.Equal(1000u, attributes.RateLimitMicroseconds);
        Assert.Equal(1400000u, attributes.SustainedFrequencyKhz);
        Assert.Equal(1400u, attributes.SustainedLevel);
        Assert.True(attributes.CanSetLevel);
        Assert.True(attributes.CanSetLimits);
        Assert.True(attributes.LevelNotifySupported && attributes.LimitsNotifySupported);
        Assert.False(attributes.FastChannelsSupported);
        Assert.False(attributes.HasExtendedName);
        Assert.True(perf.GetDomainAttributes(2, out attributes, name, out length).IsSuccess);
        Assert.Equal("gpu", Text(name, length));
        Assert.False(attributes.CanSetLimits);
        Assert.Equal(ScmiStatus.NotFound, perf.GetDomainAttributes(3, out _, name, out _).Status);
        Assert.Equal(ScmiStatus.NotSupported, perf.GetExtendedName(0, name, out _).Status); // short names only
        Assert.Equal(ScmiStatus.NotFound, perf.GetExtendedName(3, name, out _).Status);
    }

    [Theory]
    [InlineData(16)]  // one level a page: seven pages
    [InlineData(40)]  // three a page
    [InlineData(128)] // one page
    public void Levels_are_walked_across_pages(int pageBytes)
    {
        var (_, _, perf) = Up();
        byte[] page = new byte[pageBytes];
        Assert.True(perf.DescribeLevels(1, page, out PerformanceLevelEnumerator levels).IsSuccess);
        Assert.Equal(7u, levels.Count);
        var seen = new List<PerformanceLevel>();
        while (levels.TryGetNext(out PerformanceLevel level))
            seen.Add(level);
        Assert.True(levels.Result.IsSuccess);
        Assert.Equal(new uint[] { 600, 900, 1200, 1600, 2000, 2400, 2800 }, seen.Select(l => l.Level));
        Assert.Equal(new uint[] { 150, 240, 360, 560, 820, 1150, 1600 }, seen.Select(l => l.PowerCost));
        Assert.Equal(300u, seen[^1].TransitionLatencyMicroseconds);
    }

    [Fact]
    public void Small_transport_messages_page_the_levels()
    {
        var (loop, _, perf) = Up(maxPayloadBytes: 28); // two levels a message
        byte[] page = new byte[128];
        Assert.True(perf.DescribeLevels(1, page, out PerformanceLevelEnumerator levels).IsSuccess);
        int count = 0;
        while (levels.TryGetNext(out _))
            count++;
        Assert.True(levels.Result.IsSuccess);
        Assert.Equal(7, count);
        Assert.Equal(loop.AllocationsAtSeal, loop.Memory.Allocations);
    }

    [Fact]
    public void Levels_of_an_unknown_domain_are_not_found_and_a_tiny_page_is_refused()
    {
        var (_, _, perf) = Up();
        byte[] page = new byte[128];
        Assert.Equal(ScmiStatus.NotFound, perf.DescribeLevels(3, page, out PerformanceLevelEnumerator levels).Status);
        Assert.False(levels.TryGetNext(out _));
        Assert.Equal(ScmiAgentError.InvalidArgument, perf.DescribeLevels(0, new byte[15], out _).Agent);
    }

    [Fact]
    public void Level_get_and_set()
    {
        var (_, _, perf) = Up();
        Assert.True(perf.GetLevel(0, out uint level).IsSuccess);
        Assert.Equal(1000u, level);
        Assert.True(perf.SetLevel(0, 1800).IsSuccess);
        Assert.True(perf.GetLevel(0, out level).IsSuccess);
        Assert.Equal(1800u, level);
        Assert.Equal(ScmiStatus.InvalidParameters, perf.SetLevel(0, 1500).Status); // not an operating point
        Assert.Equal(ScmiStatus.OutOfRange, perf.SetLevel(1, 2800).Status);        // above big-cpus' limit 2400
        Assert.Equal(ScmiStatus.NotFound, perf.SetLevel(3, 400).Status);
        Assert.Equal(ScmiStatus.NotFound, perf.GetLevel(3, out _).Status);
    }

    [Fact]
    public void Limits_get_and_set_move_the_level_inside()
    {
        var (_, _, perf) = Up();
        Assert.True(perf.GetLimits(1, out PerformanceLimits limits).IsSuccess);
        Assert.Equal(600u, limits.Min);
        Assert.Equal(2400u, limits.Max);
        Assert.True(perf.SetLimits(1, new PerformanceLimits { Min = 600, Max = 900 }).IsSuccess);
        Assert.True(perf.GetLimits(1, out limits).IsSuccess);
        Assert.Equal(900u, limits.Max);
        Assert.True(perf.GetLevel(1, out uint level).IsSuccess);
        Assert.Equal(900u, level); // 1200 was above the new maximum

        Assert.Equal(ScmiStatus.InvalidParameters, perf.SetLimits(1, new PerformanceLimits { Min = 900, Max = 600 }).Status);
        Assert.Equal(ScmiStatus.OutOfRange, perf.SetLimits(1, new PerformanceLimits { Min = 100, Max = 900 }).Status);
        Assert.Equal(ScmiStatus.Denied, perf.SetLimits(2, new PerformanceLimits { Min = 200, Max = 400 }).Status);
        Assert.Equal(ScmiStatus.NotFound, perf.SetLimits(3, new PerformanceLimits { Min = 200, Max = 400 }).Status);
        Assert.Equal(ScmiStatus.NotFound, perf.GetLimits(3, out _).Status);
    }

    [Fact]
    public void Limit_and_level_events_are_enabled_per_domain_and_decoded()
    {
        var (_, agent, perf) = Up();
        var limitEvents = new NotificationRecorder();
        var levelEvents = new NotificationRecorder();
        Assert.True(agent.Subscribe(ScmiProtocolId.Performance, PerformanceMessages.LimitsChangedEvent, limitEvents).IsSuccess);
        Assert.True(agent.Subscribe(ScmiProtocolId.Performance, PerformanceMessages.LevelChangedEvent, levelEvents).IsSuccess);
        Assert.True(perf.NotifyLimits(1, true).IsSuccess);
        Assert.True(perf.NotifyLevel(1, true).IsSuccess);
        Assert.True(perf.SetLimits(1, new PerformanceLimits { Min = 900, Max = 1600 }).IsSuccess);
        Assert.True(perf.SetLevel(0, 400).IsSuccess); // domain 0 not subscribed
        agent.ProcessPlatformMessages();
        var limits = Assert.Single(limitEvents.Seen);
        Assert.True(PerformanceLimitsChangedEvent.TryDecode(limits.Payload, out PerformanceLimitsChangedEvent limitsEvent));
        Assert.Equal(1u, limitsEvent.DomainId);
        Assert.Equal(1600u, limitsEvent.Max);
        Assert.Equal(900u, limitsEvent.Min);
        Assert.Empty(levelEvents.Seen); // 1200 lies inside the new limits

        Assert.True(perf.SetLevel(1, 1600).IsSuccess);
        agent.ProcessPlatformMessages();
        var level = Assert.Single(levelEvents.Seen);
        Assert.True(PerformanceLevelChangedEvent.TryDecode(level.Payload, out PerformanceLevelChangedEvent levelEvent));
        Assert.Equal(1u, levelEvent.DomainId);
        Assert.Equal(1600u, levelEvent.Level);

        Assert.True(perf.NotifyLevel(1, false).IsSuccess);
        Assert.True(perf.SetLevel(1, 900).IsSuccess);
        agent.ProcessPlatformMessages();
        Assert.Single(levelEvents.Seen);
        Assert.Equal(ScmiStatus.NotFound, perf.NotifyLevel(3, true).Status);
    }

    [Fact]
    public void Without_the_platform_channel_notify_is_not_supported()
    {
        var (_, _, perf) = Up(features: 1UL << 32);
        Assert.Equal(ScmiStatus.NotSupported, perf.NotifyLevel(0, true).Status);
        Assert.Equal(ScmiStatus.NotSupported, perf.NotifyLimits(0, true).Status);
        Span<byte> name = stackalloc byte[16];
        Assert.True(perf.GetDomainAttributes(0, out PerformanceDomainAttributes attributes, name, out _).IsSuccess);
        Assert.False(attributes.LevelNotifySupported);
    }

    [Fact]
    public void Event_decoders_refuse_short_payloads()
    {
        Assert.False(PerformanceLimitsChangedEvent.TryDecode(new byte[15], out _));
        Assert.True(PerformanceLimitsChangedEvent.TryDecode(new byte[16], out _));
        Assert.False(PerformanceLevelChangedEvent.TryDecode(new byte[11], out _));
        Assert.True(PerformanceLevelChangedEvent.TryDecode(new byte[12], out _));
    }
}
