// Base protocol probes (DEN0056 §4.2): identity, protocol list and agents must match the description.
using ScmiPlatform.Description;
using ScmiPlatform.Scmi;

namespace Interop.Tests.Raw;

public static class BaseProbes
{
    private const byte P = ProtocolNumber.Base;
    /// <summary>§4.2.2.9: agent id 0 is the platform; 0xFFFFFFFF asks about the caller itself.</summary>
    private const uint PlatformAgent = 0, CallerAgent = 0xFFFF_FFFF;

    public static IEnumerable<RawCheck> For(PlatformDescription d)
    {
        IReadOnlyList<byte> offered = OfferedProtocols.Of(d);
        yield return new RawCheck("base.attributes.counts", ScmiRequest.Words(P, CommonMessage.ProtocolAttributes), ScmiStatus.Success,
            "§4.2.2.2: bits 7:0 number of protocols (base excluded), 15:8 number of agents")
        {
            Reply = r => Mismatch.First(() => Mismatch.Of("protocols", offered.Count, (int)(r.U32(0) & 0xFF)),
                () => Mismatch.Of("agents", d.Agents.Count, (int)(r.U32(0) >> 8 & 0xFF))),
        };
        yield return new RawCheck("base.discover-vendor", ScmiRequest.Words(P, BaseMessage.DiscoverVendor), ScmiStatus.Success,
            "§4.2.2.4: the vendor as a 16-byte NUL-terminated string")
        {
            Reply = r => Mismatch.First(() => Mismatch.Of("return values length", 16, r.Length), () => Mismatch.Of("vendor", d.Vendor, r.Name(0))),
        };
        yield return new RawCheck("base.discover-sub-vendor", ScmiRequest.Words(P, BaseMessage.DiscoverSubVendor), ScmiStatus.Success,
            "§4.2.2.5: the sub-vendor as a 16-byte NUL-terminated string")
        {
            Reply = r => Mismatch.First(() => Mismatch.Of("return values length", 16, r.Length), () => Mismatch.Of("sub-vendor", d.SubVendor, r.Name(0))),
        };
        yield return new RawCheck("base.discover-implementation-version", ScmiRequest.Words(P, BaseMessage.DiscoverImplementationVersion),
            ScmiStatus.Success, "§4.2.2.6: one u32, the implementation version")
        {
            Reply = r => Mismatch.First(() => Mismatch.Of("return values length", 4, r.Length),
                () => Mismatch.Of("implementation version", d.ImplementationVersion, r.U32(0))),
        };
        yield return new RawCheck("base.discover-list-protocols", ScmiRequest.Words(P, BaseMessage.DiscoverListProtocols, 0), ScmiStatus.Success,
            "§4.2.2.7: u32 count, then the protocol ids packed four to a word")
        {
            Reply = r => Mismatch.First(
                () => Mismatch.Of("number of protocols", offered.Count, (int)r.U32(0)),
                () => Mismatch.Of("return values length", 4 + (offered.Count + 3) / 4 * 4, r.Length),
                () => Mismatch.Of("protocols", string.Join(",", offered.Select(x => x.ToString("x2"))),
                    string.Join(",", r.Bytes.Skip(4).Take(offered.Count).Select(x => x.ToString("x2"))))),
        };
        if (offered.Count > 1)
        {
            yield return new RawCheck("base.discover-list-protocols.skip-one", ScmiRequest.Words(P, BaseMessage.DiscoverListProtocols, 1),
                ScmiStatus.Success, "§4.2.2.7: skip leaves out the first protocols")
            {
                Reply = r => Mismatch.First(() => Mismatch.Of("number of protocols", offered.Count - 1, (int)r.U32(0)),
                    () => Mismatch.Of("first protocol", offered[1], r.Bytes.Length > 4 ? r.Bytes[4] : (byte)0)),
            };
        }
        yield return new RawCheck("base.discover-list-protocols.skip-past-end",
            ScmiRequest.Words(P, BaseMessage.DiscoverListProtocols, (uint)offered.Count + 1), ScmiStatus.InvalidParameters,
            "§4.2.2.7: a skip beyond the number of protocols answers INVALID_PARAMETERS");
        yield return new RawCheck("base.discover-agent.platform", ScmiRequest.Words(P, BaseMessage.DiscoverAgent, PlatformAgent), ScmiStatus.Success,
            "§4.2.2.9: agent 0 is the platform, named \"platform\"")
        {
            AlsoAccepted = ScmiStatus.NotFound,
            Reply = r => Mismatch.First(() => Mismatch.Of("return values length", 20, r.Length), () => Mismatch.Of("agent id", 0u, r.U32(0)),
                () => Mismatch.Of("name", "platform", r.Name(4))),
        };
        yield return new RawCheck("base.discover-agent.caller", ScmiRequest.Words(P, BaseMessage.DiscoverAgent, CallerAgent), ScmiStatus.Success,
            "§4.2.2.9: 0xFFFFFFFF returns the calling agent's own id and name")
        {
            AlsoAccepted = ScmiStatus.NotFound,
            Reply = r => Mismatch.First(() => Mismatch.Of("agent id", d.CallerAgentId, r.U32(0)),
                () => Mismatch.Of("name", d.Agents[(int)d.CallerAgentId - 1].Name, r.Name(4))),
        };
        yield return new RawCheck("base.discover-agent.unknown", ScmiRequest.Words(P, BaseMessage.DiscoverAgent, (uint)d.Agents.Count + 1),
            ScmiStatus.NotFound, "§4.2.2.9: an agent id beyond the last agent answers NOT_FOUND");
        yield return new RawCheck("base.discover-list-protocols.no-parameter", ScmiRequest.Words(P, BaseMessage.DiscoverListProtocols),
            ScmiStatus.ProtocolError, "a command shorter than its parameters answers PROTOCOL_ERROR");
    }
}
