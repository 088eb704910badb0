// Voltage domain protocol 0x17 against DEN0056 §4.9: attributes, discrete and linear levels, config, level set/get.
using Platform.Tests.Protocols.Support;
using ScmiPlatform.Protocols;
using ScmiPlatform.Scmi;
using Xunit;

namespace Platform.Tests.Protocols;

public sealed class VoltageDomainProtocolTests
{
    private const uint Cpu = 0, Gpu = 1, Io = 2;
    private readonly ModelHarness _platform = new();

    private ScmiReply Send(VoltageDomainMessage message, params uint[] parameters) => _platform.Send(ScmiProtocolId.VoltageDomain, (byte)message, parameters);

    [Fact]
    public void DomainAttributes_report_async_support_and_name()
    {
        Assert.Equal(3u, Send(VoltageDomainMessage.ProtocolAttributes).Value(0));
        var reply = Send(VoltageDomainMessage.VoltageDomainAttributes, Cpu);
        Assert.Equal(8 + 4 + 16, reply.Length);
        Assert.Equal(1u << 31, reply.Value(0));
        Assert.Equal("vdd-cpu", reply.Name(4, 16));
        Assert.Equal(ScmiStatus.NotFound, Send(VoltageDomainMessage.VoltageDomainAttributes, 3).Status);
    }

    [Fact]
    public void DescribeLevels_returns_a_linear_triplet_or_a_paged_list()
    {
        var linear = Send(VoltageDomainMessage.VoltageDescribeLevels, Cpu, 0);
        Assert.Equal(8 + 16, linear.Length);
        Assert.Equal(3u | VoltageDomainProtocol.LinearFormatBit, linear.Value(0));
        Assert.Equal(new[] { 500_000, 1_200_000, 6250 }, new[] { linear.SignedValue(1), linear.SignedValue(2), linear.SignedValue(3) });
        var page = _platform.SendWithCapacity(8 + 4 + 8, ScmiProtocolId.VoltageDomain, (byte)VoltageDomainMessage.VoltageDescribeLevels, Gpu, 1);
        Assert.Equal(2u | 2u << 16, page.Value(0));
        Assert.Equal(700_000, page.SignedValue(1));
        Assert.Equal(ScmiStatus.InvalidParameters, Send(VoltageDomainMessage.VoltageDescribeLevels, Gpu, 5).Status);
    }

    [Fact]
    public void LevelSet_persists_offered_levels_and_refuses_others()
    {
        Assert.Equal(850_000, Send(VoltageDomainMessage.VoltageLevelGet, Cpu).SignedValue(0));
        Assert.Equal(ScmiStatus.Success, Send(VoltageDomainMessage.VoltageLevelSet, Cpu, 0, 906_250).Status);
        Assert.Equal(906_250, Send(VoltageDomainMessage.VoltageLevelGet, Cpu).SignedValue(0));
        Assert.Equal(ScmiStatus.OutOfRange, Send(VoltageDomainMessage.VoltageLevelSet, Cpu, 0, 906_251).Status);
        Assert.Equal(ScmiStatus.OutOfRange, Send(VoltageDomainMessage.VoltageLevelSet, Gpu, 0, 750_000).Status);
        Assert.Equal(ScmiStatus.InvalidParameters, Send(VoltageDomainMessage.VoltageLevelSet, Gpu, 2, 700_000).Status);
        Assert.Equal(ScmiStatus.Denied, Send(VoltageDomainMessage.VoltageLevelSet, Io, 0, 3_300_000).Status);
    }

    [Fact]
    public void Async_LevelSet_sends_VOLTAGE_LEVEL_SET_COMPLETE_and_needs_P2A()
    {
        var slot = _platform.Post(ScmiMessages.Request(ScmiProtocolId.VoltageDomain, (byte)VoltageDomainMessage.VoltageLevelSet, 9, Gpu, VoltageDomainProtocol.AsyncFlag, 900_000));
        Assert.Equal(8, slot.ReplyLength);
        var complete = Assert.Single(_platform.Delivered);
        Assert.Equal(ScmiMessageType.DelayedResponse, complete.Header.Type);
        Assert.Equal(9, complete.Header.Token);
        Assert.Equal(ScmiStatus.Success, complete.Status);
        Assert.Equal(new uint[] { Gpu, 900_000 }, new[] { complete.Value(0), complete.Value(1) });
        var quiet = new ModelHarness(p2a: false);
        Assert.Equal(ScmiStatus.NotSupported, quiet.Status(ScmiProtocolId.VoltageDomain, (byte)VoltageDomainMessage.VoltageLevelSet, Gpu, VoltageDomainProtocol.AsyncFlag, 900_000));
    }

    [Fact]
    public void ConfigSet_switches_off_and_on_and_refuses_other_modes()
    {
        Assert.Equal(VoltageDomainProtocol.ConfigOn, Send(VoltageDomainMessage.VoltageConfigGet, Gpu).Value(0));
        Assert.Equal(ScmiStatus.Success, Send(VoltageDomainMessage.VoltageConfigSet, Gpu, VoltageDomainProtocol.ConfigOff).Status);
        Assert.Equal(VoltageDomainProtocol.ConfigOff, Send(VoltageDomainMessage.VoltageConfigGet, Gpu).Value(0));
        Assert.Equal(ScmiStatus.InvalidParameters, Send(VoltageDomainMessage.VoltageConfigSet, Gpu, 0x3).Status);
        Assert.Equal(ScmiStatus.InvalidParameters, Send(VoltageDomainMessage.VoltageConfigSet, Gpu, 0x17).Status);
        Assert.Equal(ScmiStatus.Denied, Send(VoltageDomainMessage.VoltageConfigSet, Io, VoltageDomainProtocol.ConfigOff).Status);
    }

    [Fact]
    public void NameGet_is_not_supported_for_short_names()
    {
        Assert.Equal(ScmiStatus.NotSupported, Send(VoltageDomainMessage.VoltageDomainNameGet, Cpu).Status);
    }
}
