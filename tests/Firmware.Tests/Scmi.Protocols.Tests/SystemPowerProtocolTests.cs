// The System power client on target: attributes, state set/get (the daemon records the state), refusals, the notifier's subscription.
using System;
using Nano.TestFramework;
using Scmi;
using Scmi.Protocols;

namespace Scmi.Protocols.Tests;

[TestClass]
public class SystemPowerProtocolTests
{
    [Setup]
    public static void BringUp()
    {
        AgentUnderTest.Up();
        ProtocolClients.Discovered(ProtocolClients.SystemPower!);
    }

    [TestMethod]
    public static void The_state_is_requested_and_read_back_and_reserved_states_refused()
    {
        SystemPowerProtocol client = ProtocolClients.SystemPower!;
        Assert.AreEqual(2, (int)client.Version.Major, "major");
        Assert.IsTrue(client.WarmResetSupported && client.SuspendSupported, "attributes");
        AgentUnderTest.AssertOk(client.SetState(SystemPowerState.Suspend, graceful: true), "suspend");
        AgentUnderTest.AssertOk(client.GetState(out SystemPowerState state), "get");
        Assert.AreEqual(SystemPowerState.Suspend, state, "state");
        AgentUnderTest.AssertOk(client.SetState(SystemPowerState.WarmReset, graceful: false), "warm reset");
        AgentUnderTest.AssertOk(client.GetState(out state), "get");
        Assert.AreEqual(SystemPowerState.WarmReset, state, "state");
        Assert.AreEqual(ScmiStatus.InvalidParameters, client.SetState(SystemPowerState.PowerUp, false).Status, "power up");
        Assert.AreEqual(ScmiStatus.InvalidParameters, client.SetState((SystemPowerState)9, false).Status, "reserved");
        AgentUnderTest.AssertOk(client.Notify(true), "notifier on");
        AgentUnderTest.AssertOk(client.Notify(false), "notifier off");
        AgentUnderTest.AssertNothingAllocated();
    }
}
