// Every raw probe of one boot, in the order the guest sends them: reads of the reset state first, then the
// probes that change state, hostile ones, and a last well-formed request that proves the platform still answers.
using Interop.Tests.Guest;
using ScmiPlatform.Description;
using ScmiPlatform.Scmi;

namespace Interop.Tests.Raw;

/// <summary>The probes for a description, with the token each one is sent with.</summary>
public sealed class RawCatalogue
{
    /// <summary>Name of the final liveness probe.</summary>
    public const string LivenessProbe = "base.version.still-answering";
    /// <summary>Raw mode (and the virtio transport) carry at most 128-byte messages; header plus 124 bytes of parameters.</summary>
    public const int LargestParameters = 124;

    private readonly Dictionary<string, RawCheck> _byName;

    /// <summary>Burst tokens start here, far above the probes' tokens (10-bit token space).</summary>
    public const ushort FirstBurstToken = 1000;

    private RawCatalogue(IReadOnlyList<RawCheck> checks, IReadOnlyList<ScmiRequest> burst)
    {
        Checks = checks;
        Burst = burst;
        _byName = checks.ToDictionary(c => c.Name, StringComparer.Ordinal);
    }

    /// <summary>The probes in sending order; probe i goes out with token i + 1.</summary>
    public IReadOnlyList<RawCheck> Checks { get; }

    /// <summary>Well-formed reads sent back to back before any reply is read; each must get a SUCCESS reply.</summary>
    public IReadOnlyList<ScmiRequest> Burst { get; }

    public RawCheck this[string name] => _byName[name];

    /// <summary>The token probe <paramref name="index"/> is sent with (10 bits; 0 is left to Linux's own traffic).</summary>
    public static ushort TokenOf(int index) => (ushort)(index % 1023 + 1);

    public static RawCatalogue For(PlatformDescription d, GuestActions actions)
    {
        var checks = new List<RawCheck>();
        checks.AddRange(CommonProbes.For(ProtocolNumber.Base, BaseMessage.Mandatory, BaseMessage.All, [BaseMessage.DiscoverSubVendor]));
        checks.AddRange(BaseProbes.For(d));
        if (d.PowerDomains.Count > 0)
        {
            checks.AddRange(CommonProbes.For(ProtocolNumber.PowerDomain, PowerDomainMessage.Mandatory, PowerDomainMessage.All));
            checks.AddRange(PowerDomainProbes.For(d));
        }
        if (d.SystemPower is not null)
            checks.AddRange(CommonProbes.For(ProtocolNumber.SystemPower, SystemPowerMessage.Mandatory, SystemPowerMessage.All));
        if (d.PerformanceDomains.Count > 0)
        {
            checks.AddRange(CommonProbes.For(ProtocolNumber.Performance, PerformanceMessage.Mandatory, PerformanceMessage.All));
            checks.AddRange(PerformanceProbes.For(d, actions));
        }
        if (d.Clocks.Count > 0)
        {
            checks.AddRange(CommonProbes.For(ProtocolNumber.Clock, ClockMessage.Mandatory, ClockMessage.All));
            checks.AddRange(ClockProbes.For(d, actions));
        }
        if (d.Sensors.Count > 0)
        {
            checks.AddRange(CommonProbes.For(ProtocolNumber.Sensor, SensorMessage.Mandatory, SensorMessage.All));
            checks.AddRange(SensorProbes.For(d));
        }
        if (d.ResetDomains.Count > 0)
        {
            checks.AddRange(CommonProbes.For(ProtocolNumber.ResetDomain, ResetMessage.Mandatory, ResetMessage.All));
            checks.AddRange(ResetDomainProbes.For(d));
        }
        if (d.VoltageDomains.Count > 0)
        {
            checks.AddRange(CommonProbes.For(ProtocolNumber.VoltageDomain, VoltageMessage.Mandatory, VoltageMessage.All));
            checks.AddRange(VoltageDomainProbes.For(d));
        }
        if (d.PowerCapDomains.Count > 0)
        {
            checks.AddRange(CommonProbes.For(ProtocolNumber.PowerCapping, PowerCapMessage.Mandatory, PowerCapMessage.All));
            checks.AddRange(PowerCapProbes.For(d));
        }
        checks.AddRange(ExtendedNameProbes.For(d));
        checks.AddRange(SubscriptionProbes.For(d));

        // Hostile requests: a protocol nobody offers, the largest message the transport carries.
        checks.Add(new RawCheck("unknown-protocol.version", ScmiRequest.Words(ProtocolNumber.UnknownVendor, CommonMessage.ProtocolVersion),
            ScmiStatus.NotSupported, "§4.1.4: a message to a protocol the platform does not implement answers NOT_SUPPORTED"));
        checks.Add(new RawCheck("base.version.largest-message", ScmiRequest.Words(ProtocolNumber.Base, CommonMessage.ProtocolVersion).Padded(LargestParameters),
            ScmiStatus.ProtocolError, "a command longer than its parameters answers PROTOCOL_ERROR, even at the transport's largest size"));
        checks.Add(new RawCheck(LivenessProbe, ScmiRequest.Words(ProtocolNumber.Base, CommonMessage.ProtocolVersion), ScmiStatus.Success,
            "after every probe above the platform still answers a well-formed request")
        {
            Reply = r => Mismatch.Of("return values length", 4, r.Length),
        });
        var burst = new List<ScmiRequest> { ScmiRequest.Words(ProtocolNumber.Base, CommonMessage.ProtocolAttributes) };
        burst.AddRange(new byte[] { ProtocolNumber.Base }.Concat(OfferedProtocols.Of(d)).Select(p => ScmiRequest.Words(p, CommonMessage.ProtocolVersion)));
        burst.AddRange(Enumerable.Range(0, d.Clocks.Count).Select(id => ScmiRequest.Words(ProtocolNumber.Clock, ClockMessage.RateGet, (uint)id)));
        return new RawCatalogue(checks, burst.Take(MaximumBurst).ToList());
    }

    /// <summary>Commands in flight at once in the burst; well under the 128 messages the 256-entry cmdq holds.</summary>
    public const int MaximumBurst = 20;

    /// <summary>Queues every probe and the burst on <paramref name="requests"/>.</summary>
    public void AddTo(GuestRequests requests)
    {
        for (int i = 0; i < Checks.Count; i++)
            requests.AddRaw(Checks[i].Name, Checks[i].Request.Encode(TokenOf(i)));
        for (int i = 0; i < Burst.Count; i++)
            requests.AddBurst(Burst[i].Encode((ushort)(FirstBurstToken + i)));
    }
}
