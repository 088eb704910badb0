// Base protocol 0x10 against DEN0056 §4.2: byte-exact replies, paging and error paths.
using Platform.Tests.Protocols.Support;
using ScmiPlatform.Description;
using ScmiPlatform.Protocols;
using ScmiPlatform.Scmi;
using Xunit;

namespace Platform.Tests.Protocols;

public sealed class BaseProtocolTests
{
    private readonly ModelHarness _platform = new();

    private ScmiReply Send(BaseMessage message, params uint[] parameters) => _platform.Send(ScmiProtocolId.Base, (byte)message, parameters);

    [Fact]
    public void ProtocolVersion_reply_is_header_echo_success_and_version_word()
    {
        var slot = _platform.Post(ScmiMessages.Request(ScmiProtocolId.Base, (byte)BaseMessage.ProtocolVersion, 0x2A5));
        // header: msg 0, type 0, protocol 0x10 << 10, token 0x2A5 << 18
        uint header = 0x10u << 10 | 0x2A5u << 18;
        byte[] expected = [.. BitConverter.GetBytes(header), 0, 0, 0, 0, .. BitConverter.GetBytes(BaseProtocol.ProtocolVersion)];
        Assert.Equal(expected, slot.ReplyBytes);
    }

    [Fact]
    public void ProtocolAttributes_counts_agents_and_protocols_other_than_base()
    {
        var reply = Send(BaseMessage.ProtocolAttributes);
        Assert.Equal(12, reply.Length);
        Assert.Equal(2u, (reply.Value(0) >> 8) & 0xFF);   // OSPM, SecureWorld
        Assert.Equal(8u, reply.Value(0) & 0xFF);          // 0x11..0x18
    }

    [Fact]
    public void ProtocolMessageAttributes_finds_implemented_messages_and_refuses_others()
    {
        Assert.Equal(ScmiStatus.Success, Send(BaseMessage.ProtocolMessageAttributes, (uint)BaseMessage.NotifyErrors).Status);
        Assert.Equal(0u, Send(BaseMessage.ProtocolMessageAttributes, (uint)BaseMessage.DiscoverAgent).Value(0));
        Assert.Equal(ScmiStatus.NotFound, Send(BaseMessage.ProtocolMessageAttributes, 0x9).Status);
        Assert.Equal(ScmiStatus.NotFound, Send(BaseMessage.ProtocolMessageAttributes, 0x1_0003).Status);
    }

    [Fact]
    public void NegotiateProtocolVersion_accepts_versions_down_to_the_previous_major_of_the_reported_one()
    {
        Assert.Equal(ScmiStatus.Success, Send(BaseMessage.ProtocolMessageAttributes, (uint)BaseMessage.NegotiateProtocolVersion).Status);
        // Clock reports 2.0: 2.0, 1.x and 1.0 are spoken; 2.1 (newer) and 0.x (two majors down) are not.
        Assert.Equal(ScmiStatus.Success, Send(BaseMessage.NegotiateProtocolVersion, (uint)ScmiProtocolId.Clock, 0x2_0000).Status);
        Assert.Equal(ScmiStatus.Success, Send(BaseMessage.NegotiateProtocolVersion, (uint)ScmiProtocolId.Clock, 0x1_0005).Status);
        Assert.Equal(0x1_0005u, _platform.Model.Protocol<ClockProtocol>()!.NegotiatedVersion);
        Assert.Equal(ScmiStatus.NotSupported, Send(BaseMessage.NegotiateProtocolVersion, (uint)ScmiProtocolId.Clock, 0x2_0001).Status);
        Assert.Equal(ScmiStatus.NotSupported, Send(BaseMessage.NegotiateProtocolVersion, (uint)ScmiProtocolId.Clock, 0x0_0009).Status);
        Assert.Equal(ScmiStatus.NotFound, Send(BaseMessage.NegotiateProtocolVersion, (uint)ScmiProtocolId.PinControl, 0x1_0000).Status);
        Assert.Equal(ScmiStatus.NotFound, Send(BaseMessage.NegotiateProtocolVersion, 0x1_0014, 0x2_0000).Status);
        Assert.Equal(ScmiStatus.ProtocolError, Send(BaseMessage.NegotiateProtocolVersion, (uint)ScmiProtocolId.Clock).Status);
    }

    [Fact]
    public void A_description_version_replaces_what_PROTOCOL_VERSION_reports()
    {
        var description = PlatformDescriptionLoader.Parse("""{ "clocks": [ { "name": "c", "rates": [ 1 ] } ], "versions": { "clock": "0x30002" } }""");
        var other = new ModelHarness(description);
        Assert.Equal(0x3_0002u, other.Send(ScmiProtocolId.Clock, 0).Value(0));
        Assert.Equal(BaseProtocol.ProtocolVersion, other.Send(ScmiProtocolId.Base, 0).Value(0));
        Assert.Equal(ScmiStatus.Success, other.Status(ScmiProtocolId.Base, (byte)BaseMessage.NegotiateProtocolVersion, (uint)ScmiProtocolId.Clock, 0x2_0000));
    }

