// Reset domain protocol 0x16 against DEN0056 §4.8: attributes, autonomous and explicit resets, RESET_COMPLETE, RESET_ISSUED.
using Platform.Tests.Protocols.Support;
using ScmiPlatform.Protocols;
using ScmiPlatform.Scmi;
using Xunit;

namespace Platform.Tests.Protocols;

public sealed class ResetDomainProtocolTests
{
    private const uint Gpu = 0, Usb = 1, Ethernet = 2, Crypto = 3;
    private readonly ModelHarness _platform = new();

    private ScmiReply Send(ResetDomainMessage message, params uint[] parameters) => _platform.Send(ScmiProtocolId.ResetDomain, (byte)message, parameters);

    [Fact]
    public void DomainAttributes_give_async_and_notify_support_latency_and_name()
    {
        var reply = Send(ResetDomainMessage.ResetDomainAttributes, Usb);
        Assert.Equal(8 + 8 + 16, reply.Length);
        Assert.Equal(1u << 31 | 1u << 30, reply.Value(0));
        Assert.Equal(1000u, reply.Value(1));
        Assert.Equal("usb-controller", reply.Name(8, 16));
        Assert.Equal(1u << 30, Send(ResetDomainMessage.ResetDomainAttributes, Ethernet).Value(0));
        Assert.Equal(1u << 29 | 1u << 30 | 1u << 31, Send(ResetDomainMessage.ResetDomainAttributes, Crypto).Value(0));
        Assert.Equal(4u, Send(ResetDomainMessage.ProtocolAttributes).Value(0));
    }

    [Fact]
    public void Explicit_assert_and_deassert_hold_and_release_the_domain()
    {
        var resets = _platform.Model.Protocol<ResetDomainProtocol>()!;
        Assert.Equal(ScmiStatus.Success, Send(ResetDomainMessage.Reset, Gpu, ResetDomainProtocol.ExplicitAssertFlag, 0).Status);
        Assert.True(resets.IsAsserted((int)Gpu));
        Assert.Equal(ScmiStatus.Success, Send(ResetDomainMessage.Reset, Gpu, 0, 0).Status);
        Assert.False(resets.IsAsserted((int)Gpu));
    }

    [Fact]
    public void Async_autonomous_reset_sends_RESET_COMPLETE_after_the_reply()
    {
        var slot = _platform.Post(ScmiMessages.Request(ScmiProtocolId.ResetDomain, (byte)ResetDomainMessage.Reset, 77, Usb, ResetDomainProtocol.AutonomousFlag | ResetDomainProtocol.AsyncFlag, 0));
        Assert.Equal(8, slot.ReplyLength);
        var complete = Assert.Single(_platform.Delivered);
        Assert.Equal(new ScmiHeader((byte)ResetDomainMessage.Reset, ScmiMessageType.DelayedResponse, (byte)ScmiProtocolId.ResetDomain, 77), complete.Header);
        Assert.Equal(12, complete.Length);
        Assert.Equal(ScmiStatus.Success, complete.Status);
        Assert.Equal(Usb, complete.Value(0));
    }

    [Fact]
    public void Reset_refuses_conflicting_flags_reserved_states_async_without_support_and_locked_domains()
    {
        Assert.Equal(ScmiStatus.InvalidParameters, Send(ResetDomainMessage.Reset, Gpu, ResetDomainProtocol.AutonomousFlag | ResetDomainProtocol.ExplicitAssertFlag, 0).Status);
        Assert.Equal(ScmiStatus.InvalidParameters, Send(ResetDomainMessage.Reset, Gpu, ResetDomainProtocol.AsyncFlag, 0).Status);
        Assert.Equal(ScmiStatus.InvalidParameters, Send(ResetDomainMessage.Reset, Gpu, 0x8, 0).Status);
        Assert.Equal(ScmiStatus.InvalidParameters, Send(ResetDomainMessage.Reset, Gpu, ResetDomainProtocol.AutonomousFlag, 5).Status);
        Assert.Equal(ScmiStatus.Success, Send(ResetDomainMessage.Reset, Gpu, ResetDomainProtocol.AutonomousFlag, ResetDomainProtocol.ImplementationDefinedBit | 5).Status);
        Assert.Equal(ScmiStatus.NotSupported, Send(ResetDomainMessage.Reset, Ethernet, ResetDomainProtocol.AutonomousFlag | ResetDomainProtocol.AsyncFlag, 0).Status);
        Assert.Equal(ScmiStatus.Denied, Send(ResetDomainMessage.Reset, Crypto, ResetDomainProtocol.AutonomousFlag, 0).Status);
        Assert.Equal(ScmiStatus.NotFound, Send(ResetDomainMessage.Reset, 4, ResetDomainProtocol.AutonomousFlag, 0).Status);
        var quiet = new ModelHarness(p2a: false);
        Assert.Equal(ScmiStatus.NotSupported, quiet.Status(ScmiProtocolId.ResetDomain, (byte)ResetDomainMessage.Reset, Usb, ResetDomainProtocol.AutonomousFlag | ResetDomainProtocol.AsyncFlag, 0));
    }

    [Fact]
    public void RESET_ISSUED_is_sent_to_a_subscribed_agent()
    {
        Send(ResetDomainMessage.Reset, Gpu, ResetDomainProtocol.AutonomousFlag, 0);
        Assert.Empty(_platform.Delivered);
        Assert.Equal(ScmiStatus.Success, Send(ResetDomainMessage.ResetNotify, Gpu, 1).Status);
        Send(ResetDomainMessage.Reset, Gpu, ResetDomainProtocol.AutonomousFlag, 0);
        var issued = Assert.Single(_platform.Delivered);
        Assert.Equal(ScmiHeader.Notification(ScmiProtocolId.ResetDomain, (byte)ResetDomainNotification.ResetIssued), issued.Header);
        Assert.Equal(new uint[] { 1, Gpu, 0 }, Enumerable.Range(0, 3).Select(issued.Payload).ToArray());
    }

    [Fact]
    public void NameGet_returns_extended_names_only()
    {
        Assert.Equal("secure-crypto-engine", Send(ResetDomainMessage.ResetDomainNameGet, Crypto).Name(4, 64));
        Assert.Equal(ScmiStatus.NotSupported, Send(ResetDomainMessage.ResetDomainNameGet, Gpu).Status);
    }
}
