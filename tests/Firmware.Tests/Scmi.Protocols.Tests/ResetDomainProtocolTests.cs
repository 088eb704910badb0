// The Reset domain client on target: names, sync and async resets by interrupt and polling, assert/deassert, RESET_ISSUED, refusals.
using System;
using Nano.TestFramework;
using Scmi;
using Scmi.Protocols;

namespace Scmi.Protocols.Tests;

[TestClass]
public class ResetDomainProtocolTests
{
    private const uint Usb = 1;
    private const uint Ethernet = 2; // no asynchronous reset
    private const uint Crypto = 3;   // locked, "secure-crypto-engine": an extended name

    [Setup]
    public static void BringUp()
    {
        AgentUnderTest.Up();
        ProtocolClients.Discovered(ProtocolClients.Reset!);
    }

    [TestMethod]
    public static void Attributes_latency_and_names()
    {
        ResetDomainProtocol client = ProtocolClients.Reset!;
        Assert.AreEqual(4, client.DomainCount, "domains");
        Span<byte> name = stackalloc byte[64];
        AgentUnderTest.AssertOk(client.GetAttributes(Usb, out ResetDomainAttributes attributes, name, out int length), "attributes");
        Assert.IsTrue(ProtocolClients.NameIs(name, length, "usb-controller"u8), "usb");
        Assert.AreEqual(1000U, attributes.LatencyMicroseconds, "latency");
        Assert.IsTrue(attributes.AsynchronousReset && attributes.Notifications, "flags");
        AgentUnderTest.AssertOk(client.GetName(Crypto, name, out length), "extended");
        Assert.IsTrue(ProtocolClients.NameIs(name, length, "secure-crypto-engine"u8), "long name");
        Assert.AreEqual(ScmiStatus.NotFound, client.GetAttributes(4, out _, name, out _).Status, "domain 4");
        AgentUnderTest.AssertNothingAllocated();
    }

    [TestMethod]
    public static void Resets_sync_and_async_by_interrupt_and_polling()
    {
        ResetDomainProtocol client = ProtocolClients.Reset!;
        ScmiAgent agent = AgentUnderTest.Agent!;
        ulong paired = agent.Counters.DelayedPaired;
        AgentUnderTest.AssertOk(client.Reset(Usb, ResetDomainProtocol.ColdReset, ScmiCompletion.Interrupt), "sync irq");
        AgentUnderTest.AssertOk(client.Reset(Usb, ResetDomainProtocol.ColdReset, ScmiCompletion.Poll), "sync poll");
        AgentUnderTest.AssertOk(client.ResetAsync(Usb, ResetDomainProtocol.ColdReset, ScmiCompletion.Interrupt), "async irq");
        AgentUnderTest.AssertOk(client.ResetAsync(Usb, ResetDomainProtocol.ColdReset, ScmiCompletion.Poll), "async poll");
        Assert.AreEqual(paired + 2, agent.Counters.DelayedPaired, "RESET_COMPLETE paired");
        Assert.AreEqual(0, agent.Transport.Tokens.HeldCount, "tokens held");
        AgentUnderTest.AssertOk(client.Assert(Usb), "assert");
        AgentUnderTest.AssertOk(client.Deassert(Usb), "deassert");
        Assert.AreEqual(ScmiStatus.NotSupported, client.ResetAsync(Ethernet).Status, "no async");
        Assert.AreEqual(ScmiStatus.Denied, client.Reset(Crypto).Status, "locked");
        Assert.AreEqual(ScmiStatus.InvalidParameters, client.Reset(Usb, 5).Status, "reserved type");
        Assert.AreEqual(ScmiStatus.NotFound, client.Reset(9).Status, "domain 9");
        AgentUnderTest.AssertNothingAllocated();
    }

    [TestMethod]
    public static void Reset_issued_is_announced()
    {
        ResetDomainProtocol client = ProtocolClients.Reset!;
        ScmiAgent agent = AgentUnderTest.Agent!;
        EventRecorder issued = ProtocolClients.ResetIssued!;
        AgentUnderTest.AssertOk(agent.Subscribe(ScmiProtocolId.ResetDomain, ResetDomainMessages.ResetIssued, issued), "subscribe");
        AgentUnderTest.AssertOk(client.Notify(Usb, true), "notify on");
        int before = issued.Seen;
        AgentUnderTest.AssertOk(client.Reset(Usb, 0x8000_0002), "reset");
        ProtocolClients.WaitFor(issued, before + 1);
        Assert.IsTrue(ResetIssuedEvent.TryDecode(issued.Last, out ResetIssuedEvent decoded), "decoded");
        Assert.AreEqual(Usb, decoded.DomainId, "domain");
        Assert.AreEqual(0x8000_0002U, decoded.ResetState, "reset state");
        AgentUnderTest.AssertOk(client.Notify(Usb, false), "notify off");
        agent.Unsubscribe(ScmiProtocolId.ResetDomain, ResetDomainMessages.ResetIssued);
        AgentUnderTest.AssertNothingAllocated();
    }
}
