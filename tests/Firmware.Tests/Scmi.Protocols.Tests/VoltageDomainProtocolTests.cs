// The Voltage domain client on target: level lists across pages and as a range, sync and async level set, config, refusals.
using System;
using Nano.TestFramework;
using Scmi;
using Scmi.Protocols;

namespace Scmi.Protocols.Tests;

[TestClass]
public class VoltageDomainProtocolTests
{
    private const uint Cpu = 0; // 500000..1200000 step 6250
    private const uint Gpu = 1; // 600000, 700000, 800000, 900000, 1000000
    private const uint Io = 2;  // locked

    [Setup]
    public static void BringUp()
    {
        AgentUnderTest.Up();
        ProtocolClients.Discovered(ProtocolClients.Voltage!);
    }

    [TestMethod]
    public static void A_discrete_list_spans_pages_and_a_range_is_computed()
    {
        VoltageDomainProtocol client = ProtocolClients.Voltage!;
        ScmiAgent agent = AgentUnderTest.Agent!;
        Assert.AreEqual(3, client.DomainCount, "domains");
        Span<byte> page = stackalloc byte[16];
        ulong sent = agent.Counters.Sent;
        VoltageLevelList list = client.DescribeLevels(Gpu, page);
        int count = 0;
        while (list.TryGetNext(out int level))
        {
            Assert.AreEqual(600000 + 100000 * count, level, "level");
            count++;
        }
        AgentUnderTest.AssertOk(list.Result, "discrete");
        Assert.AreEqual(5, count, "levels");
        Assert.AreEqual(2UL, agent.Counters.Sent - sent, "pages");

        VoltageLevelList range = client.DescribeLevels(Cpu, page);
        count = 0;
        int last = 0;
        while (range.TryGetNext(out int level))
        {
            last = level;
            count++;
        }
        AgentUnderTest.AssertOk(range.Result, "range");
        Assert.IsTrue(range.IsRange, "is range");
        Assert.AreEqual(113, count, "range levels");
        Assert.AreEqual(1200000, last, "highest");
        VoltageLevelList missing = client.DescribeLevels(7, page);
        Assert.IsFalse(missing.TryGetNext(out _), "domain 7");
        Assert.AreEqual(ScmiStatus.NotFound, missing.Result.Status, "domain 7");
        AgentUnderTest.AssertNothingAllocated();
    }

    [TestMethod]
    public static void Levels_set_sync_and_async_are_read_back_and_refusals_say_why()
    {
        VoltageDomainProtocol client = ProtocolClients.Voltage!;
        AgentUnderTest.AssertOk(client.SetLevel(Gpu, 900000, ScmiCompletion.Interrupt), "sync");
        AgentUnderTest.AssertOk(client.GetLevel(Gpu, out int level), "get");
        Assert.AreEqual(900000, level, "level");
        AgentUnderTest.AssertOk(client.SetLevelAsync(Cpu, 750000, out int reached, ScmiCompletion.Poll), "async poll");
        Assert.AreEqual(750000, reached, "reached");
        AgentUnderTest.AssertOk(client.SetLevelAsync(Cpu, 850000, out reached, ScmiCompletion.Interrupt), "async irq");
        AgentUnderTest.AssertOk(client.GetLevel(Cpu, out level), "get cpu");
        Assert.AreEqual(850000, level, "cpu level");
        Assert.AreEqual(ScmiStatus.OutOfRange, client.SetLevel(Gpu, 850000).Status, "not offered");
        Assert.AreEqual(ScmiStatus.OutOfRange, client.SetLevel(Cpu, 500001).Status, "off the step");
        Assert.AreEqual(ScmiStatus.Denied, client.SetLevel(Io, 3300000).Status, "locked");
        AgentUnderTest.AssertOk(client.SetLevel(Gpu, 800000), "restore");
        AgentUnderTest.AssertNothingAllocated();
    }

    [TestMethod]
    public static void The_configuration_goes_off_and_on()
    {
        VoltageDomainProtocol client = ProtocolClients.Voltage!;
        Span<byte> name = stackalloc byte[64];
        AgentUnderTest.AssertOk(client.GetName(Io, name, out int length), "name");
        Assert.IsTrue(ProtocolClients.NameIs(name, length, "vdd-io"u8), "vdd-io");
        AgentUnderTest.AssertOk(client.SetConfig(Gpu, VoltageDomainProtocol.ConfigOff), "off");
        AgentUnderTest.AssertOk(client.GetConfig(Gpu, out uint config), "get");
        Assert.AreEqual(VoltageDomainProtocol.ConfigOff, config, "config off");
        AgentUnderTest.AssertOk(client.SetConfig(Gpu, VoltageDomainProtocol.ConfigOn), "on");
        AgentUnderTest.AssertOk(client.GetConfig(Gpu, out config), "get");
        Assert.AreEqual(VoltageDomainProtocol.ConfigOn, config, "config on");
        Assert.AreEqual(ScmiStatus.InvalidParameters, client.SetConfig(Gpu, 3).Status, "reserved mode");
        Assert.AreEqual(ScmiStatus.Denied, client.SetConfig(Io, VoltageDomainProtocol.ConfigOff).Status, "locked");
        AgentUnderTest.AssertNothingAllocated();
    }
}
