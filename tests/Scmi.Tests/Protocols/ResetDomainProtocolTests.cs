// The Reset domain client against the real platform model and a hostile platform: attributes, names, sync/async reset, assert/deassert, notifications.
using Scmi.Protocols;
using Scmi.Tests.Doubles;
using ScmiPlatform.Description;
using static Scmi.Tests.Protocols.ProtocolHarness;
using PlatformReset = ScmiPlatform.Protocols.ResetDomainProtocol;
using RecordingHandler = Scmi.Tests.Agent.AgentHarness.RecordingHandler;

namespace Scmi.Tests.Protocols;

public class ResetDomainProtocolTests
{
    private const uint Usb = 1;
    private const uint Ethernet = 2; // no asynchronous reset
    private const uint Crypto = 3;   // locked, extended name

    private static (Loopback Loop, ScmiAgent Agent, ResetDomainProtocol Reset, PlatformReset Platform) Discovered()
    {
        (Loopback loop, ScmiAgent agent) = Real();
        var client = new ResetDomainProtocol(agent);
        Ok(client.Discover());
        return (loop, agent, client, loop.Platform!.Model.Protocol<PlatformReset>()!);
    }

    [Fact]
    public void Every_domain_has_its_attributes_latency_and_full_name()
    {
        (_, _, ResetDomainProtocol client, _) = Discovered();
        Assert.Equal(3, client.Version.Major);
        Assert.Equal(Default.ResetDomains.Count, client.DomainCount);
        Span<byte> name = stackalloc byte[64];
        for (uint domain = 0; domain < client.DomainCount; domain++)
        {
            ResetDomainDescription d = Default.ResetDomains[(int)domain];
            Ok(client.GetAttributes(domain, out ResetDomainAttributes attributes, name, out int length));
            Assert.Equal(Short(d.Name), Text(name, length));
            Assert.Equal(d.LatencyMicroseconds, attributes.LatencyMicroseconds);
            Assert.Equal(d.AsyncSupported, attributes.AsynchronousReset);
            Assert.True(attributes.Notifications);
            Assert.Equal(d.Name.Length >= 16, attributes.ExtendedName);
            Ok(client.GetName(domain, name, out length));
            Assert.Equal(d.Name, Text(name, length));
        }
        Assert.Equal(ScmiStatus.NotSupported, client.GetExtendedName(Usb, name, out _).Status);
    }

    [Fact]
    public void An_unknown_domain_is_not_found_by_every_command()
    {
        (_, _, ResetDomainProtocol client, _) = Discovered();
        uint bad = (uint)client.DomainCount;
        Span<byte> name = stackalloc byte[64];
        Assert.Equal(ScmiStatus.NotFound, client.GetAttributes(bad, out _, name, out _).Status);
        Assert.Equal(ScmiStatus.NotFound, client.GetExtendedName(bad, name, out _).Status);
        Assert.Equal(ScmiStatus.NotFound, client.Reset(bad).Status);
        Assert.Equal(ScmiStatus.NotFound, client.ResetAsync(bad).Status);
        Assert.Equal(ScmiStatus.NotFound, client.Assert(bad).Status);
        Assert.Equal(ScmiStatus.NotFound, client.Deassert(bad).Status);
        Assert.Equal(ScmiStatus.NotFound, client.Notify(bad, true).Status);
    }

    [Theory]
    [InlineData(ScmiCompletion.Interrupt)]
    [InlineData(ScmiCompletion.Poll)]
    public void Synchronous_and_asynchronous_resets_are_done_when_they_return(ScmiCompletion completion)
    {
        (Loopback loop, ScmiAgent agent, ResetDomainProtocol client, PlatformReset platform) = Discovered();
        Ok(client.Reset(Usb, ResetDomainProtocol.ColdReset, completion));
        Assert.Equal(1, platform.ResetCount);
        for (int i = 0; i < 5; i++)
            Ok(client.ResetAsync(Usb, ResetDomainProtocol.ColdReset, completion));
        Assert.Equal(6, platform.ResetCount);
        Assert.Equal(5ul, agent.Counters.DelayedPaired);
        Assert.Equal(0, agent.TransfersInUse);
        Assert.Equal(0, loop.Channel.Tokens.HeldCount);
    }

