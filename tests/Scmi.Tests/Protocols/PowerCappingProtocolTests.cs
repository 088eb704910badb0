// The Power capping client against the real platform model and a hostile platform: attributes, names, cap and PAI, measurements, notifications.
using Scmi.Protocols;
using Scmi.Tests.Doubles;
using ScmiPlatform.Description;
using static Scmi.Tests.Protocols.ProtocolHarness;
using PlatformPowerCap = ScmiPlatform.Protocols.PowerCapProtocol;
using RecordingHandler = Scmi.Tests.Agent.AgentHarness.RecordingHandler;

namespace Scmi.Tests.Protocols;

public class PowerCappingProtocolTests
{
    private const uint Soc = 0;
    private const uint BigCpus = 1;

    private static (Loopback Loop, ScmiAgent Agent, PowerCappingProtocol Cap) Discovered(PlatformDescription? description = null)
    {
        (Loopback loop, ScmiAgent agent) = Real(description);
        var client = new PowerCappingProtocol(agent);
        Ok(client.Discover());
        return (loop, agent, client);
    }

    [Fact]
    public void Every_domain_has_its_bounds_unit_parent_and_name()
    {
        (_, _, PowerCappingProtocol client) = Discovered();
        Assert.Equal(1, client.Version.Major);
        Assert.Equal(Default.PowerCapDomains.Count, client.DomainCount);
        Span<byte> name = stackalloc byte[64];
        for (uint domain = 0; domain < client.DomainCount; domain++)
        {
            PowerCapDomainDescription d = Default.PowerCapDomains[(int)domain];
            Ok(client.GetAttributes(domain, out PowerCapDomainAttributes a, name, out int length));
            Assert.Equal(d.Name, Text(name, length));
            Assert.Equal((d.MinimumCap, d.MaximumCap, d.CapStep), (a.MinimumCap, a.MaximumCap, a.CapStep));
            Assert.Equal((d.MinimumPai, d.MaximumPai, d.PaiStep), (a.MinimumPai, a.MaximumPai, a.PaiStep));
            Assert.Equal((d.SustainablePower, d.Accuracy, d.ParentId), (a.SustainablePower, a.Accuracy, a.ParentId));
            Assert.True(a.Milliwatts);
            Assert.False(a.Microwatts);
            Assert.True(a.Monitoring);
            Assert.Equal(d.CapConfigurable, a.CapConfigurable);
            Assert.Equal(d.PaiConfigurable, a.PaiConfigurable);
            Assert.Equal(d.AsyncSupported, a.AsynchronousCapSet);
            Assert.True(a.CapChangeNotifications && a.MeasurementNotifications);
            Assert.False(a.ExtendedName);
            Ok(client.GetName(domain, name, out length));
            Assert.Equal(d.Name, Text(name, length));
        }
        Ok(client.GetAttributes(Soc, out PowerCapDomainAttributes soc, name, out _));
        Assert.Equal(PowerCapDomainAttributes.NoParent, soc.ParentId);
        Assert.Equal(ScmiStatus.NotSupported, client.GetExtendedName(Soc, name, out _).Status);
    }

    [Fact]
    public void A_long_name_comes_extended()
    {
        const string longName = "memory-subsystem-and-interconnect";
        (_, _, PowerCappingProtocol client) = Discovered(new PlatformDescription
        {
            PowerCapDomains = [new PowerCapDomainDescription { Name = longName, MinimumCap = 1, MaximumCap = 10, MinimumPai = 1, MaximumPai = 10 }],
        });
        Span<byte> name = stackalloc byte[64];
        Ok(client.GetAttributes(0, out PowerCapDomainAttributes a, name, out int length));
        Assert.True(a.ExtendedName);
        Assert.Equal(Short(longName), Text(name, length));
        Ok(client.GetName(0, name, out length));
        Assert.Equal(longName, Text(name, length));
    }

