// 10,000 commands in each completion mode against the platform daemon: nothing lost, nothing rejected, nothing allocated.
using Nano.TestFramework;
using Scmi;
using Scmi.Virtio;

namespace Scmi.Transport.Tests;

[TestClass]
public class SoakTests
{
    private const int Commands = 10_000;

    [Setup]
    public static void BringUp() => Channel.Up();

    [TestMethod]
    public static void Ten_thousand_commands_by_interrupt() => Soak(poll: false);

    [TestMethod]
    public static void Ten_thousand_commands_by_polling() => Soak(poll: true);

    private static void Soak(bool poll)
    {
        ScmiVirtioTransport t = Channel.Transport!;
        ulong replied = t.Counters.Replied;
        for (int i = 0; i < Commands; i++)
            Channel.AssertOk(Channel.BaseVersion(poll), "round trip");
        Assert.AreEqual(replied + Commands, t.Counters.Replied, "replies");
        Assert.AreEqual(0UL, t.Counters.Malformed + t.Counters.Unexpected + t.Counters.TimedOut + t.Counters.RingResets, "rejections");
        Assert.AreEqual(t.Capabilities.MaxInFlight, t.FreeMessages, "pool whole");
        Channel.AssertNothingAllocated();
    }
}
