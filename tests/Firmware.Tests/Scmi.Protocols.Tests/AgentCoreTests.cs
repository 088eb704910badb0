// The agent core on target: synchronous commands by interrupt and by polling, version negotiation.
using System;
using Nano.TestFramework;
using Scmi;

namespace Scmi.Protocols.Tests;

[TestClass]
public class AgentCoreTests
{
    [Setup]
    public static void BringUp() => AgentUnderTest.Up();

    [TestMethod]
    public static void Base_version_is_agreed_by_interrupt_and_by_polling()
    {
        ScmiAgent agent = AgentUnderTest.Agent!;
        for (int i = 0; i < 2; i++)
        {
            agent.Polling = i == 1;
            ScmiResult result = agent.NegotiateVersion(ScmiProtocolId.Base, new ScmiProtocolVersion(2, 0), out ScmiProtocolVersion agreed);
            AgentUnderTest.AssertOk(result, "negotiate");
            Assert.AreEqual(2, (int)agreed.Major, "major");
        }
        agent.Polling = false;
        AgentUnderTest.AssertNothingAllocated();
    }
}
