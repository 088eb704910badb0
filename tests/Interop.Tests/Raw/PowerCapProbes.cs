// Power capping probes (DEN0056 §4.10): domain limits, caps, averaging intervals and measurements match the
// description; the guest kernel has no powercap consumer, so raw mode is Linux's only way in.
using ScmiPlatform.Description;
using ScmiPlatform.Scmi;

namespace Interop.Tests.Raw;

public static class PowerCapProbes
{
    private const byte P = ProtocolNumber.PowerCapping;
    // §4.10.2.6 POWERCAP_CAP_SET parameters: domain_id, flags, power_cap (in that order).

    public static IEnumerable<RawCheck> For(PlatformDescription d)
    {
        uint unknown = (uint)d.PowerCapDomains.Count;
        yield return new RawCheck("powercap.attributes.count", ScmiRequest.Words(P, CommonMessage.ProtocolAttributes), ScmiStatus.Success,
            "§4.10.2.2: bits 15:0 number of domains")
        {
            Reply = r => Mismatch.Of("domains", d.PowerCapDomains.Count, (int)(r.U32(0) & 0xFFFF)),
        };
        for (int id = 0; id < d.PowerCapDomains.Count; id++)
        {
            PowerCapDomainDescription domain = d.PowerCapDomains[id];
            yield return new RawCheck($"powercap.{id}.domain-attributes", ScmiRequest.Words(P, PowerCapMessage.DomainAttributes, (uint)id), ScmiStatus.Success,
                "§4.10.2.4: attributes, name, min/max/step averaging interval, min/max/step cap, sustainable power, accuracy, parent")
            {
                Reply = r => Mismatch.First(() => ClockProbes.ShortName("name", domain.Name, r.Name(4)),
                    () => Mismatch.Of("min pai", domain.MinimumPai, r.U32(20)), () => Mismatch.Of("max pai", domain.MaximumPai, r.U32(24)),
                    () => Mismatch.Of("pai step", domain.PaiStep, r.U32(28)), () => Mismatch.Of("min cap", domain.MinimumCap, r.U32(32)),
                    () => Mismatch.Of("max cap", domain.MaximumCap, r.U32(36)), () => Mismatch.Of("cap step", domain.CapStep, r.U32(40)),
                    () => Mismatch.Of("sustainable power", domain.SustainablePower, r.U32(44)), () => Mismatch.Of("accuracy", domain.Accuracy, r.U32(48)),
                    () => Mismatch.Of("parent", domain.ParentId, r.U32(52))),
            };
            yield return new RawCheck($"powercap.{id}.cap-get", ScmiRequest.Words(P, PowerCapMessage.CapGet, (uint)id), ScmiStatus.Success,
                "§4.10.2.5: the cap after reset")
            {
                Reply = r => Mismatch.Of("cap", domain.InitialCap ?? domain.MaximumCap, r.U32(0)),
            };
            yield return new RawCheck($"powercap.{id}.pai-get", ScmiRequest.Words(P, PowerCapMessage.PaiGet, (uint)id), ScmiStatus.Success,
                "§4.10.2.7: the averaging interval after reset")
            {
                Reply = r => Mismatch.Of("pai", domain.InitialPai ?? domain.MinimumPai, r.U32(0)),
            };
            yield return new RawCheck($"powercap.{id}.measurements-get", ScmiRequest.Words(P, PowerCapMessage.MeasurementsGet, (uint)id), ScmiStatus.Success,
                "§4.10.2.10: the measured power, then the averaging interval")
            {
                AlsoAccepted = ScmiStatus.NotFound,
                Reply = r => Mismatch.First(() => Mismatch.Of("power", domain.MeasuredPower, r.U32(0)), () => Mismatch.Of("pai", domain.InitialPai ?? domain.MinimumPai, r.U32(4))),
            };
        }
        yield return new RawCheck("powercap.cap-get.unknown-domain", ScmiRequest.Words(P, PowerCapMessage.CapGet, unknown), ScmiStatus.NotFound,
            "§4.10.2.5: a domain id past the last answers NOT_FOUND");
        yield return new RawCheck("powercap.cap-set.short", ScmiRequest.Words(P, PowerCapMessage.CapSet, 0, 0), ScmiStatus.ProtocolError,
            "a command shorter than its parameters answers PROTOCOL_ERROR");
        int settable = Enumerable.Range(0, d.PowerCapDomains.Count).FirstOrDefault(i => d.PowerCapDomains[i].CapConfigurable, -1);
        if (settable >= 0)
        {
            PowerCapDomainDescription domain = d.PowerCapDomains[settable];
            uint cap = domain.MinimumCap + domain.CapStep;
            yield return new RawCheck($"powercap.{settable}.cap-set.reserved-flag", ScmiRequest.Words(P, PowerCapMessage.CapSet, (uint)settable, PowerCapMessage.CapSetReservedFlag, cap),
                ScmiStatus.InvalidParameters, "§4.10.2.6: flags bits 31:2 are reserved; setting one answers INVALID_PARAMETERS");
            yield return new RawCheck($"powercap.{settable}.cap-set.above-maximum", ScmiRequest.Words(P, PowerCapMessage.CapSet, (uint)settable, 0, domain.MaximumCap + domain.CapStep),
                ScmiStatus.OutOfRange, "§4.10.2.6: a cap above the domain's maximum is refused (OUT_OF_RANGE, or INVALID_PARAMETERS)")
            {
                AlsoAccepted = ScmiStatus.InvalidParameters,
            };
            yield return new RawCheck($"powercap.{settable}.cap-set", ScmiRequest.Words(P, PowerCapMessage.CapSet, (uint)settable, 0, cap), ScmiStatus.Success,
                "§4.10.2.6: a synchronous set to a cap within the limits succeeds");
            uint pai = domain.MaximumPai;
            yield return new RawCheck($"powercap.{settable}.pai-set", ScmiRequest.Words(P, PowerCapMessage.PaiSet, (uint)settable, 0, pai), ScmiStatus.Success,
                "§4.10.2.8: setting the averaging interval to the domain's maximum succeeds")
            {
                AlsoAccepted = domain.PaiConfigurable ? ScmiStatus.NotFound : ScmiStatus.NotSupported,
            };
            if (domain.PaiConfigurable)
            {
                yield return new RawCheck($"powercap.{settable}.pai-get.after-set", ScmiRequest.Words(P, PowerCapMessage.PaiGet, (uint)settable), ScmiStatus.Success,
                    "§4.10.2.7: the averaging interval just set")
                {
                    Reply = r => Mismatch.Of("pai", pai, r.U32(0)),
                };
            }
            yield return new RawCheck($"powercap.{settable}.cap-get.after-set", ScmiRequest.Words(P, PowerCapMessage.CapGet, (uint)settable), ScmiStatus.Success,
                "§4.10.2.5: the cap just set")
            {
                Reply = r => Mismatch.Of("cap", cap, r.U32(0)),
            };
        }
    }
}
