// The *_NOTIFY commands (DEN0056 v3.2): subscribing and unsubscribing succeed for every resource kind the
// platform offers notifications for; a reserved bit in notify_enable is refused. An optional message the
// platform does not implement answers NOT_FOUND (checked against PROTOCOL_MESSAGE_ATTRIBUTES elsewhere).
using ScmiPlatform.Description;
using ScmiPlatform.Scmi;

namespace Interop.Tests.Raw;

public static class SubscriptionProbes
{
    /// <summary>notify_enable: bit 0 enables, bits 31:1 are reserved.</summary>
    private const uint Enable = 1, Disable = 0, ReservedBit = 1u << 1;

    public static IEnumerable<RawCheck> For(PlatformDescription d)
    {
        var subscriptions = new List<(byte Protocol, byte Message, string What, bool PerResource)>
        {
            (ProtocolNumber.Base, BaseMessage.NotifyErrors, "BASE_NOTIFY_ERRORS", false),
        };
        if (d.PowerDomains.Count > 0)
            subscriptions.Add((ProtocolNumber.PowerDomain, 0x7, "POWER_STATE_CHANGE_REQUESTED_NOTIFY", true));
        if (d.SystemPower is not null)
            subscriptions.Add((ProtocolNumber.SystemPower, 0x5, "SYSTEM_POWER_STATE_NOTIFY", false));
        if (d.PerformanceDomains.Count > 0)
        {
            subscriptions.Add((ProtocolNumber.Performance, 0x9, "PERFORMANCE_NOTIFY_LIMITS", true));
            subscriptions.Add((ProtocolNumber.Performance, 0xA, "PERFORMANCE_NOTIFY_LEVEL", true));
        }
        if (d.Clocks.Count > 0)
        {
            subscriptions.Add((ProtocolNumber.Clock, 0x9, "CLOCK_RATE_NOTIFY", true));
            subscriptions.Add((ProtocolNumber.Clock, 0xA, "CLOCK_RATE_CHANGE_REQUESTED_NOTIFY", true));
        }
        if (d.ResetDomains.Count > 0)
            subscriptions.Add((ProtocolNumber.ResetDomain, 0x5, "RESET_NOTIFY", true));
        if (d.PowerCapDomains.Count > 0)
            subscriptions.Add((ProtocolNumber.PowerCapping, 0xA, "POWERCAP_CAP_NOTIFY", true));

        foreach ((byte protocol, byte message, string what, bool perResource) in subscriptions)
        {
            string prefix = $"{ProtocolNumber.Short(protocol)}.subscribe-{message:x2}";
            ScmiRequest Request(uint enable) => perResource ? ScmiRequest.Words(protocol, message, 0, enable) : ScmiRequest.Words(protocol, message, enable);
            yield return new RawCheck($"{prefix}.on", Request(Enable), ScmiStatus.Success, $"{what}: subscribing succeeds (NOT_FOUND when not implemented)")
            {
                AlsoAccepted = ScmiStatus.NotFound,
            };
            yield return new RawCheck($"{prefix}.off", Request(Disable), ScmiStatus.Success, $"{what}: unsubscribing succeeds (NOT_FOUND when not implemented)")
            {
                AlsoAccepted = ScmiStatus.NotFound,
            };
            yield return new RawCheck($"{prefix}.reserved-bit", Request(Enable | ReservedBit), ScmiStatus.InvalidParameters,
                $"{what}: notify_enable bits 31:1 are reserved; setting one answers INVALID_PARAMETERS (NOT_FOUND when not implemented)")
            {
                AlsoAccepted = ScmiStatus.NotFound,
            };
        }
    }
}
