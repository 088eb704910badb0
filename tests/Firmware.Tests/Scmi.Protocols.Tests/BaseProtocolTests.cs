// The Base protocol client on target against the platform daemon: vendor, versions, the protocol list across pages, agents, error notifications.
using System;
using Nano.TestFramework;
using Scmi;
using Scmi.Protocols;

namespace Scmi.Protocols.Tests;

[TestClass]
public class BaseProtocolTests
{
    [Setup]
    public static void BringUp()
    {
        AgentUnderTest.Up();
        ProtocolClients.Discovered(ProtocolClients.Base!);
    }

    [TestMethod]
    public static void Discovery_vendor_and_versions_are_the_platforms()
    {
        BaseProtocol client = ProtocolClients.Base!;
        Assert.AreEqual(2, (int)client.Version.Major, "major");
        Assert.AreEqual(8, client.ProtocolCount, "protocols");
        Assert.AreEqual(2, client.AgentCount, "agents");
        Span<byte> name = stackalloc byte[64];
        AgentUnderTest.AssertOk(client.GetVendor(name, out int length), "vendor");
        Assert.IsTrue(ProtocolClients.NameIs(name, length, "NfSilicon"u8), "vendor name");
        AgentUnderTest.AssertOk(client.GetSubVendor(name, out length), "sub-vendor");
        Assert.IsTrue(ProtocolClients.NameIs(name, length, "QemuVirt"u8), "sub-vendor name");
        AgentUnderTest.AssertOk(client.GetImplementationVersion(out uint version), "implementation version");
        Assert.AreEqual(65536U, version, "implementation version");
        AgentUnderTest.AssertOk(client.GetMessageAttributes(BaseMessages.DiscoverAgent, out _), "message attributes");
        Assert.AreEqual(ScmiStatus.NotFound, client.GetMessageAttributes(0x30, out _).Status, "unknown message");
        AgentUnderTest.AssertNothingAllocated();
    }

    [TestMethod]
    public static void The_protocol_list_is_the_same_in_pages_of_four_and_in_one()
    {
        BaseProtocol client = ProtocolClients.Base!;
        ScmiAgent agent = AgentUnderTest.Agent!;
        Span<byte> small = stackalloc byte[8];
        Span<byte> large = stackalloc byte[128];
        for (int round = 0; round < 2; round++)
        {
            ulong sent = agent.Counters.Sent;
            BaseProtocolList list = client.ListProtocols(round == 0 ? small : large);
            int count = 0;
            while (list.TryGetNext(out byte protocol))
            {
                Assert.AreEqual(0x11 + count, (int)protocol, "protocol id");
                count++;
            }
            AgentUnderTest.AssertOk(list.Result, "list");
            Assert.AreEqual(8, count, "listed");
            Assert.AreEqual(round == 0 ? 2UL : 1UL, agent.Counters.Sent - sent, "pages");
        }
        BaseProtocolList tooSmall = client.ListProtocols(small.Slice(0, 4));
        Assert.IsFalse(tooSmall.TryGetNext(out _), "small page");
        Assert.AreEqual(ScmiAgentError.InvalidArgument, tooSmall.Result.Agent, "small page");
        AgentUnderTest.AssertNothingAllocated();
    }

    [TestMethod]
    public static void Agents_are_named_and_an_unknown_one_is_not_found()
    {
        BaseProtocol client = ProtocolClients.Base!;
        Span<byte> name = stackalloc byte[16];
        AgentUnderTest.AssertOk(client.DiscoverAgent(0, out uint id, name, out int length), "agent 0");
        Assert.IsTrue(ProtocolClients.NameIs(name, length, "platform"u8), "platform");
        AgentUnderTest.AssertOk(client.DiscoverAgent(2, out id, name, out length), "agent 2");
        Assert.IsTrue(ProtocolClients.NameIs(name, length, "SecureWorld"u8), "SecureWorld");
        AgentUnderTest.AssertOk(client.DiscoverAgent(BaseProtocol.CallingAgent, out id, name, out length), "caller");
        Assert.AreEqual(1U, id, "caller id");
        Assert.IsTrue(ProtocolClients.NameIs(name, length, "OSPM"u8), "OSPM");
        Assert.AreEqual(ScmiStatus.NotFound, client.DiscoverAgent(3, out _, name, out _).Status, "agent 3");
        AgentUnderTest.AssertOk(client.NotifyErrors(true), "errors on");
        AgentUnderTest.AssertOk(client.NotifyErrors(false), "errors off");
        AgentUnderTest.AssertNothingAllocated();
    }
}