    [Fact]
    public void An_unknown_domain_is_not_found_by_every_command()
    {
        (_, _, PowerCappingProtocol client) = Discovered();
        uint bad = (uint)client.DomainCount;
        Span<byte> name = stackalloc byte[64];
        Assert.Equal(ScmiStatus.NotFound, client.GetAttributes(bad, out _, name, out _).Status);
        Assert.Equal(ScmiStatus.NotFound, client.GetExtendedName(bad, name, out _).Status);
        Assert.Equal(ScmiStatus.NotFound, client.GetCap(bad, out _).Status);
        Assert.Equal(ScmiStatus.NotFound, client.SetCap(bad, 5000).Status);
        Assert.Equal(ScmiStatus.NotFound, client.SetCapAsync(bad, 5000, out _).Status);
        Assert.Equal(ScmiStatus.NotFound, client.SetCapWithoutCompletion(bad, 5000).Status);
        Assert.Equal(ScmiStatus.NotFound, client.GetPai(bad, out _).Status);
        Assert.Equal(ScmiStatus.NotFound, client.SetPai(bad, 5000).Status);
        Assert.Equal(ScmiStatus.NotFound, client.GetMeasurements(bad, out _, out _).Status);
        Assert.Equal(ScmiStatus.NotFound, client.NotifyCapChanged(bad, true).Status);
        Assert.Equal(ScmiStatus.NotFound, client.NotifyMeasurements(bad, true, 0, 10).Status);
    }

    [Theory]
    [InlineData(ScmiCompletion.Interrupt)]
    [InlineData(ScmiCompletion.Poll)]
    public void The_cap_is_set_in_every_way_and_read_back(ScmiCompletion completion)
    {
        (Loopback loop, ScmiAgent agent, PowerCappingProtocol client) = Discovered();
        Ok(client.GetCap(Soc, out uint cap));
        Assert.Equal(12000u, cap);
        Ok(client.SetCap(Soc, 10000, completion));
        Ok(client.GetCap(Soc, out cap));
        Assert.Equal(10000u, cap);
        Ok(client.SetCapAsync(Soc, 9750, out uint applied, completion));
        Assert.Equal(9750u, applied);
        Ok(client.SetCapWithoutCompletion(Soc, 2000));
        Ok(client.GetCap(Soc, out cap));
        Assert.Equal(2000u, cap);
        Assert.Equal(1ul, agent.Counters.DelayedPaired);
        Assert.Equal(0ul, agent.Counters.DelayedUnexpected);
        Assert.Equal(0, loop.Channel.Tokens.HeldCount);
    }

    [Fact]
    public void A_cap_or_interval_off_the_grid_is_out_of_range()
    {
        (_, _, PowerCappingProtocol client) = Discovered();
        Assert.Equal(ScmiStatus.OutOfRange, client.SetCap(Soc, 1750).Status);   // below the minimum
        Assert.Equal(ScmiStatus.OutOfRange, client.SetCap(Soc, 15250).Status);  // above the maximum
        Assert.Equal(ScmiStatus.OutOfRange, client.SetCap(Soc, 10001).Status);  // off the step
        Assert.Equal(ScmiStatus.OutOfRange, client.SetCapAsync(Soc, 10001, out _).Status);
        Assert.Equal(ScmiStatus.OutOfRange, client.SetPai(Soc, 500).Status);
        Assert.Equal(ScmiStatus.OutOfRange, client.SetPai(Soc, 1500).Status);
        Ok(client.GetCap(Soc, out uint cap));
        Assert.Equal(12000u, cap);
    }

    [Fact]
    public void A_domain_whose_cap_is_fixed_refuses_to_set_it()
    {
        (_, _, PowerCappingProtocol client) = Discovered(new PlatformDescription
        {
            PowerCapDomains = [new PowerCapDomainDescription { Name = "fixed", MinimumCap = 1, MaximumCap = 10, MinimumPai = 1, MaximumPai = 10, CapConfigurable = false, PaiConfigurable = false }],
        });
        Assert.Equal(ScmiStatus.NotSupported, client.SetCap(0, 5).Status);
        Assert.Equal(ScmiStatus.NotSupported, client.SetPai(0, 5).Status);
    }

