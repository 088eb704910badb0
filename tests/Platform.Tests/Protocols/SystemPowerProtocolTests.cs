// System power protocol 0x12 against DEN0056 §4.4: attributes, state set/get, notifier subscription.
using Platform.Tests.Protocols.Support;
using ScmiPlatform.Description;
using ScmiPlatform.Protocols;
using ScmiPlatform.Scmi;
using Xunit;

namespace Platform.Tests.Protocols;

public sealed class SystemPowerProtocolTests
{
    private readonly ModelHarness _platform = new();

    private ScmiReply Send(SystemPowerMessage message, params uint[] parameters) => _platform.Send(ScmiProtocolId.SystemPower, (byte)message, parameters);

    [Fact]
    public void ProtocolAttributes_advertise_warm_reset_and_suspend()
    {
        var reply = Send(SystemPowerMessage.ProtocolAttributes);
        Assert.Equal(12, reply.Length);
        Assert.Equal(1u << 31 | 1u << 30, reply.Value(0));
    }

    [Fact]
    public void StateSet_records_offered_states()
    {
        Assert.Equal((uint)SystemPowerState.PowerUp, Send(SystemPowerMessage.SystemPowerStateGet).Value(0));
        Assert.Equal(ScmiStatus.Success, Send(SystemPowerMessage.SystemPowerStateSet, SystemPowerProtocol.GracefulFlag, (uint)SystemPowerState.WarmReset).Status);
        Assert.Equal((uint)SystemPowerState.WarmReset, Send(SystemPowerMessage.SystemPowerStateGet).Value(0));
    }

    [Fact]
    public void StateSet_refuses_reserved_states_reserved_flags_unoffered_states_and_forbidden_agents()
    {
        Assert.Equal(ScmiStatus.InvalidParameters, Send(SystemPowerMessage.SystemPowerStateSet, 0, 5).Status);
        Assert.Equal(ScmiStatus.InvalidParameters, Send(SystemPowerMessage.SystemPowerStateSet, 0, (uint)SystemPowerState.PowerUp).Status);
        Assert.Equal(ScmiStatus.InvalidParameters, Send(SystemPowerMessage.SystemPowerStateSet, 2, 0).Status);
        var limited = new ModelHarness(new PlatformDescription { SystemPower = new SystemPowerDescription { SuspendSupported = false, AgentMaySetState = false } });
        Assert.Equal(ScmiStatus.InvalidParameters, limited.Status(ScmiProtocolId.SystemPower, (byte)SystemPowerMessage.SystemPowerStateSet, 0, (uint)SystemPowerState.Suspend));
        Assert.Equal(ScmiStatus.Denied, limited.Status(ScmiProtocolId.SystemPower, (byte)SystemPowerMessage.SystemPowerStateSet, 0, (uint)SystemPowerState.Shutdown));
        Assert.Equal(1u << 31, limited.Send(ScmiProtocolId.SystemPower, (byte)SystemPowerMessage.ProtocolAttributes).Value(0));
    }

    [Fact]
    public void The_platform_notifier_reaches_only_a_subscribed_agent()
    {
        _platform.Model.RequestSystemPowerState(SystemPowerState.Shutdown, graceful: true, timeoutMilliseconds: 5000);
        Assert.Empty(_platform.Delivered);
        Assert.Equal(ScmiStatus.Success, Send(SystemPowerMessage.SystemPowerStateNotify, 1).Status);
        _platform.Model.RequestSystemPowerState(SystemPowerState.Shutdown, graceful: true, timeoutMilliseconds: 5000);
        var notifier = Assert.Single(_platform.Delivered);
        Assert.Equal(ScmiHeader.Notification(ScmiProtocolId.SystemPower, (byte)SystemPowerNotification.SystemPowerStateNotifier), notifier.Header);
        Assert.Equal(new uint[] { 0, 1, 0, 5000 }, Enumerable.Range(0, 4).Select(notifier.Payload).ToArray());
        Assert.Equal(ScmiStatus.InvalidParameters, Send(SystemPowerMessage.SystemPowerStateNotify, 0x10).Status);
    }
}