    [Fact]
    public void DiscoverVendor_and_sub_vendor_are_sixteen_byte_nul_terminated_names()
    {
        var vendor = Send(BaseMessage.DiscoverVendor);
        Assert.Equal(8 + 16, vendor.Length);
        Assert.Equal("NfSilicon", vendor.Name(0, 16));
        Assert.Equal("QemuVirt", Send(BaseMessage.DiscoverSubVendor).Name(0, 16));
        Assert.Equal(65536u, Send(BaseMessage.DiscoverImplementationVersion).Value(0));
    }

    [Fact]
    public void DiscoverListProtocols_returns_all_protocols_packed_four_per_word()
    {
        var reply = Send(BaseMessage.DiscoverListProtocols, 0);
        Assert.Equal(8 + 4 + 8, reply.Length);
        Assert.Equal(8u, reply.Value(0));
        Assert.Equal(0x14131211u, reply.Value(1));
        Assert.Equal(0x18171615u, reply.Value(2));
    }

    [Fact]
    public void DiscoverListProtocols_pages_to_the_reply_area_the_agent_gave()
    {
        // 16 bytes: header, status, num_protocols and one word of four protocols.
        var first = _platform.SendWithCapacity(16, ScmiProtocolId.Base, (byte)BaseMessage.DiscoverListProtocols, 0);
        Assert.Equal(4u, first.Value(0));
        Assert.Equal(0x14131211u, first.Value(1));
        var second = _platform.SendWithCapacity(16, ScmiProtocolId.Base, (byte)BaseMessage.DiscoverListProtocols, 4);
        Assert.Equal(4u, second.Value(0));
        Assert.Equal(0x18171615u, second.Value(1));
        var tail = Send(BaseMessage.DiscoverListProtocols, 6);
        Assert.Equal(2u, tail.Value(0));
        Assert.Equal(0x1817u, tail.Value(1)); // unused lanes are zero
        Assert.Equal(0u, Send(BaseMessage.DiscoverListProtocols, 8).Value(0));
    }

    [Fact]
    public void DiscoverListProtocols_refuses_a_skip_beyond_the_list_and_a_reply_area_without_room_for_one_word()
    {
        Assert.Equal(ScmiStatus.InvalidParameters, Send(BaseMessage.DiscoverListProtocols, 9).Status);
        Assert.Equal(ScmiStatus.CommsError, _platform.SendWithCapacity(12, ScmiProtocolId.Base, (byte)BaseMessage.DiscoverListProtocols, 0).Status);
    }

    [Fact]
    public void DiscoverAgent_names_the_platform_the_agents_and_the_caller()
    {
        var platformAgent = Send(BaseMessage.DiscoverAgent, 0);
        Assert.Equal(0u, platformAgent.Value(0));
        Assert.Equal(BaseProtocol.PlatformAgentName, platformAgent.Name(4, 16));
        Assert.Equal("SecureWorld", Send(BaseMessage.DiscoverAgent, 2).Name(4, 16));
        var caller = Send(BaseMessage.DiscoverAgent, BaseProtocol.CallingAgent);
        Assert.Equal(1u, caller.Value(0));
        Assert.Equal("OSPM", caller.Name(4, 16));
        Assert.Equal(ScmiStatus.NotFound, Send(BaseMessage.DiscoverAgent, 3).Status);
    }

    [Fact]
    public void NotifyErrors_needs_the_eventq_and_zero_reserved_bits()
    {
        Assert.Equal(ScmiStatus.Success, Send(BaseMessage.NotifyErrors, 1).Status);
        Assert.Equal(ScmiStatus.InvalidParameters, Send(BaseMessage.NotifyErrors, 0x3).Status);
        var withoutP2A = new ModelHarness(p2a: false);
        Assert.Equal(ScmiStatus.NotSupported, withoutP2A.Status(ScmiProtocolId.Base, (byte)BaseMessage.NotifyErrors, 1));
    }

    [Fact]
    public void A_malformed_chain_is_reported_by_BASE_ERROR_EVENT_only_when_enabled()
    {
        var reply = new byte[16];
        Assert.Equal(8, _platform.Model.OnMalformed([1, 2], reply));
        Assert.Empty(_platform.Delivered);

        Send(BaseMessage.NotifyErrors, 1);
        _platform.Model.OnMalformed([1, 2], reply);
        var error = Assert.Single(_platform.Delivered);
        Assert.Equal(ScmiHeader.Notification(ScmiProtocolId.Base, (byte)BaseNotification.BaseErrorEvent), error.Header);
        Assert.Equal(1u, error.Payload(0));        // agent id
        Assert.Equal(1u, error.Payload(1) & 0x3FF); // one error reported
        Assert.Equal(4 + 8 + 8, error.Length);
    }
}
