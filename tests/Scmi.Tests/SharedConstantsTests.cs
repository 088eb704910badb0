// The agent and the platform keep their own copies of the spec's constants (neither side may borrow the
// other's); this is the one place that checks the two copies say the same thing.
using AgentProtocolId = Scmi.ScmiProtocolId;
using AgentStatus = Scmi.ScmiStatus;
using PlatformProtocolId = ScmiPlatform.Scmi.ScmiProtocolId;
using PlatformStatus = ScmiPlatform.Scmi.ScmiStatus;

namespace Scmi.Tests;

public sealed class SharedConstantsTests
{
    [Fact]
    public void Agent_and_platform_name_every_status_code_alike()
    {
        string[] agent = Enum.GetNames<AgentStatus>();
        Assert.Equal(agent.Order(), Enum.GetNames<PlatformStatus>().Order());
        foreach (string name in agent)
            Assert.Equal((int)Enum.Parse<AgentStatus>(name), (int)Enum.Parse<PlatformStatus>(name));
    }

    [Fact]
    public void Agent_and_platform_number_every_protocol_alike()
    {
        string[] agent = Enum.GetNames<AgentProtocolId>();
        Assert.Equal(agent.Order(), Enum.GetNames<PlatformProtocolId>().Order());
        foreach (string name in agent)
            Assert.Equal((byte)Enum.Parse<AgentProtocolId>(name), (byte)Enum.Parse<PlatformProtocolId>(name));
    }
}
