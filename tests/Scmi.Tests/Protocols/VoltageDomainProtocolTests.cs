// The Voltage domain client against the real platform model and a hostile platform: names, level lists (discrete paged, range), level and config get/set.
using Scmi.Protocols;
using Scmi.Tests.Doubles;
using ScmiPlatform.Description;
using static Scmi.Tests.Protocols.ProtocolHarness;

namespace Scmi.Tests.Protocols;

public class VoltageDomainProtocolTests
{
    private const uint Cpu = 0; // range 500000..1200000 step 6250
    private const uint Gpu = 1; // five discrete levels
    private const uint Io = 2;  // locked

    private static (Loopback Loop, ScmiAgent Agent, VoltageDomainProtocol Voltage) Discovered(PlatformDescription? description = null)
    {
        (Loopback loop, ScmiAgent agent) = Real(description);
        var client = new VoltageDomainProtocol(agent);
        Ok(client.Discover());
        return (loop, agent, client);
    }

    private static List<int> Walk(ref VoltageLevelList list)
    {
        var levels = new List<int>();
        // Bounded, so a walk that never ends fails here instead of hanging the run.
        while (levels.Count < 1000 && list.TryGetNext(out int level))
            levels.Add(level);
        return levels;
    }

    [Fact]
    public void Every_domain_has_its_attributes_and_name_and_a_long_name_comes_extended()
    {
        (_, _, VoltageDomainProtocol client) = Discovered();
        Assert.Equal(2, client.Version.Major);
        Assert.Equal(Default.VoltageDomains.Count, client.DomainCount);
        Span<byte> name = stackalloc byte[64];
        for (uint domain = 0; domain < client.DomainCount; domain++)
        {
            VoltageDomainDescription d = Default.VoltageDomains[(int)domain];
            Ok(client.GetAttributes(domain, out VoltageDomainAttributes attributes, name, out int length));
            Assert.Equal(d.Name, Text(name, length));
            Assert.Equal(d.AsyncSupported, attributes.AsynchronousLevelSet);
            Assert.False(attributes.ExtendedName);
            Assert.Equal(ScmiStatus.NotSupported, client.GetExtendedName(domain, name, out _).Status);
        }

        const string longName = "vdd-always-on-retention-rail";
        (_, _, client) = Discovered(new PlatformDescription
        {
            VoltageDomains = [new VoltageDomainDescription { Name = longName, Levels = [800000] }],
        });
        Ok(client.GetAttributes(0, out VoltageDomainAttributes longAttributes, name, out int shortLength));
        Assert.True(longAttributes.ExtendedName);
        Assert.Equal(Short(longName), Text(name, shortLength));
        Ok(client.GetName(0, name, out int fullLength));
        Assert.Equal(longName, Text(name, fullLength));
    }

    [Fact]
    public void An_unknown_domain_is_not_found_by_every_command()
    {
        (_, _, VoltageDomainProtocol client) = Discovered();
        uint bad = (uint)client.DomainCount;
        Span<byte> name = stackalloc byte[64];
        Assert.Equal(ScmiStatus.NotFound, client.GetAttributes(bad, out _, name, out _).Status);
        Assert.Equal(ScmiStatus.NotFound, client.GetExtendedName(bad, name, out _).Status);
        Assert.Equal(ScmiStatus.NotFound, client.GetLevel(bad, out _).Status);
        Assert.Equal(ScmiStatus.NotFound, client.SetLevel(bad, 800000).Status);
        Assert.Equal(ScmiStatus.NotFound, client.SetLevelAsync(bad, 800000, out _).Status);
        Assert.Equal(ScmiStatus.NotFound, client.GetConfig(bad, out _).Status);
        Assert.Equal(ScmiStatus.NotFound, client.SetConfig(bad, VoltageDomainProtocol.ConfigOn).Status);
        Span<byte> page = stackalloc byte[64];
        VoltageLevelList list = client.DescribeLevels(bad, page);
        Assert.False(list.TryGetNext(out _));
        Assert.Equal(ScmiStatus.NotFound, list.Result.Status);
    }

