// Reset domain probes (DEN0056 §4.8): names, latencies and flags match the description; malformed resets are refused.
using ScmiPlatform.Description;
using ScmiPlatform.Scmi;

namespace Interop.Tests.Raw;

public static class ResetDomainProbes
{
    private const byte P = ProtocolNumber.ResetDomain;
    /// <summary>§4.8.2.3 RESET_DOMAIN_ATTRIBUTES: bit 31 asynchronous reset supported.</summary>
    private const uint AsyncBit = 1u << 31;
    /// <summary>§4.8.2.4: reset_state 0 is the architectural cold reset.</summary>
    private const uint ColdReset = 0;

    public static IEnumerable<RawCheck> For(PlatformDescription d)
    {
        uint unknown = (uint)d.ResetDomains.Count;
        yield return new RawCheck("reset.attributes.count", ScmiRequest.Words(P, CommonMessage.ProtocolAttributes), ScmiStatus.Success,
            "§4.8.2.2: bits 15:0 number of domains")
        {
            Reply = r => Mismatch.Of("domains", d.ResetDomains.Count, (int)(r.U32(0) & 0xFFFF)),
        };
        for (int id = 0; id < d.ResetDomains.Count; id++)
        {
            ResetDomainDescription domain = d.ResetDomains[id];
            yield return new RawCheck($"reset.{id}.domain-attributes", ScmiRequest.Words(P, ResetMessage.DomainAttributes, (uint)id), ScmiStatus.Success,
                "§4.8.2.3: attributes, latency, then the name in 16 bytes")
            {
                Reply = r => Mismatch.First(() => Mismatch.Of("asynchronous", domain.AsyncSupported, (r.U32(0) & AsyncBit) != 0),
                    () => Mismatch.Of("latency", domain.LatencyMicroseconds, r.U32(4)),
                    () => ClockProbes.ShortName("name", domain.Name, r.Name(8))),
            };
            yield return new RawCheck($"reset.{id}.reset", ScmiRequest.Words(P, ResetMessage.Reset, (uint)id, ResetMessage.Autonomous, ColdReset),
                domain.Locked ? ScmiStatus.Denied : ScmiStatus.Success,
                domain.Locked ? "§4.8.2.4: a domain the agent may not reset answers DENIED" : "§4.8.2.4: a synchronous autonomous cold reset succeeds");
        }
        int asynchronous = Enumerable.Range(0, d.ResetDomains.Count).FirstOrDefault(i => d.ResetDomains[i] is { AsyncSupported: true, Locked: false }, -1);
        if (asynchronous >= 0)
        {
            yield return new RawCheck($"reset.{asynchronous}.reset{RawCheck.AsyncSuffix}",
                ScmiRequest.Words(P, ResetMessage.Reset, (uint)asynchronous, ResetMessage.Autonomous | ResetMessage.Async, ColdReset), ScmiStatus.Success,
                "§4.8.2.4: an asynchronous reset replies, then RESET_COMPLETE carries status and domain_id")
            {
                Reply = r => Mismatch.Of("return values length", 0, r.Length),
                Delayed = r => Mismatch.First(() => Mismatch.Of("domain_id", (uint)asynchronous, r.U32(0)), () => Mismatch.Of("return values length", 4, r.Length)),
            };
        }
        yield return new RawCheck("reset.domain-attributes.unknown-domain", ScmiRequest.Words(P, ResetMessage.DomainAttributes, unknown), ScmiStatus.NotFound,
            "§4.8.2.3: a domain id past the last answers NOT_FOUND");
        yield return new RawCheck("reset.reset.unknown-domain", ScmiRequest.Words(P, ResetMessage.Reset, unknown, ResetMessage.Autonomous, ColdReset), ScmiStatus.NotFound,
            "§4.8.2.4: a domain id past the last answers NOT_FOUND");
        yield return new RawCheck("reset.reset.reserved-flag", ScmiRequest.Words(P, ResetMessage.Reset, 0, ResetMessage.ReservedFlag, ColdReset), ScmiStatus.InvalidParameters,
            "§4.8.2.4: flags bits 31:3 are reserved; setting one answers INVALID_PARAMETERS");
        yield return new RawCheck("reset.reset.short", ScmiRequest.Words(P, ResetMessage.Reset, 0, ResetMessage.Autonomous), ScmiStatus.ProtocolError,
            "a command shorter than its parameters answers PROTOCOL_ERROR");
    }
}
