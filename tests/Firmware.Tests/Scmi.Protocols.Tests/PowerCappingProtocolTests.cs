// The Power capping client on target: attributes, cap set sync/async/without completion, PAI, measurements, POWERCAP_CAP_CHANGED.
using System;
using Nano.TestFramework;
using Scmi;
using Scmi.Protocols;

namespace Scmi.Protocols.Tests;

[TestClass]
public class PowerCappingProtocolTests
{
    private const uint Soc = 0;     // cap 2000..15000 step 250, initially 12000
    private const uint BigCpus = 1; // parent 0

    [Setup]
    public static void BringUp()
    {
        AgentUnderTest.Up();
        ProtocolClients.Discovered(ProtocolClients.PowerCap!);
    }

    [TestMethod]
    public static void Attributes_give_bounds_unit_and_parent()
    {
        PowerCappingProtocol client = ProtocolClients.PowerCap!;
        Assert.AreEqual(2, client.DomainCount, "domains");
        Span<byte> name = stackalloc byte[64];
        AgentUnderTest.AssertOk(client.GetAttributes(BigCpus, out PowerCapDomainAttributes a, name, out int length), "attributes");
        Assert.IsTrue(ProtocolClients.NameIs(name, length, "big-cpus"u8), "name");
        Assert.AreEqual(500U, a.MinimumCap, "min cap");
        Assert.AreEqual(8000U, a.MaximumCap, "max cap");
        Assert.AreEqual(100U, a.CapStep, "cap step");
        Assert.AreEqual(0U, a.ParentId, "parent");
        Assert.IsTrue(a.Milliwatts && a.CapConfigurable && a.PaiConfigurable && a.Monitoring, "flags");
        Assert.AreEqual(ScmiStatus.NotFound, client.GetAttributes(2, out _, name, out _).Status, "domain 2");
        AgentUnderTest.AssertNothingAllocated();
    }

    [TestMethod]
    public static void The_cap_is_set_three_ways_and_read_back()
    {
        PowerCappingProtocol client = ProtocolClients.PowerCap!;
        AgentUnderTest.AssertOk(client.SetCap(Soc, 10000, ScmiCompletion.Poll), "sync");
        AgentUnderTest.AssertOk(client.GetCap(Soc, out uint cap), "get");
        Assert.AreEqual(10000U, cap, "cap");
        AgentUnderTest.AssertOk(client.SetCapAsync(Soc, 9750, out uint applied, ScmiCompletion.Interrupt), "async");
        Assert.AreEqual(9750U, applied, "applied");
        AgentUnderTest.AssertOk(client.SetCapWithoutCompletion(Soc, 11000), "no completion");
        AgentUnderTest.AssertOk(client.GetCap(Soc, out cap), "get");
        Assert.AreEqual(11000U, cap, "cap after");
        Assert.AreEqual(ScmiStatus.OutOfRange, client.SetCap(Soc, 10001).Status, "off the step");
        Assert.AreEqual(ScmiStatus.OutOfRange, client.SetCap(Soc, 20000).Status, "above the maximum");
        Assert.AreEqual(0, AgentUnderTest.Agent!.Transport.Tokens.HeldCount, "tokens held");
        AgentUnderTest.AssertOk(client.SetCap(Soc, 12000), "restore");
        AgentUnderTest.AssertNothingAllocated();
    }

    [TestMethod]
    public static void The_averaging_interval_and_measurements()
    {
        PowerCappingProtocol client = ProtocolClients.PowerCap!;
        AgentUnderTest.AssertOk(client.SetPai(BigCpus, 20000), "pai set");
        AgentUnderTest.AssertOk(client.GetPai(BigCpus, out uint pai), "pai get");
        Assert.AreEqual(20000U, pai, "pai");
        AgentUnderTest.AssertOk(client.GetMeasurements(BigCpus, out uint power, out pai), "measurements");
        Assert.AreEqual(1800U, power, "power");
        Assert.AreEqual(20000U, pai, "measured pai");
        Assert.AreEqual(ScmiStatus.OutOfRange, client.SetPai(BigCpus, 1500).Status, "off the step");
        AgentUnderTest.AssertOk(client.NotifyMeasurements(BigCpus, true, 1000, 3000), "measurements on");
        Assert.AreEqual(ScmiStatus.InvalidParameters, client.NotifyMeasurements(BigCpus, true, 3000, 1000).Status, "thresholds swapped");
        AgentUnderTest.AssertOk(client.NotifyMeasurements(BigCpus, false, 0, 0), "measurements off");
        AgentUnderTest.AssertNothingAllocated();
    }

    [TestMethod]
    public static void A_cap_change_is_announced()
    {
        PowerCappingProtocol client = ProtocolClients.PowerCap!;
        ScmiAgent agent = AgentUnderTest.Agent!;
        EventRecorder changed = ProtocolClients.CapChanged!;
        AgentUnderTest.AssertOk(agent.Subscribe(ScmiProtocolId.PowerCapping, PowerCappingMessages.CapChanged, changed), "subscribe");
        AgentUnderTest.AssertOk(client.NotifyCapChanged(Soc, true), "notify on");
        AgentUnderTest.AssertOk(client.GetCap(Soc, out uint cap), "get");
        int before = changed.Seen;
        AgentUnderTest.AssertOk(client.SetCap(Soc, cap == 7000 ? 7250U : 7000U), "set");
        ProtocolClients.WaitFor(changed, before + 1);
        Assert.IsTrue(PowerCapChangedEvent.TryDecode(changed.Last, out PowerCapChangedEvent decoded), "decoded");
        Assert.AreEqual(Soc, decoded.DomainId, "domain");
        Assert.AreEqual(cap == 7000 ? 7250U : 7000U, decoded.Cap, "cap");
        AgentUnderTest.AssertOk(client.NotifyCapChanged(Soc, false), "notify off");
        AgentUnderTest.AssertOk(client.SetCap(Soc, 12000), "restore");
        agent.Unsubscribe(ScmiProtocolId.PowerCapping, PowerCappingMessages.CapChanged);
        AgentUnderTest.AssertNothingAllocated();
    }
}