    [Fact]
    public void Refused_resets_say_why()
    {
        (_, _, ResetDomainProtocol client, PlatformReset platform) = Discovered();
        Assert.Equal(ScmiStatus.NotSupported, client.ResetAsync(Ethernet).Status);
        Assert.Equal(ScmiStatus.Denied, client.Reset(Crypto).Status);
        Assert.Equal(ScmiStatus.InvalidParameters, client.Reset(Usb, 5).Status); // a reserved architectural reset type
        Ok(client.Reset(Usb, 0x8000_0005)); // an implementation-defined one
        Assert.Equal(1, platform.ResetCount);
    }

    [Fact]
    public void Assert_holds_the_domain_in_reset_until_deassert()
    {
        (_, _, ResetDomainProtocol client, PlatformReset platform) = Discovered();
        Ok(client.Assert(Usb));
        Assert.True(platform.IsAsserted((int)Usb));
        Ok(client.Deassert(Usb));
        Assert.False(platform.IsAsserted((int)Usb));
        Assert.Equal(ScmiStatus.Denied, client.Assert(Crypto).Status);
    }

    [Fact]
    public void Reset_issued_is_announced_only_while_enabled()
    {
        (Loopback loop, ScmiAgent agent, ResetDomainProtocol client, _) = Discovered();
        var issued = new RecordingHandler();
        Ok(agent.Subscribe(ScmiProtocolId.ResetDomain, ResetDomainMessages.ResetIssued, issued));
        Ok(client.Notify(Usb, true));
        Ok(client.Reset(Usb));
        Ok(client.Assert(Usb, 0x8000_0001));
        Ok(client.Deassert(Usb)); // a release is not a reset issued
        loop.Clock.Spin();
        agent.ProcessPlatformMessages();
        Assert.Equal(2, issued.Seen.Count);
        Assert.True(ResetIssuedEvent.TryDecode(issued.Seen[1].Payload, out ResetIssuedEvent decoded));
        Assert.Equal(Usb, decoded.DomainId);
        Assert.Equal(0x8000_0001u, decoded.ResetState);
        Assert.Equal(Default.CallerAgentId, decoded.AgentId);

        Ok(client.Notify(Usb, false));
        Ok(client.Reset(Usb));
        loop.Clock.Spin();
        agent.ProcessPlatformMessages();
        Assert.Equal(2, issued.Seen.Count);
        Assert.False(ResetIssuedEvent.TryDecode(Words(1, 1), out _));
    }

    [Fact]
    public void A_delayed_response_naming_another_domain_is_not_believed()
    {
        (_, ScmiAgent agent) = Scripted(0x30000, (protocol, message, parameters) => message switch
        {
            1 => (0, Words(4)),
            ResetDomainMessages.Reset => (0, Array.Empty<byte>()),
            _ => null,
        }, (loop, header) =>
        {
            // After the synchronous reply: the delayed response names domain 3 for a request about domain 1.
            if ((byte)header == ResetDomainMessages.Reset)
            {
                Scmi.Tests.Agent.AgentHarness.PostPlatformMessage(loop,
                    Scmi.Tests.Agent.AgentHarness.DelayedHeader(ScmiProtocolId.ResetDomain, ResetDomainMessages.Reset, TokenOf(header)), Words(0, 3));
            }
        });
        var client = new ResetDomainProtocol(agent);
        Ok(client.Discover());
        Assert.Equal(ScmiAgentError.ReplyInvalid, client.ResetAsync(1).Agent);
        Assert.Equal(0, agent.TransfersInUse);
    }
}
