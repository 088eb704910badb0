// What the dispatcher does before any protocol runs: header checks, lengths, unknown protocols and messages.
using System.Buffers.Binary;
using Platform.Tests.Protocols.Support;
using ScmiPlatform.Protocols;
using ScmiPlatform.Scmi;
using Xunit;

namespace Platform.Tests.Protocols;

public sealed class DispatcherTests
{
    private readonly ModelHarness _platform = new();

    private static ScmiStatus StatusOf(TestCommandSlot slot) => ScmiStatusCodes.Decode(BinaryPrimitives.ReadInt32LittleEndian(slot.ReplyBytes.AsSpan(4)));

    [Fact]
    public void Every_protocol_answers_its_version_and_an_unknown_message_with_NOT_FOUND()
    {
        foreach (byte protocol in _platform.Model.ProtocolIds)
        {
            Assert.Equal(ScmiStatus.Success, _platform.Status((ScmiProtocolId)protocol, ScmiProtocol.ProtocolVersionMessage));
            Assert.Equal(ScmiStatus.NotFound, _platform.Status((ScmiProtocolId)protocol, 0xEE));
            Assert.Equal(ScmiStatus.NotFound, _platform.Status((ScmiProtocolId)protocol, ScmiProtocol.ProtocolMessageAttributesMessage, 0xEE));
        }
    }

    [Fact]
    public void A_protocol_the_platform_does_not_have_answers_NOT_SUPPORTED()
    {
        Assert.Equal(ScmiStatus.NotSupported, _platform.Status(ScmiProtocolId.PinControl, 0));
        Assert.Equal(ScmiStatus.NotSupported, _platform.Status((ScmiProtocolId)0x80, 0));
    }

    [Fact]
    public void A_protocol_without_resources_in_the_description_is_not_offered()
    {
        var bare = new ModelHarness(new ScmiPlatform.Description.PlatformDescription());
        Assert.Equal(new byte[] { 0x10 }, bare.Model.ProtocolIds);
        Assert.Equal(ScmiStatus.NotSupported, bare.Status(ScmiProtocolId.Clock, 0));
        Assert.Equal(0u, bare.Send(ScmiProtocolId.Base, (byte)BaseMessage.DiscoverListProtocols, 0).Value(0));
    }

    [Fact]
    public void Parameters_of_the_wrong_length_are_a_PROTOCOL_ERROR_and_change_nothing()
    {
        Assert.Equal(ScmiStatus.ProtocolError, _platform.Status(ScmiProtocolId.Base, (byte)BaseMessage.ProtocolVersion, 0));
        Assert.Equal(ScmiStatus.ProtocolError, _platform.Status(ScmiProtocolId.Clock, (byte)ClockMessage.ClockRateGet));
        ulong before = _platform.Send(ScmiProtocolId.Clock, (byte)ClockMessage.ClockRateGet, 1).Value64(0);
        Assert.Equal(ScmiStatus.ProtocolError, _platform.Status(ScmiProtocolId.Clock, (byte)ClockMessage.ClockRateSet, 0, 1, 300_000_000));
        Assert.Equal(before, _platform.Send(ScmiProtocolId.Clock, (byte)ClockMessage.ClockRateGet, 1).Value64(0));
    }

    [Fact]
    public void A_header_that_is_not_a_command_or_has_reserved_bits_is_a_PROTOCOL_ERROR_echoing_the_header()
    {
        foreach (uint header in new uint[] { 0x10u << 10 | 2u << 8, 0x10u << 10 | 3u << 8, 0x10u << 10 | 1u << 8, 0x10u << 10 | 1u << 28 })
        {
            var slot = _platform.Post(ScmiMessages.Raw(header));
            Assert.Equal(8, slot.ReplyLength);
            Assert.Equal(header, BinaryPrimitives.ReadUInt32LittleEndian(slot.ReplyBytes));
            Assert.Equal(ScmiStatus.ProtocolError, StatusOf(slot));
        }
    }

    [Fact]
    public void A_request_shorter_than_a_header_gets_a_zero_header_and_PROTOCOL_ERROR()
    {
        var slot = _platform.Post([0x10, 0x40]);
        Assert.Equal(8, slot.ReplyLength);
        Assert.Equal(0u, BinaryPrimitives.ReadUInt32LittleEndian(slot.ReplyBytes));
        Assert.Equal(ScmiStatus.ProtocolError, StatusOf(slot));
    }

    [Fact]
    public void A_reply_area_too_small_for_the_values_gets_COMMS_ERROR_and_one_without_room_for_status_gets_what_fits()
    {
        var vendor = _platform.Post(ScmiMessages.Request(ScmiProtocolId.Base, (byte)BaseMessage.DiscoverVendor, 1), replyCapacity: 20);
        Assert.Equal(8, vendor.ReplyLength);
        Assert.Equal(ScmiStatus.CommsError, StatusOf(vendor));

        var tiny = _platform.Post(ScmiMessages.Request(ScmiProtocolId.Clock, (byte)ClockMessage.ClockConfigSet, 1, 1, 0), replyCapacity: 6);
        Assert.Equal(4, tiny.ReplyLength);
        Assert.True(_platform.Model.Protocol<ClockProtocol>()!.IsEnabled(1), "a command whose reply cannot carry a status must not run");
        var none = _platform.Post(ScmiMessages.Request(ScmiProtocolId.Base, 0, 1), replyCapacity: 0);
        Assert.Equal(0, none.ReplyLength);
    }

    [Fact]
    public void OnMalformed_writes_header_echo_and_COMMS_ERROR_when_the_status_fits_and_nothing_otherwise()
    {
        var request = ScmiMessages.Request(ScmiProtocolId.Clock, (byte)ClockMessage.ClockRateGet, 7, 0);
        var reply = new byte[8];
        Assert.Equal(8, _platform.Model.OnMalformed(request, reply));
        Assert.Equal(request[..4], reply[..4]);
        Assert.Equal((int)ScmiStatus.CommsError, BinaryPrimitives.ReadInt32LittleEndian(reply.AsSpan(4)));
        Assert.Equal(0, _platform.Model.OnMalformed(request, new byte[7]));
        Assert.Equal(2, _platform.Model.MalformedRequests);
    }

    [Fact]
    public void Reset_restores_the_described_state_and_forgets_subscriptions()
    {
        _platform.Send(ScmiProtocolId.Clock, (byte)ClockMessage.ClockRateSet, 0, 1, 300_000_000, 0);
        _platform.Send(ScmiProtocolId.Clock, (byte)ClockMessage.ClockRateNotify, 1, 1);
        _platform.Model.Reset();
        _platform.Model.Start(_platform.Events);
        Assert.Equal(1_000_000_000ul, _platform.Send(ScmiProtocolId.Clock, (byte)ClockMessage.ClockRateGet, 1).Value64(0));
        _platform.Send(ScmiProtocolId.Clock, (byte)ClockMessage.ClockRateSet, 0, 1, 400_000_000, 0);
        Assert.Empty(_platform.Delivered);
    }
}
