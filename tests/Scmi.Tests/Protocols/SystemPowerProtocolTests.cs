// The System power client against the real platform model: attributes, state set/get, and the state notifier with its decoder.
using Scmi.Protocols;
using Scmi.Tests.Doubles;
using ScmiPlatform.Description;
using static Scmi.Tests.Protocols.ProtocolHarness;
using PlatformSystemPower = ScmiPlatform.Protocols.SystemPowerProtocol;
using PlatformState = ScmiPlatform.Protocols.SystemPowerState;
using RecordingHandler = Scmi.Tests.Agent.AgentHarness.RecordingHandler;

namespace Scmi.Tests.Protocols;

public class SystemPowerProtocolTests
{
    private static (Loopback Loop, ScmiAgent Agent, SystemPowerProtocol System) Discovered(PlatformDescription? description = null)
    {
        (Loopback loop, ScmiAgent agent) = Real(description);
        var client = new SystemPowerProtocol(agent);
        Ok(client.Discover());
        return (loop, agent, client);
    }

    [Fact]
    public void Discovery_reads_what_the_system_supports()
    {
        (_, _, SystemPowerProtocol client) = Discovered();
        Assert.Equal(2, client.Version.Major);
        Assert.True(client.WarmResetSupported);
        Assert.True(client.SuspendSupported);
        (_, _, client) = Discovered(new PlatformDescription { SystemPower = new SystemPowerDescription { WarmResetSupported = false, SuspendSupported = false } });
        Assert.False(client.WarmResetSupported);
        Assert.False(client.SuspendSupported);
        Assert.Equal(ScmiStatus.InvalidParameters, client.SetState(SystemPowerState.Suspend, true).Status);
        Assert.Equal(ScmiStatus.InvalidParameters, client.SetState(SystemPowerState.WarmReset, false).Status);
    }

    [Fact]
    public void The_state_is_requested_and_read_back()
    {
        (_, _, SystemPowerProtocol client) = Discovered();
        Ok(client.GetState(out SystemPowerState state));
        Assert.Equal(SystemPowerState.PowerUp, state);
        Ok(client.SetState(SystemPowerState.Suspend, graceful: true));
        Ok(client.GetState(out state));
        Assert.Equal(SystemPowerState.Suspend, state);
        Ok(client.SetState(SystemPowerState.ColdReset, graceful: false));
        Ok(client.GetState(out state));
        Assert.Equal(SystemPowerState.ColdReset, state);
    }

    [Fact]
    public void Reserved_states_are_refused_and_a_forbidden_agent_denied()
    {
        (_, _, SystemPowerProtocol client) = Discovered();
        Assert.Equal(ScmiStatus.InvalidParameters, client.SetState(SystemPowerState.PowerUp, false).Status);
        Assert.Equal(ScmiStatus.InvalidParameters, client.SetState((SystemPowerState)9, false).Status);
        (_, _, client) = Discovered(new PlatformDescription { SystemPower = new SystemPowerDescription { AgentMaySetState = false } });
        Assert.Equal(ScmiStatus.Denied, client.SetState(SystemPowerState.Shutdown, true).Status);
    }

    [Fact]
    public void The_state_notifier_is_delivered_only_while_enabled_and_decoded()
    {
        (Loopback loop, ScmiAgent agent, SystemPowerProtocol client) = Discovered();
        var notifier = new RecordingHandler();
        Ok(agent.Subscribe(ScmiProtocolId.SystemPower, SystemPowerMessages.StateNotifier, notifier));
        PlatformSystemPower platform = loop.Platform!.Model.Protocol<PlatformSystemPower>()!;
        platform.RequestStateChange(PlatformState.Shutdown, graceful: true, 3000);
        loop.Clock.Spin();
        agent.ProcessPlatformMessages();
        Assert.Empty(notifier.Seen);

        Ok(client.Notify(true));
        platform.RequestStateChange(PlatformState.Shutdown, graceful: true, 3000);
        platform.RequestStateChange(PlatformState.WarmReset, graceful: false, 0);
        loop.Clock.Spin();
        agent.ProcessPlatformMessages();
        Assert.Equal(2, notifier.Seen.Count);
        Assert.True(SystemPowerStateNotifierEvent.TryDecode(notifier.Seen[0].Payload, out SystemPowerStateNotifierEvent first));
        Assert.Equal((SystemPowerState.Shutdown, true, 3000u, true, 0u), (first.State, first.Graceful, first.TimeoutMilliseconds, first.HasTimeout, first.AgentId));
        Assert.True(SystemPowerStateNotifierEvent.TryDecode(notifier.Seen[1].Payload, out SystemPowerStateNotifierEvent second));
        Assert.Equal((SystemPowerState.WarmReset, false), (second.State, second.Graceful));

        Ok(client.Notify(false));
        platform.RequestStateChange(PlatformState.Shutdown, graceful: true, 3000);
        loop.Clock.Spin();
        agent.ProcessPlatformMessages();
        Assert.Equal(2, notifier.Seen.Count);
    }

    [Fact]
    public void A_version_1_notifier_has_no_timeout_and_a_short_one_is_refused()
    {
        Assert.True(SystemPowerStateNotifierEvent.TryDecode(Words(0, 1, 1), out SystemPowerStateNotifierEvent v1));
        Assert.False(v1.HasTimeout);
        Assert.Equal(SystemPowerState.ColdReset, v1.State);
        Assert.False(SystemPowerStateNotifierEvent.TryDecode(Words(0, 1), out _));
    }
}
