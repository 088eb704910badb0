// Power capping protocol 0x18 against DEN0056 §4.10: domain attributes, cap and PAI set/get, measurements, notifications.
using Platform.Tests.Protocols.Support;
using ScmiPlatform.Protocols;
using ScmiPlatform.Scmi;
using Xunit;

namespace Platform.Tests.Protocols;

public sealed class PowerCapProtocolTests
{
    private const uint Soc = 0, BigCpus = 1;
    private readonly ModelHarness _platform = new();

    private ScmiReply Send(PowerCapMessage message, params uint[] parameters) => _platform.Send(ScmiProtocolId.PowerCapping, (byte)message, parameters);

    [Fact]
    public void DomainAttributes_give_capabilities_ranges_and_parent()
    {
        var reply = Send(PowerCapMessage.PowercapDomainAttributes, BigCpus);
        Assert.Equal(8 + 4 + 16 + 9 * 4, reply.Length);
        Assert.Equal(1u << 31 | 1u << 30 | 1u << 29 | 1u << 27 | 1u << 26 | 1u << 25 | 1u << 24, reply.Value(0));
        Assert.Equal("big-cpus", reply.Name(4, 16));
        Assert.Equal(new uint[] { 1000, 100_000, 1000, 500, 8000, 100, 5000, 0, Soc }, Enumerable.Range(5, 9).Select(reply.Value).ToArray());
        Assert.Equal(0xFFFF_FFFFu, Send(PowerCapMessage.PowercapDomainAttributes, Soc).Value(13));
    }

    [Fact]
    public void CapSet_persists_caps_on_the_step_grid_and_refuses_others()
    {
        Assert.Equal(12_000u, Send(PowerCapMessage.PowercapCapGet, Soc).Value(0));
        Assert.Equal(ScmiStatus.Success, Send(PowerCapMessage.PowercapCapSet, Soc, 0, 10_250).Status);
        Assert.Equal(10_250u, Send(PowerCapMessage.PowercapCapGet, Soc).Value(0));
        Assert.Equal(ScmiStatus.OutOfRange, Send(PowerCapMessage.PowercapCapSet, Soc, 0, 10_100).Status);
        Assert.Equal(ScmiStatus.OutOfRange, Send(PowerCapMessage.PowercapCapSet, Soc, 0, 20_000).Status);
        Assert.Equal(ScmiStatus.InvalidParameters, Send(PowerCapMessage.PowercapCapSet, Soc, 4, 10_000).Status);
        Assert.Equal(ScmiStatus.NotFound, Send(PowerCapMessage.PowercapCapSet, 2, 0, 10_000).Status);
    }

    [Fact]
    public void Async_CapSet_sends_POWERCAP_CAP_SET_COMPLETE_unless_declined()
    {
        var slot = _platform.Post(ScmiMessages.Request(ScmiProtocolId.PowerCapping, (byte)PowerCapMessage.PowercapCapSet, 12, Soc, PowerCapProtocol.AsyncFlag, 9000));
        Assert.Equal(8, slot.ReplyLength);
        var complete = Assert.Single(_platform.Delivered);
        Assert.Equal(new ScmiHeader((byte)PowerCapMessage.PowercapCapSet, ScmiMessageType.DelayedResponse, (byte)ScmiProtocolId.PowerCapping, 12), complete.Header);
        Assert.Equal(ScmiStatus.Success, complete.Status);
        Assert.Equal(new uint[] { Soc, 9000 }, new[] { complete.Value(0), complete.Value(1) });
        Send(PowerCapMessage.PowercapCapSet, Soc, PowerCapProtocol.AsyncFlag | PowerCapProtocol.IgnoreDelayedResponseFlag, 9250);
        Assert.Single(_platform.Delivered);
        var quiet = new ModelHarness(p2a: false);
        Assert.Equal(ScmiStatus.NotSupported, quiet.Status(ScmiProtocolId.PowerCapping, (byte)PowerCapMessage.PowercapCapSet, Soc, PowerCapProtocol.AsyncFlag, 9000));
    }

    [Fact]
    public void PaiSet_persists_and_validates()
    {
        Assert.Equal(10_000u, Send(PowerCapMessage.PowercapPaiGet, Soc).Value(0));
        Assert.Equal(ScmiStatus.Success, Send(PowerCapMessage.PowercapPaiSet, Soc, 0, 20_000).Status);
        Assert.Equal(20_000u, Send(PowerCapMessage.PowercapPaiGet, Soc).Value(0));
        Assert.Equal(ScmiStatus.OutOfRange, Send(PowerCapMessage.PowercapPaiSet, Soc, 0, 20_500).Status);
        Assert.Equal(ScmiStatus.InvalidParameters, Send(PowerCapMessage.PowercapPaiSet, Soc, 1, 20_000).Status);
    }

    [Fact]
    public void Measurements_report_power_and_notify_outside_the_thresholds()
    {
        var measurement = Send(PowerCapMessage.PowercapMeasurementsGet, Soc);
        Assert.Equal((4100u, 10_000u), (measurement.Value(0), measurement.Value(1)));
        Assert.Equal(ScmiStatus.InvalidParameters, Send(PowerCapMessage.PowercapMeasurementsNotify, Soc, 1, 5000, 3000).Status);
        Assert.Equal(ScmiStatus.Success, Send(PowerCapMessage.PowercapMeasurementsNotify, Soc, 1, 3000, 5000).Status);
        _platform.Model.SetMeasuredPower((int)Soc, 4500);
        Assert.Empty(_platform.Delivered);
        _platform.Model.SetMeasuredPower((int)Soc, 5500);
        var changed = Assert.Single(_platform.Delivered);
        Assert.Equal(ScmiHeader.Notification(ScmiProtocolId.PowerCapping, (byte)PowerCapNotification.PowercapMeasurementsChanged), changed.Header);
        Assert.Equal(new uint[] { 0, Soc, 5500 }, Enumerable.Range(0, 3).Select(changed.Payload).ToArray());
    }

    [Fact]
    public void Cap_changes_are_notified_with_cap_and_pai_when_enabled()
    {
        Assert.Equal(ScmiStatus.Success, Send(PowerCapMessage.PowercapCapNotify, BigCpus, 1).Status);
        Send(PowerCapMessage.PowercapCapSet, BigCpus, 0, 6000);
        var changed = Assert.Single(_platform.Delivered);
        Assert.Equal(new uint[] { 1, BigCpus, 6000, 1000 }, Enumerable.Range(0, 4).Select(changed.Payload).ToArray());
        Assert.Equal(ScmiStatus.NotSupported, Send(PowerCapMessage.PowercapDomainNameGet, Soc).Status);
    }
}
