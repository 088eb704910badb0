// Version negotiation against platforms reporting other versions, with BASE_NEGOTIATE_PROTOCOL_VERSION (SCMI DEN0056E §4.2.2.11).
using Scmi.Tests.Doubles;
using ScmiPlatform.Description;
using static Scmi.Tests.Agent.AgentHarness;

namespace Scmi.Tests.Agent;

public class VersionNegotiationTests
{
    private static ScmiAgent WithClockVersion(uint version, out Loopback loop)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(PlatformDescriptionLoader.DefaultPath),
            documentOptions: new System.Text.Json.JsonDocumentOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true })!;
        json["versions"] = new System.Text.Json.Nodes.JsonObject { ["clock"] = $"0x{version:X}" };
        PlatformDescription description = PlatformDescriptionLoader.Parse(json.ToJsonString());
        (loop, ScmiAgent agent) = Real(description: description);
        return agent;
    }

    [Fact]
    public void The_platform_offers_the_negotiation_message()
    {
        (_, ScmiAgent agent) = Real();
        Span<byte> parameters = Words(ScmiAgent.NegotiateProtocolVersionMessage);
        ScmiResult result = agent.Invoke(ScmiProtocolId.Base, 2, parameters, stackalloc byte[4], out _, 4);
        Assert.True(result.IsSuccess, ScmiStatusNames.Describe(result));
    }

    [Fact]
    public void A_newer_minor_is_negotiated_down_to_the_agents()
    {
        ScmiAgent agent = WithClockVersion(0x2_0003, out Loopback loop);
        ScmiResult result = agent.NegotiateVersion(ScmiProtocolId.Clock, new ScmiProtocolVersion(2, 0), out ScmiProtocolVersion agreed);
        Assert.True(result.IsSuccess, ScmiStatusNames.Describe(result));
        Assert.Equal(0x2_0000u, agreed.Value);
        Assert.Equal(0x2_0000u, loop.Platform!.Model.Protocol<ScmiPlatform.Protocols.ClockProtocol>()!.NegotiatedVersion);
    }

    [Fact]
    public void A_newer_major_the_platform_can_step_down_from_is_negotiated()
    {
        ScmiAgent agent = WithClockVersion(0x3_0000, out Loopback loop);
        ScmiResult result = agent.NegotiateVersion(ScmiProtocolId.Clock, new ScmiProtocolVersion(2, 0), out ScmiProtocolVersion agreed);
        Assert.True(result.IsSuccess, ScmiStatusNames.Describe(result));
        Assert.Equal(0x2_0000u, agreed.Value);
        Assert.Equal(0x2_0000u, loop.Platform!.Model.Protocol<ScmiPlatform.Protocols.ClockProtocol>()!.NegotiatedVersion);
    }

    [Fact]
    public void A_newer_major_the_platform_refuses_is_UnsupportedVersion()
    {
        ScmiAgent agent = WithClockVersion(0x4_0000, out _);
        ScmiResult result = agent.NegotiateVersion(ScmiProtocolId.Clock, new ScmiProtocolVersion(2, 0), out ScmiProtocolVersion agreed);
        Assert.Equal(ScmiAgentError.UnsupportedVersion, result.Agent);
        Assert.Equal("UNSUPPORTED_VERSION", ScmiStatusNames.Describe(result));
        Assert.Equal(0u, agreed.Value);
    }

    [Fact]
    public void An_older_minor_on_the_platform_is_used_as_is()
    {
        ScmiAgent agent = WithClockVersion(0x2_0001, out _);
        ScmiResult result = agent.NegotiateVersion(ScmiProtocolId.Clock, new ScmiProtocolVersion(2, 3), out ScmiProtocolVersion agreed);
        Assert.True(result.IsSuccess);
        Assert.Equal(0x2_0001u, agreed.Value);
        Assert.Equal(1ul, agent.Counters.Sent); // no negotiation needed
    }

    [Fact]
    public void An_older_major_on_the_platform_is_UnsupportedVersion()
    {
        ScmiAgent agent = WithClockVersion(0x1_0000, out _);
        ScmiResult result = agent.NegotiateVersion(ScmiProtocolId.Clock, new ScmiProtocolVersion(2, 0), out _);
        Assert.Equal(ScmiAgentError.UnsupportedVersion, result.Agent);
    }

    [Fact]
    public void The_description_reads_versions_and_rejects_unknown_protocols()
    {
        PlatformDescription parsed = PlatformDescriptionLoader.Parse("""{ "clocks": [ { "name": "c", "rates": [ 1 ] } ], "versions": { "clock": "0x30000", "sensor": 131073 } }""");
        Assert.Equal(0x3_0000u, parsed.Versions[0x14]);
        Assert.Equal(0x2_0001u, parsed.Versions[0x15]);
        Assert.Throws<PlatformDescriptionException>(() => PlatformDescriptionLoader.Parse("""{ "versions": { "pins": "0x10000" } }"""));
        Assert.Throws<PlatformDescriptionException>(() => PlatformDescriptionLoader.Parse("""{ "versions": { "clock": "3.0" } }"""));
    }
}
