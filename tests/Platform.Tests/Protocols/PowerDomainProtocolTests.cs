// Power domain protocol 0x11 against DEN0056 §4.3: attributes, state set/get (sync and async), names, notifications.
using Platform.Tests.Protocols.Support;
using ScmiPlatform.Description;
using ScmiPlatform.Protocols;
using ScmiPlatform.Scmi;
using Xunit;

namespace Platform.Tests.Protocols;

public sealed class PowerDomainProtocolTests
{
    private const uint Little = 0, Gpu = 2, VideoCodec = 3, AlwaysOn = 4;
    private readonly ModelHarness _platform = new();

    private ScmiReply Send(PowerDomainMessage message, params uint[] parameters) => _platform.Send(ScmiProtocolId.PowerDomain, (byte)message, parameters);

    [Fact]
    public void ProtocolAttributes_count_domains_and_have_no_statistics()
    {
        var reply = Send(PowerDomainMessage.ProtocolAttributes);
        Assert.Equal(8 + 16, reply.Length);
        Assert.Equal(5u, reply.Value(0));
    }

    [Fact]
    public void DomainAttributes_report_sync_async_notify_and_extended_name_support()
    {
        var reply = Send(PowerDomainMessage.PowerDomainAttributes, VideoCodec);
        Assert.Equal(8 + 4 + 16, reply.Length);
        Assert.Equal(1u << 31 | 1u << 30 | 1u << 29 | 1u << 28 | 1u << 27, reply.Value(0));
        Assert.Equal("video-codec-and", reply.Name(4, 16));
        Assert.Equal(1u << 31 | 1u << 29 | 1u << 28, Send(PowerDomainMessage.PowerDomainAttributes, AlwaysOn).Value(0));
        Assert.Equal(ScmiStatus.NotFound, Send(PowerDomainMessage.PowerDomainAttributes, 5).Status);
    }

    [Fact]
    public void StateSet_persists_on_and_off()
    {
        Assert.Equal(PowerDomainDescription.StateOff, Send(PowerDomainMessage.PowerStateGet, Gpu).Value(0));
        Assert.Equal(ScmiStatus.Success, Send(PowerDomainMessage.PowerStateSet, 0, Gpu, PowerDomainDescription.StateOn).Status);
        Assert.Equal(PowerDomainDescription.StateOn, Send(PowerDomainMessage.PowerStateGet, Gpu).Value(0));
    }

    [Fact]
    public void StateSet_refuses_unknown_states_reserved_flags_locked_domains_and_unknown_domains()
    {
        Assert.Equal(ScmiStatus.InvalidParameters, Send(PowerDomainMessage.PowerStateSet, 0, Gpu, 0x4000_0003).Status);
        Assert.Equal(ScmiStatus.InvalidParameters, Send(PowerDomainMessage.PowerStateSet, 0x2, Gpu, 0).Status);
        Assert.Equal(ScmiStatus.Denied, Send(PowerDomainMessage.PowerStateSet, 0, AlwaysOn, PowerDomainDescription.StateOff).Status);
        Assert.Equal(ScmiStatus.NotFound, Send(PowerDomainMessage.PowerStateSet, 0, 9, 0).Status);
        Assert.Equal(PowerDomainDescription.StateOff, Send(PowerDomainMessage.PowerStateGet, Gpu).Value(0));
    }

    [Fact]
    public void Async_StateSet_returns_at_once_and_announces_the_change_later()
    {
        Send(PowerDomainMessage.PowerStateNotify, Gpu, 1);
        Assert.Equal(ScmiStatus.Success, Send(PowerDomainMessage.PowerStateSet, PowerDomainProtocol.AsyncFlag, Gpu, PowerDomainDescription.StateOn).Status);
        Assert.Equal(PowerDomainDescription.StateOff, Send(PowerDomainMessage.PowerStateGet, Gpu).Value(0));
        Assert.Empty(_platform.Delivered);
        _platform.Scheduler.Advance(PowerDomainProtocol.AsyncTransition);
        Assert.Equal(PowerDomainDescription.StateOn, Send(PowerDomainMessage.PowerStateGet, Gpu).Value(0));
        var changed = Assert.Single(_platform.Delivered);
        Assert.Equal(ScmiHeader.Notification(ScmiProtocolId.PowerDomain, (byte)PowerDomainNotification.PowerStateChanged), changed.Header);
        Assert.Equal(new uint[] { 1, Gpu, PowerDomainDescription.StateOn }, Enumerable.Range(0, 3).Select(changed.Payload).ToArray());
    }

    [Fact]
    public void Async_StateSet_is_refused_by_a_domain_without_async_support()
    {
        var syncOnly = new ModelHarness(new PlatformDescription
        {
            PowerDomains = [new PowerDomainDescription { Name = "sync-only", AsyncSupported = false }],
        });
        Assert.Equal(ScmiStatus.NotSupported, syncOnly.Status(ScmiProtocolId.PowerDomain, (byte)PowerDomainMessage.PowerStateSet, PowerDomainProtocol.AsyncFlag, 0, PowerDomainDescription.StateOff));
        Assert.Equal(ScmiStatus.Success, syncOnly.Status(ScmiProtocolId.PowerDomain, (byte)PowerDomainMessage.PowerStateSet, 0, 0, PowerDomainDescription.StateOff));
    }

    [Fact]
    public void Change_requested_notifications_precede_the_change_and_need_a_subscription()
    {
        Send(PowerDomainMessage.PowerStateSet, 0, Little, PowerDomainDescription.StateOff);
        Assert.Empty(_platform.Delivered);
        Assert.Equal(ScmiStatus.Success, Send(PowerDomainMessage.PowerStateChangeRequestedNotify, Little, 1).Status);
        Assert.Equal(ScmiStatus.Success, Send(PowerDomainMessage.PowerStateNotify, Little, 1).Status);
        Send(PowerDomainMessage.PowerStateSet, 0, Little, PowerDomainDescription.StateOn);
        Assert.Equal(new byte[] { (byte)PowerDomainNotification.PowerStateChangeRequested, (byte)PowerDomainNotification.PowerStateChanged },
            _platform.Delivered.Select(m => m.Header.MessageId).ToArray());
        Assert.Equal(ScmiStatus.InvalidParameters, Send(PowerDomainMessage.PowerStateNotify, Little, 4).Status);
    }

    [Fact]
    public void NameGet_returns_extended_names_only()
    {
        var reply = Send(PowerDomainMessage.PowerDomainNameGet, VideoCodec);
        Assert.Equal("video-codec-and-image-signal-processor", reply.Name(4, 64));
        Assert.Equal(ScmiStatus.NotSupported, Send(PowerDomainMessage.PowerDomainNameGet, Gpu).Status);
    }

    [Fact]
    public void An_async_change_pending_at_a_device_reset_is_abandoned()
    {
        Send(PowerDomainMessage.PowerStateNotify, Gpu, 1);
        Send(PowerDomainMessage.PowerStateSet, PowerDomainProtocol.AsyncFlag, Gpu, PowerDomainDescription.StateOn);
        _platform.Model.Reset();
        _platform.Model.Start(_platform.Events);
        _platform.Scheduler.Advance(PowerDomainProtocol.AsyncTransition);
        Assert.Empty(_platform.Delivered); // the change from before the reset is neither applied nor announced
        Assert.Equal(PowerDomainDescription.StateOff, Send(PowerDomainMessage.PowerStateGet, Gpu).Value(0));
    }
}
