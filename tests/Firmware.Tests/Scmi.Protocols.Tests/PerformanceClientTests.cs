// The Performance protocol client on target against the platform daemon: domains, paged levels, limits and levels, level events.
using System;
using Nano.TestFramework;
using Scmi;

namespace Scmi.Protocols.Tests;

[TestClass]
public class PerformanceClientTests
{
    private const uint BigCpus = 1; // 7 levels 600..2800, limits 600..2400, at 1200
    private const uint Gpu = 2;     // limits not settable

    private static PerformanceProtocol? s_perf;
    private static LevelHandler? s_levels;

    [Setup]
    public static void BringUp() => AgentUnderTest.Up();

    /// <summary>The client and handler; called by <see cref="AgentUnderTest.Up"/> before the seal.</summary>
    public static void Create(ScmiAgent agent)
    {
        s_perf = new PerformanceProtocol(agent);
        s_levels = new LevelHandler();
    }

    private static PerformanceProtocol Discovered()
    {
        PerformanceProtocol perf = s_perf!;
        if (!perf.IsDiscovered)
            AgentUnderTest.AssertOk(perf.Discover(), "discover");
        return perf;
    }

    [TestMethod]
    public static void Domains_and_levels_one_page_at_a_time()
    {
        PerformanceProtocol perf = Discovered();
        Assert.AreEqual(3, perf.DomainCount, "domains");
        Span<byte> name = stackalloc byte[64];
        AgentUnderTest.AssertOk(perf.GetDomainAttributes(BigCpus, out PerformanceDomainAttributes attributes, name, out int length), "attributes");
        Assert.IsTrue(name.Slice(0, length).SequenceEqual("big-cpus"u8), "name");
        Assert.AreEqual(2000U, attributes.SustainedLevel, "sustained");
        Span<byte> page = stackalloc byte[16]; // one level a reply
        AgentUnderTest.AssertOk(perf.DescribeLevels(BigCpus, page, out PerformanceLevelEnumerator levels), "levels");
        int count = 0;
        uint last = 0;
        while (levels.TryGetNext(out PerformanceLevel level))
        {
            Assert.IsTrue(level.Level > last, "ascending");
            last = level.Level;
            count++;
        }
        AgentUnderTest.AssertOk(levels.Result, "walk");
        Assert.AreEqual(7, count, "count");
        Assert.AreEqual(2800U, last, "highest");
        Assert.AreEqual((int)ScmiStatus.NotFound, (int)perf.DescribeLevels(3, page, out _).Status, "bad id");
        AgentUnderTest.AssertNothingAllocated();
    }

    [TestMethod]
    public static void Limits_and_levels_with_their_errors_and_the_level_event()
    {
        PerformanceProtocol perf = Discovered();
        ScmiAgent agent = AgentUnderTest.Agent!;
        LevelHandler handler = s_levels!;
        AgentUnderTest.AssertOk(agent.Subscribe(ScmiProtocolId.Performance, PerformanceMessages.LevelChangedEvent, handler), "subscribe");
        AgentUnderTest.AssertOk(perf.NotifyLevel(BigCpus, true), "notify on");
        int before = handler.Seen;
        AgentUnderTest.AssertOk(perf.SetLevel(BigCpus, 1600), "set level");
        AgentUnderTest.AssertOk(perf.GetLevel(BigCpus, out uint level), "get level");
        Assert.AreEqual(1600U, level, "level");
        ulong deadline = agent.Clock.Microseconds + 5_000_000;
        while (handler.Seen == before && agent.Clock.Microseconds < deadline)
        {
            agent.ProcessPlatformMessages();
            agent.Clock.Spin();
        }
        Assert.AreEqual(before + 1, handler.Seen, "event");
        Assert.AreEqual(1600U, handler.LastLevel, "event level");

        AgentUnderTest.AssertOk(perf.SetLimits(BigCpus, new PerformanceLimits { Min = 600, Max = 1200 }), "limits");
        AgentUnderTest.AssertOk(perf.GetLimits(BigCpus, out PerformanceLimits limits), "get limits");
        Assert.AreEqual(1200U, limits.Max, "max");
        AgentUnderTest.AssertOk(perf.GetLevel(BigCpus, out level), "get level");
        Assert.AreEqual(1200U, level, "moved inside the limits");
        Assert.AreEqual((int)ScmiStatus.OutOfRange, (int)perf.SetLevel(BigCpus, 2000).Status, "above the limit");
        Assert.AreEqual((int)ScmiStatus.InvalidParameters, (int)perf.SetLevel(BigCpus, 1000).Status, "no such level");
        Assert.AreEqual((int)ScmiStatus.Denied, (int)perf.SetLimits(Gpu, new PerformanceLimits { Min = 200, Max = 400 }).Status, "gpu");
        Assert.AreEqual((int)ScmiStatus.NotFound, (int)perf.GetLevel(3, out _).Status, "bad id");

        AgentUnderTest.AssertOk(perf.NotifyLevel(BigCpus, false), "notify off");
        agent.Unsubscribe(ScmiProtocolId.Performance, PerformanceMessages.LevelChangedEvent);
        AgentUnderTest.AssertOk(perf.SetLimits(BigCpus, new PerformanceLimits { Min = 600, Max = 2400 }), "restore limits");
        AgentUnderTest.AssertNothingAllocated();
    }

    /// <summary>Keeps the last PERFORMANCE_LEVEL_CHANGED, decoded by <see cref="PerformanceLevelChangedEvent"/>.</summary>
    private sealed class LevelHandler : ScmiNotificationHandler
    {
        public int Seen;
        public uint LastLevel;

        public override void OnNotification(in ScmiNotification notification)
        {
            if (PerformanceLevelChangedEvent.TryDecode(notification.Payload, out PerformanceLevelChangedEvent levelEvent))
            {
                LastLevel = levelEvent.Level;
                Seen++;
            }
        }
    }
}
