// The Power domain client on target: names (short and extended), sync set by interrupt and polling, async set announced, refusals.
using System;
using Nano.TestFramework;
using Scmi;
using Scmi.Protocols;

namespace Scmi.Protocols.Tests;

[TestClass]
public class PowerDomainProtocolTests
{
    private const uint Gpu = 2;
    private const uint VideoCodec = 3; // "video-codec-and-image-signal-processor": an extended name
    private const uint AlwaysOn = 4;   // locked

    [Setup]
    public static void BringUp()
    {
        AgentUnderTest.Up();
        ProtocolClients.Discovered(ProtocolClients.Power!);
    }

    [TestMethod]
    public static void Names_come_short_or_extended()
    {
        PowerDomainProtocol client = ProtocolClients.Power!;
        Assert.AreEqual(5, client.DomainCount, "domains");
        Span<byte> name = stackalloc byte[64];
        AgentUnderTest.AssertOk(client.GetAttributes(Gpu, out PowerDomainAttributes attributes, name, out int length), "attributes");
        Assert.IsTrue(ProtocolClients.NameIs(name, length, "gpu"u8), "gpu");
        Assert.IsTrue(attributes.AsynchronousSet && attributes.SynchronousSet && !attributes.ExtendedName, "gpu flags");
        AgentUnderTest.AssertOk(client.GetName(VideoCodec, name, out length), "extended");
        Assert.IsTrue(ProtocolClients.NameIs(name, length, "video-codec-and-image-signal-processor"u8), "long name");
        Assert.AreEqual(ScmiStatus.NotSupported, client.GetExtendedName(Gpu, name, out _).Status, "short name has no extended one");
        Assert.AreEqual(ScmiStatus.NotFound, client.GetAttributes(5, out _, name, out _).Status, "domain 5");
        AgentUnderTest.AssertNothingAllocated();
    }

    [TestMethod]
    public static void A_synchronous_set_by_interrupt_and_by_polling_is_read_back()
    {
        PowerDomainProtocol client = ProtocolClients.Power!;
        for (int i = 0; i < 4; i++)
        {
            uint state = i % 2 == 0 ? PowerDomainProtocol.StateOn : PowerDomainProtocol.StateOff;
            AgentUnderTest.AssertOk(client.SetState(Gpu, state, i < 2 ? ScmiCompletion.Interrupt : ScmiCompletion.Poll), "set");
            AgentUnderTest.AssertOk(client.GetState(Gpu, out uint read), "get");
            Assert.AreEqual(state, read, "state");
        }
        Assert.AreEqual(ScmiStatus.Denied, client.SetState(AlwaysOn, PowerDomainProtocol.StateOff).Status, "locked");
        Assert.AreEqual(ScmiStatus.InvalidParameters, client.SetState(Gpu, 0x1234).Status, "no such state");
        Assert.AreEqual(ScmiStatus.NotFound, client.GetState(9, out _).Status, "domain 9");
        AgentUnderTest.AssertNothingAllocated();
    }

    [TestMethod]
    public static void An_asynchronous_set_is_announced_by_power_state_changed()
    {
        PowerDomainProtocol client = ProtocolClients.Power!;
        ScmiAgent agent = AgentUnderTest.Agent!;
        EventRecorder changed = ProtocolClients.PowerStateChanged!;
        AgentUnderTest.AssertOk(agent.Subscribe(ScmiProtocolId.PowerDomain, PowerDomainMessages.StateChanged, changed), "subscribe");
        AgentUnderTest.AssertOk(client.NotifyStateChanged(Gpu, true), "notify on");
        AgentUnderTest.AssertOk(client.SetState(Gpu, PowerDomainProtocol.StateOff), "start off");
        ProtocolClients.WaitFor(changed, changed.Seen); // nothing pending
        int before = changed.Seen;
        AgentUnderTest.AssertOk(client.SetStateAsync(Gpu, PowerDomainProtocol.StateOn), "async on");
        ProtocolClients.WaitFor(changed, before + 1);
        Assert.IsTrue(PowerStateEvent.TryDecode(changed.Last, out PowerStateEvent decoded), "decoded");
        Assert.AreEqual(Gpu, decoded.DomainId, "domain");
        Assert.AreEqual(PowerDomainProtocol.StateOn, decoded.State, "state");
        AgentUnderTest.AssertOk(client.GetState(Gpu, out uint state), "get");
        Assert.AreEqual(PowerDomainProtocol.StateOn, state, "state after");
        AgentUnderTest.AssertOk(client.NotifyStateChanged(Gpu, false), "notify off");
        AgentUnderTest.AssertOk(client.SetState(Gpu, PowerDomainProtocol.StateOff), "restore");
        agent.Unsubscribe(ScmiProtocolId.PowerDomain, PowerDomainMessages.StateChanged);
        AgentUnderTest.AssertNothingAllocated();
    }
}
