// The Power domain client against the real platform model and a hostile platform: attributes, names, sync and async set, notifications.
using Scmi.Protocols;
using Scmi.Tests.Doubles;
using ScmiPlatform.Description;
using static Scmi.Tests.Protocols.ProtocolHarness;
using RecordingHandler = Scmi.Tests.Agent.AgentHarness.RecordingHandler;

namespace Scmi.Tests.Protocols;

public class PowerDomainProtocolTests
{
    private const uint Gpu = 2;
    private const uint AlwaysOn = 4;

    private static (Loopback Loop, ScmiAgent Agent, PowerDomainProtocol Power) Discovered(PlatformDescription? description = null)
    {
        (Loopback loop, ScmiAgent agent) = Real(description);
        var client = new PowerDomainProtocol(agent);
        Ok(client.Discover());
        return (loop, agent, client);
    }

    [Fact]
    public void Every_domain_has_its_attributes_and_its_full_name()
    {
        (_, _, PowerDomainProtocol client) = Discovered();
        Assert.Equal(3, client.Version.Major);
        Assert.Equal(Default.PowerDomains.Count, client.DomainCount);
        Span<byte> name = stackalloc byte[64];
        for (uint domain = 0; domain < client.DomainCount; domain++)
        {
            PowerDomainDescription d = Default.PowerDomains[(int)domain];
            Ok(client.GetAttributes(domain, out PowerDomainAttributes attributes, name, out int length));
            Assert.Equal(Short(d.Name), Text(name, length));
            Assert.Equal(d.Name.Length >= 16, attributes.ExtendedName);
            Assert.Equal(d.AsyncSupported, attributes.AsynchronousSet);
            Assert.True(attributes.SynchronousSet);
            Assert.True(attributes.StateChangeNotifications);
            Assert.True(attributes.StateChangeRequestedNotifications);
            Ok(client.GetName(domain, name, out length));
            Assert.Equal(d.Name, Text(name, length));
            ScmiResult extended = client.GetExtendedName(domain, name, out _);
            if (d.Name.Length >= 16)
                Ok(extended);
            else
                Assert.Equal(ScmiStatus.NotSupported, extended.Status);
        }
    }

    [Fact]
    public void An_unknown_domain_is_not_found_by_every_command()
    {
        (_, _, PowerDomainProtocol client) = Discovered();
        uint bad = (uint)client.DomainCount;
        Span<byte> name = stackalloc byte[64];
        Assert.Equal(ScmiStatus.NotFound, client.GetAttributes(bad, out _, name, out _).Status);
        Assert.Equal(ScmiStatus.NotFound, client.GetExtendedName(bad, name, out _).Status);
        Assert.Equal(ScmiStatus.NotFound, client.GetState(bad, out _).Status);
        Assert.Equal(ScmiStatus.NotFound, client.SetState(bad, PowerDomainProtocol.StateOn).Status);
        Assert.Equal(ScmiStatus.NotFound, client.SetStateAsync(bad, PowerDomainProtocol.StateOn).Status);
        Assert.Equal(ScmiStatus.NotFound, client.NotifyStateChanged(bad, true).Status);
        Assert.Equal(ScmiStatus.NotFound, client.NotifyStateChangeRequested(0xFFFF_FFFF, true).Status);
    }

    [Theory]
    [InlineData(ScmiCompletion.Interrupt)]
    [InlineData(ScmiCompletion.Poll)]
    public void A_synchronous_set_takes_effect_before_it_returns(ScmiCompletion completion)
    {
        (_, _, PowerDomainProtocol client) = Discovered();
        Ok(client.GetState(Gpu, out uint state));
        Assert.Equal(PowerDomainProtocol.StateOff, state);
        Ok(client.SetState(Gpu, PowerDomainProtocol.StateOn, completion));
        Ok(client.GetState(Gpu, out state));
        Assert.Equal(PowerDomainProtocol.StateOn, state);
        Ok(client.SetState(Gpu, PowerDomainProtocol.StateOff, completion));
        Ok(client.GetState(Gpu, out state));
        Assert.Equal(PowerDomainProtocol.StateOff, state);
    }

    [Fact]
    public void A_state_the_domain_lacks_is_refused_and_a_locked_domain_denied()
    {
        (_, _, PowerDomainProtocol client) = Discovered();
        Assert.Equal(ScmiStatus.InvalidParameters, client.SetState(Gpu, 0x1234).Status);
        Assert.Equal(ScmiStatus.Denied, client.SetState(AlwaysOn, PowerDomainProtocol.StateOff).Status);
        Ok(client.GetState(AlwaysOn, out uint state));
        Assert.Equal(PowerDomainProtocol.StateOn, state);
    }

