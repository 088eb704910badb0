// The Base protocol client against the real platform model and a hostile platform: discovery, vendor, protocol list paging, agents, errors.
using Scmi.Protocols;
using Scmi.Tests.Doubles;
using RecordingHandler = Scmi.Tests.Agent.AgentHarness.RecordingHandler;
using static Scmi.Tests.Protocols.ProtocolHarness;

namespace Scmi.Tests.Protocols;

public class BaseProtocolTests
{
    private static readonly byte[] Listed = [0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18];

    private static (Loopback Loop, ScmiAgent Agent, BaseProtocol Base) Discovered()
    {
        (Loopback loop, ScmiAgent agent) = Real();
        var client = new BaseProtocol(agent);
        Ok(client.Discover());
        return (loop, agent, client);
    }

    [Fact]
    public void Discovery_reads_the_version_and_the_protocol_and_agent_counts()
    {
        (_, _, BaseProtocol client) = Discovered();
        Assert.Equal(2, client.Version.Major);
        Assert.Equal(Listed.Length, client.ProtocolCount);
        Assert.Equal(Default.Agents.Count, client.AgentCount);
        Ok(client.GetMessageAttributes(BaseMessages.DiscoverListProtocols, out _));
        Assert.Equal(ScmiStatus.NotFound, client.GetMessageAttributes(0x30, out _).Status);
    }

    [Fact]
    public void Vendor_sub_vendor_and_implementation_version_are_the_descriptions()
    {
        (_, _, BaseProtocol client) = Discovered();
        Span<byte> name = stackalloc byte[64];
        Ok(client.GetVendor(name, out int length));
        Assert.Equal(Default.Vendor, Text(name, length));
        Ok(client.GetSubVendor(name, out length));
        Assert.Equal(Default.SubVendor, Text(name, length));
        Ok(client.GetImplementationVersion(out uint version));
        Assert.Equal(Default.ImplementationVersion, version);
    }

    [Fact]
    public void A_name_is_cut_to_the_callers_buffer()
    {
        (_, _, BaseProtocol client) = Discovered();
        Span<byte> name = stackalloc byte[3];
        Ok(client.GetVendor(name, out int length));
        Assert.Equal(3, length);
        Assert.Equal(Default.Vendor.Substring(0, 3), Text(name, length));
    }

    [Theory]
    [InlineData(8, 2)]    // four ids a page
    [InlineData(12, 1)]   // eight ids fit one page
    [InlineData(128, 1)]
    public void The_protocol_list_is_walked_page_by_page_in_one_buffer(int pageBytes, int pages)
    {
        (_, ScmiAgent agent, BaseProtocol client) = Discovered();
        ulong sentBefore = agent.Counters.Sent;
        var seen = new List<byte>();
        Span<byte> page = stackalloc byte[pageBytes];
        BaseProtocolList list = client.ListProtocols(page);
        while (list.TryGetNext(out byte protocol))
            seen.Add(protocol);
        Ok(list.Result);
        Assert.Equal(Listed, seen);
        Assert.Equal((ulong)pages, agent.Counters.Sent - sentBefore);
    }

    [Fact]
    public void The_protocol_list_refuses_a_small_page_and_an_undiscovered_client()
    {
        (_, ScmiAgent agent) = Real();
        var client = new BaseProtocol(agent);
        Span<byte> page = stackalloc byte[16];
        BaseProtocolList list = client.ListProtocols(page);
        Assert.False(list.TryGetNext(out _));
        Assert.Equal(ScmiAgentError.NotDiscovered, list.Result.Agent);
        Ok(client.Discover());
        list = client.ListProtocols(page.Slice(0, 7));
        Assert.False(list.TryGetNext(out _));
        Assert.Equal(ScmiAgentError.InvalidArgument, list.Result.Agent);
        Assert.Equal(0ul, agent.Counters.Sent - 2); // version + attributes only: nothing sent for the refused walks
    }

    [Theory]
    [InlineData(0u, ScmiAgentError.ReplyInvalid)]   // an empty page before the end would loop forever
    [InlineData(9u, ScmiAgentError.ReplyInvalid)]   // more ids than PROTOCOL_ATTRIBUTES announced
    [InlineData(8u, ScmiAgentError.ReplyTooShort)]  // a count the returned words do not carry
    public void A_hostile_protocol_list_ends_the_walk_with_an_error(uint count, ScmiAgentError expected)
    {
        (_, ScmiAgent agent) = Scripted(0x20000, (protocol, message, parameters) => message switch
        {
            1 => (0, Words(8)),
            BaseMessages.DiscoverListProtocols => (0, Words(count, 0x14131211)),
            _ => null,
        });
        var client = new BaseProtocol(agent);
        Ok(client.Discover());
        Span<byte> page = stackalloc byte[64];
        BaseProtocolList list = client.ListProtocols(page);
        Assert.False(list.TryGetNext(out _));
        Assert.Equal(expected, list.Result.Agent);
    }