    [Theory]
    [InlineData(16, 2)]  // three levels a page
    [InlineData(20, 2)]  // four a page
    [InlineData(24, 1)]  // all five
    [InlineData(128, 1)]
    public void A_discrete_level_list_is_walked_page_by_page_in_one_buffer(int pageBytes, int pages)
    {
        (_, ScmiAgent agent, VoltageDomainProtocol client) = Discovered();
        ulong before = agent.Counters.Sent;
        Span<byte> page = stackalloc byte[pageBytes];
        VoltageLevelList list = client.DescribeLevels(Gpu, page);
        List<int> levels = Walk(ref list);
        Ok(list.Result);
        Assert.False(list.IsRange);
        Assert.Equal(Default.VoltageDomains[(int)Gpu].Levels, levels);
        Assert.Equal(5u, list.Count);
        Assert.Equal((ulong)pages, agent.Counters.Sent - before);
    }

    [Fact]
    public void A_long_discrete_list_takes_many_pages()
    {
        int[] many = Enumerable.Range(0, 40).Select(i => 600000 + 10000 * i).ToArray();
        (_, ScmiAgent agent, VoltageDomainProtocol client) = Discovered(new PlatformDescription
        {
            VoltageDomains = [new VoltageDomainDescription { Name = "many", Levels = many }],
        });
        ulong before = agent.Counters.Sent;
        Span<byte> page = stackalloc byte[16];
        VoltageLevelList list = client.DescribeLevels(0, page);
        Assert.Equal(many, Walk(ref list));
        Ok(list.Result);
        Assert.Equal(14ul, agent.Counters.Sent - before); // ceil(40 / 3)
    }

    [Fact]
    public void A_range_comes_whole_and_its_levels_are_computed()
    {
        (_, ScmiAgent agent, VoltageDomainProtocol client) = Discovered();
        ulong before = agent.Counters.Sent;
        Span<byte> page = stackalloc byte[16];
        VoltageLevelList list = client.DescribeLevels(Cpu, page);
        List<int> levels = Walk(ref list);
        Ok(list.Result);
        Assert.True(list.IsRange);
        Assert.Equal((500000, 1200000, 6250), (list.Lowest, list.Highest, list.Step));
        Assert.Equal(113, levels.Count);
        Assert.Equal(500000, levels[0]);
        Assert.Equal(1200000, levels[^1]);
        Assert.Equal(1ul, agent.Counters.Sent - before);
        Assert.Equal(ScmiAgentError.InvalidArgument, client.DescribeLevels(Cpu, page.Slice(0, 15)) is var small && !small.TryGetNext(out _) ? small.Result.Agent : ScmiAgentError.None);
    }

    [Theory]
    [InlineData(new uint[] { 0x0002_0000 }, ScmiAgentError.ReplyInvalid)]                         // none returned, two remaining: would loop forever
    [InlineData(new uint[] { 0x0000_0003, 1, 2 }, ScmiAgentError.ReplyTooShort)]                  // three announced, two sent
    [InlineData(new uint[] { 0x0000_1002, 1, 2 }, ScmiAgentError.ReplyInvalid)]                   // a range of two values
    [InlineData(new uint[] { 0x0000_1003, 900, 800, 10 }, ScmiAgentError.ReplyInvalid)]           // highest below lowest
    [InlineData(new uint[] { 0x0000_1003, 800, 900, 0 }, ScmiAgentError.ReplyInvalid)]            // a zero step between two levels
    public void A_hostile_level_list_ends_the_walk_with_an_error(uint[] reply, ScmiAgentError expected)
    {
        (_, ScmiAgent agent) = Scripted(0x20000, (protocol, message, parameters) => message switch
        {
            1 => (0, Words(1)),
            VoltageDomainMessages.DescribeLevels => (0, Words(reply)),
            _ => null,
        });
        var client = new VoltageDomainProtocol(agent);
        Ok(client.Discover());
        Span<byte> page = stackalloc byte[64];
        VoltageLevelList list = client.DescribeLevels(0, page);
        Assert.True(Walk(ref list).Count < 1000, "the walk ended");
        Assert.Equal(expected, list.Result.Agent);
    }

