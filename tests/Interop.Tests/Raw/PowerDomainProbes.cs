// Power domain probes (DEN0056 §4.3): domain names and flags match the description; malformed sets are refused.
using ScmiPlatform.Description;
using ScmiPlatform.Scmi;

namespace Interop.Tests.Raw;

public static class PowerDomainProbes
{
    private const byte P = ProtocolNumber.PowerDomain;
    /// <summary>§4.3.2.5 POWER_DOMAIN_ATTRIBUTES: bit 30 asynchronous state changes supported.</summary>
    private const uint AsyncBit = 1u << 30;
    /// <summary>§4.3.2.6 POWER_STATE_SET flags: bit 0 async; 31:1 reserved.</summary>
    private const uint ReservedFlag = 1u << 1;

    public static IEnumerable<RawCheck> For(PlatformDescription d)
    {
        uint unknown = (uint)d.PowerDomains.Count;
        yield return new RawCheck("power.attributes.count", ScmiRequest.Words(P, CommonMessage.ProtocolAttributes), ScmiStatus.Success,
            "§4.3.2.2: bits 15:0 number of domains, then statistics address low, high and length")
        {
            Reply = r => Mismatch.First(() => Mismatch.Of("domains", d.PowerDomains.Count, (int)(r.U32(0) & 0xFFFF)),
                () => Mismatch.Of("return values length", 16, r.Length)),
        };
        for (int id = 0; id < d.PowerDomains.Count; id++)
        {
            PowerDomainDescription domain = d.PowerDomains[id];
            yield return new RawCheck($"power.{id}.domain-attributes", ScmiRequest.Words(P, PowerDomainMessage.DomainAttributes, (uint)id), ScmiStatus.Success,
                "§4.3.2.5: attributes, then the name in 16 bytes")
            {
                Reply = r => Mismatch.First(() => Mismatch.Of("asynchronous", domain.AsyncSupported, (r.U32(0) & AsyncBit) != 0),
                    () => ClockProbes.ShortName("name", domain.Name, r.Name(4))),
            };
            yield return new RawCheck($"power.{id}.state-get", ScmiRequest.Words(P, PowerDomainMessage.StateGet, (uint)id), ScmiStatus.Success,
                "§4.3.2.8: one u32 power state")
            {
                Reply = r => Mismatch.Of("return values length", 4, r.Length),
            };
        }
        yield return new RawCheck("power.domain-attributes.unknown-domain", ScmiRequest.Words(P, PowerDomainMessage.DomainAttributes, unknown), ScmiStatus.NotFound,
            "§4.3.2.5: a domain id past the last answers NOT_FOUND");
        yield return new RawCheck("power.state-set.unknown-domain", ScmiRequest.Words(P, PowerDomainMessage.StateSet, 0, unknown, PowerDomainMessage.On), ScmiStatus.NotFound,
            "§4.3.2.6: a domain id past the last answers NOT_FOUND");
        yield return new RawCheck("power.state-set.short", ScmiRequest.Words(P, PowerDomainMessage.StateSet, 0, 0), ScmiStatus.ProtocolError,
            "a command shorter than its parameters answers PROTOCOL_ERROR");
        int open = Enumerable.Range(0, d.PowerDomains.Count).FirstOrDefault(i => !d.PowerDomains[i].Locked, -1);
        if (open >= 0)
        {
            yield return new RawCheck($"power.{open}.state-set.reserved-flag", ScmiRequest.Words(P, PowerDomainMessage.StateSet, ReservedFlag, (uint)open, PowerDomainMessage.On),
                ScmiStatus.InvalidParameters, "§4.3.2.6: flags bits 31:1 are reserved; setting one answers INVALID_PARAMETERS");
            yield return new RawCheck($"power.{open}.state-set.on", ScmiRequest.Words(P, PowerDomainMessage.StateSet, 0, (uint)open, PowerDomainMessage.On), ScmiStatus.Success,
                "§4.3.2.6: a synchronous switch to ON succeeds");
            yield return new RawCheck($"power.{open}.state-get.after-set", ScmiRequest.Words(P, PowerDomainMessage.StateGet, (uint)open), ScmiStatus.Success,
                "§4.3.2.8: the state just set")
            {
                Reply = r => Mismatch.Of("state", PowerDomainMessage.On, r.U32(0)),
            };
            uint domainId = (uint)open;
            yield return new RawCheck($"power.{open}.state-notify", ScmiRequest.Words(P, PowerDomainMessage.StateNotify, domainId, 1), ScmiStatus.Success,
                "§4.3.2.9: subscribing to POWER_STATE_CHANGED succeeds");
            yield return new RawCheck($"power.{open}.state-set.off{RawCheck.NotifySuffix}",
                ScmiRequest.Words(P, PowerDomainMessage.StateSet, 0, domainId, PowerDomainMessage.Off), ScmiStatus.Success,
                "§4.3.3.1: a subscribed domain going from ON to OFF sends POWER_STATE_CHANGED (agent_id, domain_id, power_state)")
            {
                // §4.3.3.1: agent_id names the agent that caused the change: this one.
                Notification = (PowerDomainMessage.StateChanged, r => Mismatch.First(() => Mismatch.Of("agent_id", d.CallerAgentId, r.U32(0)),
                    () => Mismatch.Of("domain_id", domainId, r.U32(4)),
                    () => Mismatch.Of("power_state", PowerDomainMessage.Off, r.U32(8)))),
            };
            yield return new RawCheck($"power.{open}.state-notify.off", ScmiRequest.Words(P, PowerDomainMessage.StateNotify, domainId, 0), ScmiStatus.Success,
                "§4.3.2.9: unsubscribing succeeds");
        }
        int locked = Enumerable.Range(0, d.PowerDomains.Count).FirstOrDefault(i => d.PowerDomains[i].Locked, -1);
        if (locked >= 0)
        {
            yield return new RawCheck($"power.{locked}.state-set.locked", ScmiRequest.Words(P, PowerDomainMessage.StateSet, 0, (uint)locked, PowerDomainMessage.On),
                ScmiStatus.Denied, "§4.3.2.6: a domain the agent may not change answers DENIED");
        }
    }
}