    [Fact]
    public void Agents_are_discovered_by_id_and_the_caller_by_its_own_id()
    {
        (_, _, BaseProtocol client) = Discovered();
        Span<byte> name = stackalloc byte[16];
        Ok(client.DiscoverAgent(0, out uint id, name, out int length));
        Assert.Equal(0u, id);
        Assert.Equal("platform", Text(name, length));
        for (int agent = 1; agent <= Default.Agents.Count; agent++)
        {
            Ok(client.DiscoverAgent((uint)agent, out id, name, out length));
            Assert.Equal((uint)agent, id);
            Assert.Equal(Default.Agents[agent - 1].Name, Text(name, length));
        }
        Ok(client.DiscoverAgent(BaseProtocol.CallingAgent, out id, name, out length));
        Assert.Equal((uint)Default.CallerAgentId, id);
        Assert.Equal(ScmiStatus.NotFound, client.DiscoverAgent((uint)Default.Agents.Count + 1, out _, name, out _).Status);
    }

    [Fact]
    public void A_hostile_name_without_terminator_or_too_short_is_refused()
    {
        (_, ScmiAgent agent) = Scripted(0x20000, (protocol, message, parameters) => message switch
        {
            1 => (0, Words(0x0208)),
            BaseMessages.DiscoverVendor => (0, Name("ABCDEFGHIJKLMNOP")),
            BaseMessages.DiscoverSubVendor => (0, Name("short", 8)),
            BaseMessages.DiscoverAgent => (0, Concat(Words(1), Name("0123456789abcdefXYZ"))),
            _ => null,
        });
        var client = new BaseProtocol(agent);
        Ok(client.Discover());
        Span<byte> name = stackalloc byte[64];
        Assert.Equal(ScmiAgentError.ReplyInvalid, client.GetVendor(name, out int length).Agent);
        Assert.Equal(0, length);
        Assert.Equal(ScmiTransportResult.Malformed, client.GetSubVendor(name, out _).Transport); // the transport checks the expected length
        Assert.Equal(ScmiAgentError.ReplyInvalid, client.DiscoverAgent(1, out _, name, out _).Agent);
    }

    [Fact]
    public void Error_notifications_are_enabled_and_their_reports_decoded()
    {
        (Loopback loop, ScmiAgent agent, BaseProtocol client) = Discovered();
        var handler = new RecordingHandler();
        Ok(agent.Subscribe(ScmiProtocolId.Base, BaseMessages.ErrorEvent, handler));
        ScmiPlatform.Protocols.BaseProtocol platform = loop.Platform!.Model.Protocol<ScmiPlatform.Protocols.BaseProtocol>()!;

        platform.ReportErrors([TimeSpan.FromMicroseconds(5)]);
        loop.Clock.Spin();
        agent.ProcessPlatformMessages();
        Assert.Empty(handler.Seen); // not enabled yet

        Ok(client.NotifyErrors(true));
        var times = Enumerable.Range(1, 10).Select(i => TimeSpan.FromMicroseconds(i)).ToArray();
        platform.ReportErrors(times);
        loop.Clock.Spin();
        agent.ProcessPlatformMessages();
        Assert.Single(handler.Seen);
        Assert.True(BaseErrorEvent.TryDecode(handler.Seen[0].Payload, out BaseErrorEvent decoded));
        Assert.Equal((uint)Default.CallerAgentId, decoded.AgentId);
        Assert.Equal(8, decoded.ReportCount);
        Assert.True(decoded.Overflowed);
        Assert.Equal(1000ul, decoded.Report(0)); // nanoseconds
        Assert.Equal(8000ul, decoded.Report(7));
        Assert.Equal(0ul, decoded.Report(8));

        Ok(client.NotifyErrors(false));
        platform.ReportErrors(times);
        loop.Clock.Spin();
        agent.ProcessPlatformMessages();
        Assert.Single(handler.Seen);
    }

    [Fact]
    public void An_error_event_shorter_than_its_count_is_not_decoded()
    {
        Assert.False(BaseErrorEvent.TryDecode(Words(1, 2, 5, 0), out _));
        Assert.False(BaseErrorEvent.TryDecode(Words(1), out _));
        Assert.True(BaseErrorEvent.TryDecode(Words(1, 1, 5, 0), out BaseErrorEvent one));
        Assert.Equal(5ul, one.Report(0));
    }
}