    [Fact]
    public void A_total_that_changes_between_pages_is_not_believed()
    {
        (_, ScmiAgent agent) = Scripted(0x20000, (protocol, message, parameters) => message switch
        {
            1 => (0, Words(1)),
            // First page: 2 returned, 2 remaining (total 4); second page claims 5 remaining (total 7).
            VoltageDomainMessages.DescribeLevels => parameters[4] == 0 ? (0, Words(0x0002_0002, 1, 2)) : (0, Words(0x0005_0002, 3, 4)),
            _ => null,
        });
        var client = new VoltageDomainProtocol(agent);
        Ok(client.Discover());
        Span<byte> page = stackalloc byte[64];
        VoltageLevelList list = client.DescribeLevels(0, page);
        Assert.Equal(new[] { 1, 2 }, Walk(ref list));
        Assert.Equal(ScmiAgentError.ReplyInvalid, list.Result.Agent);
    }

    [Theory]
    [InlineData(ScmiCompletion.Interrupt)]
    [InlineData(ScmiCompletion.Poll)]
    public void Levels_are_set_synchronously_and_asynchronously_and_read_back(ScmiCompletion completion)
    {
        (Loopback loop, ScmiAgent agent, VoltageDomainProtocol client) = Discovered();
        Ok(client.SetLevel(Gpu, 900000, completion));
        Ok(client.GetLevel(Gpu, out int level));
        Assert.Equal(900000, level);
        Ok(client.SetLevelAsync(Cpu, 500000 + 6250 * 40, out int reached, completion));
        Assert.Equal(750000, reached);
        Ok(client.GetLevel(Cpu, out level));
        Assert.Equal(750000, level);
        Assert.Equal(1ul, agent.Counters.DelayedPaired);
        Assert.Equal(0, loop.Channel.Tokens.HeldCount);
    }

    [Fact]
    public void A_level_the_domain_does_not_offer_is_out_of_range_and_a_locked_domain_denied()
    {
        (_, _, VoltageDomainProtocol client) = Discovered();
        Assert.Equal(ScmiStatus.OutOfRange, client.SetLevel(Gpu, 850000).Status);
        Assert.Equal(ScmiStatus.OutOfRange, client.SetLevel(Cpu, 500001).Status);   // off the step grid
        Assert.Equal(ScmiStatus.OutOfRange, client.SetLevel(Cpu, 1206250).Status);  // past the highest
        Assert.Equal(ScmiStatus.OutOfRange, client.SetLevelAsync(Cpu, 400000, out _).Status);
        Assert.Equal(ScmiStatus.Denied, client.SetLevel(Io, 3300000).Status);
        Ok(client.GetLevel(Gpu, out int level));
        Assert.Equal(800000, level);
    }

    [Fact]
    public void The_configuration_is_switched_off_and_on_and_reserved_modes_refused()
    {
        (_, _, VoltageDomainProtocol client) = Discovered();
        Ok(client.GetConfig(Gpu, out uint config));
        Assert.Equal(VoltageDomainProtocol.ConfigOn, config);
        Ok(client.SetConfig(Gpu, VoltageDomainProtocol.ConfigOff));
        Ok(client.GetConfig(Gpu, out config));
        Assert.Equal(VoltageDomainProtocol.ConfigOff, config);
        Assert.Equal(ScmiStatus.InvalidParameters, client.SetConfig(Gpu, 0x3).Status);
        Assert.Equal(ScmiStatus.Denied, client.SetConfig(Io, VoltageDomainProtocol.ConfigOff).Status);
    }

    [Fact]
    public void A_level_set_completion_naming_another_domain_is_not_believed()
    {
        (_, ScmiAgent agent) = Scripted(0x20000, (protocol, message, parameters) => message switch
        {
            1 => (0, Words(2)),
            VoltageDomainMessages.LevelSet => (0, Array.Empty<byte>()),
            _ => null,
        }, (loop, header) =>
        {
            if ((byte)header == VoltageDomainMessages.LevelSet)
            {
                Scmi.Tests.Agent.AgentHarness.PostPlatformMessage(loop,
                    Scmi.Tests.Agent.AgentHarness.DelayedHeader(ScmiProtocolId.VoltageDomain, VoltageDomainMessages.LevelSet, TokenOf(header)), Words(0, 1, 800000));
            }
        });
        var client = new VoltageDomainProtocol(agent);
        Ok(client.Discover());
        Assert.Equal(ScmiAgentError.ReplyInvalid, client.SetLevelAsync(0, 800000, out int reached).Agent); // asked for domain 0, told about 1
        Assert.Equal(0, reached);
        Assert.Equal(0, agent.TransfersInUse);
    }
}
