// Voltage domain probes (DEN0056 §4.9): names, levels and the current level match the description.
using ScmiPlatform.Description;
using ScmiPlatform.Scmi;

namespace Interop.Tests.Raw;

public static class VoltageDomainProbes
{
    private const byte P = ProtocolNumber.VoltageDomain;
    /// <summary>§4.9.2.5 VOLTAGE_DESCRIBE_LEVELS flags: 11:0 returned, 12 triplet format, 31:16 remaining.</summary>
    private const uint TripletFormatBit = 1u << 12;

    public static IEnumerable<RawCheck> For(PlatformDescription d)
    {
        uint unknown = (uint)d.VoltageDomains.Count;
        yield return new RawCheck("voltage.attributes.count", ScmiRequest.Words(P, CommonMessage.ProtocolAttributes), ScmiStatus.Success,
            "§4.9.2.2: bits 15:0 number of domains")
        {
            Reply = r => Mismatch.Of("domains", d.VoltageDomains.Count, (int)(r.U32(0) & 0xFFFF)),
        };
        for (int id = 0; id < d.VoltageDomains.Count; id++)
        {
            VoltageDomainDescription domain = d.VoltageDomains[id];
            yield return new RawCheck($"voltage.{id}.domain-attributes", ScmiRequest.Words(P, VoltageMessage.DomainAttributes, (uint)id), ScmiStatus.Success,
                "§4.9.2.4: attributes, then the name in 16 bytes")
            {
                Reply = r => ClockProbes.ShortName("name", domain.Name, r.Name(4)),
            };
            yield return new RawCheck($"voltage.{id}.describe-levels", ScmiRequest.Words(P, VoltageMessage.DescribeLevels, (uint)id, 0), ScmiStatus.Success,
                "§4.9.2.5: the levels from index 0 (a list, or min/max/step), in microvolts")
            {
                Reply = r => DescribedLevels(domain, r),
            };
            int initial = domain.InitialLevel ?? domain.Levels?[0] ?? domain.Range!.Minimum;
            yield return new RawCheck($"voltage.{id}.level-get", ScmiRequest.Words(P, VoltageMessage.LevelGet, (uint)id), ScmiStatus.Success,
                "§4.9.2.9: the level after reset, in microvolts")
            {
                Reply = r => Mismatch.First(() => Mismatch.Of("return values length", 4, r.Length), () => Mismatch.Of("level", initial, r.I32(0))),
            };
        }
        for (int id = 0; id < d.VoltageDomains.Count; id++)
        {
            if (d.VoltageDomains[id].InitiallyOn)
            {
                yield return new RawCheck($"voltage.{id}.config-get", ScmiRequest.Words(P, VoltageMessage.ConfigGet, (uint)id), ScmiStatus.Success,
                    "§4.9.2.6: a domain on after reset reports the architectural ON configuration (0x7)")
                {
                    Reply = r => Mismatch.Of("config", VoltageMessage.ConfigOn, r.U32(0) & 0xF),
                };
            }
        }
        int settable = Enumerable.Range(0, d.VoltageDomains.Count).FirstOrDefault(i => !d.VoltageDomains[i].Locked && d.VoltageDomains[i].Levels is { Count: >= 2 }, -1);
        if (settable >= 0)
        {
            int level = d.VoltageDomains[settable].Levels![^1];
            yield return new RawCheck($"voltage.{settable}.level-set.reserved-flag", ScmiRequest.Words(P, VoltageMessage.LevelSet, (uint)settable, VoltageMessage.LevelSetReservedFlag, (uint)level),
                ScmiStatus.InvalidParameters, "§4.9.2.7: flags bits 31:1 are reserved; setting one answers INVALID_PARAMETERS");
            yield return new RawCheck($"voltage.{settable}.level-set", ScmiRequest.Words(P, VoltageMessage.LevelSet, (uint)settable, 0, (uint)level), ScmiStatus.Success,
                "§4.9.2.7: a synchronous set to one of the domain's levels succeeds");
            yield return new RawCheck($"voltage.{settable}.config-set.on", ScmiRequest.Words(P, VoltageMessage.ConfigSet, (uint)settable, VoltageMessage.ConfigOn),
                ScmiStatus.Success, "§4.9.2.5: setting the architectural ON configuration succeeds");
            yield return new RawCheck($"voltage.{settable}.config-set.reserved-mode", ScmiRequest.Words(P, VoltageMessage.ConfigSet, (uint)settable, 0x1),
                ScmiStatus.InvalidParameters, "§4.9.2.5: config bits 3:0 other than 0x0 (off) and 0x7 (on) without bit 3 (implementation-defined) are reserved: INVALID_PARAMETERS");
            yield return new RawCheck($"voltage.{settable}.level-get.after-set", ScmiRequest.Words(P, VoltageMessage.LevelGet, (uint)settable), ScmiStatus.Success,
                "§4.9.2.8: the level just set")
            {
                Reply = r => Mismatch.Of("level", level, r.I32(0)),
            };
        }
        int locked = Enumerable.Range(0, d.VoltageDomains.Count).FirstOrDefault(i => d.VoltageDomains[i].Locked, -1);
        if (locked >= 0)
        {
            VoltageDomainDescription domain = d.VoltageDomains[locked];
            int level = domain.InitialLevel ?? domain.Levels?[0] ?? domain.Range!.Minimum;
            yield return new RawCheck($"voltage.{locked}.level-set.locked", ScmiRequest.Words(P, VoltageMessage.LevelSet, (uint)locked, 0, (uint)level), ScmiStatus.Denied,
                "§4.9.2.7: a domain the agent may not change answers DENIED");
        }
        yield return new RawCheck("voltage.domain-attributes.unknown-domain", ScmiRequest.Words(P, VoltageMessage.DomainAttributes, unknown), ScmiStatus.NotFound,
            "§4.9.2.4: a domain id past the last answers NOT_FOUND");
        yield return new RawCheck("voltage.level-get.unknown-domain", ScmiRequest.Words(P, VoltageMessage.LevelGet, unknown), ScmiStatus.NotFound,
            "§4.9.2.9: a domain id past the last answers NOT_FOUND");
        yield return new RawCheck("voltage.level-set.short", ScmiRequest.Words(P, VoltageMessage.LevelSet, 0, 0), ScmiStatus.ProtocolError,
            "a command shorter than its parameters answers PROTOCOL_ERROR");
    }

    private static string? DescribedLevels(VoltageDomainDescription domain, ReplyReader r)
    {
        uint flags = r.U32(0);
        int returned = (int)(flags & 0xFFF), remaining = (int)(flags >> 16);
        if (domain.Range is { } range)
        {
            return Mismatch.First(() => (flags & TripletFormatBit) == 0 ? "a range domain is described as a list (bit 12 clear)" : null,
                () => Mismatch.Of("returned", 3, returned), () => Mismatch.Of("minimum", range.Minimum, r.I32(4)),
                () => Mismatch.Of("maximum", range.Maximum, r.I32(8)), () => Mismatch.Of("step", range.Step, r.I32(12)));
        }
        IReadOnlyList<int> levels = domain.Levels!;
        return Mismatch.First(() => (flags & TripletFormatBit) != 0 ? "a list domain is described as a range (bit 12 set)" : null,
            () => returned == 0 ? "no level returned" : null,
            () => Mismatch.Of("returned + remaining", levels.Count, returned + remaining),
            () => Mismatch.Of("levels", string.Join(",", levels.Take(returned)), string.Join(",", Enumerable.Range(0, returned).Select(i => r.I32(4 + 4 * i)))));
    }
}