    [Fact]
    public void An_asynchronous_set_completes_later_and_is_announced()
    {
        (Loopback loop, ScmiAgent agent, PowerDomainProtocol client) = Discovered();
        var changed = new RecordingHandler();
        Ok(agent.Subscribe(ScmiProtocolId.PowerDomain, PowerDomainMessages.StateChanged, changed));
        Ok(client.NotifyStateChanged(Gpu, true));
        Ok(client.SetStateAsync(Gpu, PowerDomainProtocol.StateOn));
        Ok(client.GetState(Gpu, out uint state));
        Assert.Equal(PowerDomainProtocol.StateOff, state); // accepted, not done
        for (int i = 0; i < 30; i++)
            loop.Clock.Spin();
        agent.ProcessPlatformMessages();
        Assert.Single(changed.Seen);
        Assert.True(PowerStateEvent.TryDecode(changed.Seen[0].Payload, out PowerStateEvent decoded));
        Assert.Equal(Gpu, decoded.DomainId);
        Assert.Equal(PowerDomainProtocol.StateOn, decoded.State);
        Assert.Equal(Default.CallerAgentId, decoded.AgentId);
        Ok(client.GetState(Gpu, out state));
        Assert.Equal(PowerDomainProtocol.StateOn, state);
    }

    [Fact]
    public void An_asynchronous_set_on_a_domain_without_it_is_not_supported()
    {
        var description = new PlatformDescription
        {
            PowerDomains = [new PowerDomainDescription { Name = "sync-only", AsyncSupported = false }],
        };
        (_, _, PowerDomainProtocol client) = Discovered(description);
        Span<byte> name = stackalloc byte[16];
        Ok(client.GetAttributes(0, out PowerDomainAttributes attributes, name, out _));
        Assert.False(attributes.AsynchronousSet);
        Assert.Equal(ScmiStatus.NotSupported, client.SetStateAsync(0, PowerDomainProtocol.StateOff).Status);
        Ok(client.SetState(0, PowerDomainProtocol.StateOff));
    }

    [Fact]
    public void Change_requests_are_announced_only_while_enabled()
    {
        (Loopback loop, ScmiAgent agent, PowerDomainProtocol client) = Discovered();
        var requested = new RecordingHandler();
        Ok(agent.Subscribe(ScmiProtocolId.PowerDomain, PowerDomainMessages.StateChangeRequested, requested));
        Ok(client.NotifyStateChangeRequested(Gpu, true));
        Ok(client.SetState(Gpu, PowerDomainProtocol.StateOn));
        loop.Clock.Spin();
        agent.ProcessPlatformMessages();
        Assert.Single(requested.Seen);
        Assert.True(PowerStateEvent.TryDecode(requested.Seen[0].Payload, out PowerStateEvent decoded));
        Assert.Equal(Gpu, decoded.DomainId);
        Assert.Equal(PowerDomainProtocol.StateOn, decoded.State);

        Ok(client.NotifyStateChangeRequested(Gpu, false));
        Ok(client.SetState(Gpu, PowerDomainProtocol.StateOff));
        loop.Clock.Spin();
        agent.ProcessPlatformMessages();
        Assert.Single(requested.Seen);
    }

    [Fact]
    public void A_hostile_platforms_names_are_not_believed()
    {
        (_, ScmiAgent agent) = Scripted(0x30000, (protocol, message, parameters) => message switch
        {
            1 => (0, Words(1, 0, 0, 0)),
            PowerDomainMessages.DomainAttributes => (0, Concat(Words(1u << 27), Name("0123456789abcdef"))),
            PowerDomainMessages.DomainNameGet => (0, Words(0)), // flags and no name
            _ => null,
        });
        var client = new PowerDomainProtocol(agent);
        Ok(client.Discover());
        Span<byte> name = stackalloc byte[64];
        Assert.Equal(ScmiAgentError.ReplyInvalid, client.GetAttributes(0, out _, name, out _).Agent);
        Assert.Equal(ScmiAgentError.ReplyTooShort, client.GetExtendedName(0, name, out _).Agent);
        Assert.False(PowerStateEvent.TryDecode(Words(1, 2), out _));
    }
}