    [Fact]
    public void The_averaging_interval_and_measurements_are_read_back()
    {
        (_, _, PowerCappingProtocol client) = Discovered();
        Ok(client.GetPai(BigCpus, out uint pai));
        Assert.Equal(1000u, pai);
        Ok(client.SetPai(BigCpus, 50000));
        Ok(client.GetPai(BigCpus, out pai));
        Assert.Equal(50000u, pai);
        Ok(client.GetMeasurements(BigCpus, out uint power, out pai));
        Assert.Equal(Default.PowerCapDomains[(int)BigCpus].MeasuredPower, power);
        Assert.Equal(50000u, pai);
    }

    [Fact]
    public void Cap_changes_and_measurements_outside_the_thresholds_are_announced()
    {
        (Loopback loop, ScmiAgent agent, PowerCappingProtocol client) = Discovered();
        var capChanged = new RecordingHandler();
        var measured = new RecordingHandler();
        Ok(agent.Subscribe(ScmiProtocolId.PowerCapping, PowerCappingMessages.CapChanged, capChanged));
        Ok(agent.Subscribe(ScmiProtocolId.PowerCapping, PowerCappingMessages.MeasurementsChanged, measured));
        Ok(client.NotifyCapChanged(Soc, true));
        Ok(client.NotifyMeasurements(Soc, true, 3000, 5000));
        Assert.Equal(ScmiStatus.InvalidParameters, client.NotifyMeasurements(Soc, true, 6000, 5000).Status);

        Ok(client.SetCap(Soc, 11000));
        Ok(client.SetPai(Soc, 20000));
        PlatformPowerCap platform = loop.Platform!.Model.Protocol<PlatformPowerCap>()!;
        platform.SetMeasuredPower((int)Soc, 4500); // inside: quiet
        platform.SetMeasuredPower((int)Soc, 5200); // above the high threshold
        loop.Clock.Spin();
        agent.ProcessPlatformMessages();

        Assert.Equal(2, capChanged.Seen.Count);
        Assert.True(PowerCapChangedEvent.TryDecode(capChanged.Seen[1].Payload, out PowerCapChangedEvent changed));
        Assert.Equal((Soc, 11000u, 20000u, Default.CallerAgentId), (changed.DomainId, changed.Cap, changed.Pai, changed.AgentId));
        Assert.Single(measured.Seen);
        Assert.True(PowerCapMeasurementsChangedEvent.TryDecode(measured.Seen[0].Payload, out PowerCapMeasurementsChangedEvent m));
        Assert.Equal((Soc, 5200u), (m.DomainId, m.Power));

        Ok(client.NotifyCapChanged(Soc, false));
        Ok(client.SetCap(Soc, 12000));
        loop.Clock.Spin();
        agent.ProcessPlatformMessages();
        Assert.Equal(2, capChanged.Seen.Count);
        Assert.False(PowerCapChangedEvent.TryDecode(Words(1, 2, 3), out _));
        Assert.False(PowerCapMeasurementsChangedEvent.TryDecode(Words(1, 2), out _));
    }

    [Fact]
    public void Hostile_attributes_and_completions_are_not_believed()
    {
        (_, ScmiAgent agent) = Scripted(0x10000, (protocol, message, parameters) => message switch
        {
            1 => (0, Words(1)),
            // min cap 900 above max cap 100
            PowerCappingMessages.DomainAttributes => (0, Concat(Words(1u << 27), Name("x"), Words(1, 10, 1, 900, 100, 1, 0, 0, 0xFFFF_FFFF))),
            PowerCappingMessages.CapSet => (0, Array.Empty<byte>()),
            _ => null,
        }, (loop, header) =>
        {
            if ((byte)header == PowerCappingMessages.CapSet)
            {
                Scmi.Tests.Agent.AgentHarness.PostPlatformMessage(loop,
                    Scmi.Tests.Agent.AgentHarness.DelayedHeader(ScmiProtocolId.PowerCapping, PowerCappingMessages.CapSet, TokenOf(header)), Words(0, 7, 50));
            }
        });
        var client = new PowerCappingProtocol(agent);
        Ok(client.Discover());
        Span<byte> name = stackalloc byte[16];
        Assert.Equal(ScmiAgentError.ReplyInvalid, client.GetAttributes(0, out _, name, out _).Agent);
        Assert.Equal(ScmiAgentError.ReplyInvalid, client.SetCapAsync(0, 50, out _).Agent); // the completion names domain 7
    }
}
