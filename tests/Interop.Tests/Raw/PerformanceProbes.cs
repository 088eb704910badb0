// Performance domain probes (DEN0056 §4.5): domains, levels and limits match the description, and the level
// Linux's cpufreq chose is the level the platform reports.
using Interop.Tests.Guest;
using ScmiPlatform.Description;
using ScmiPlatform.Scmi;

namespace Interop.Tests.Raw;

public static class PerformanceProbes
{
    private const byte P = ProtocolNumber.Performance;
    /// <summary>§4.5.2.5 PERFORMANCE_DOMAIN_ATTRIBUTES: bit 31 may set limits, bit 30 may set level.</summary>
    private const uint SetLimitsBit = 1u << 31, SetLevelBit = 1u << 30;

    public static IEnumerable<RawCheck> For(PlatformDescription d, GuestActions actions)
    {
        uint unknown = (uint)d.PerformanceDomains.Count;
        yield return new RawCheck("perf.attributes.count", ScmiRequest.Words(P, CommonMessage.ProtocolAttributes), ScmiStatus.Success,
            "§4.5.2.3: bits 15:0 number of domains, bit 16 power in mW")
        {
            Reply = r => Mismatch.First(() => Mismatch.Of("domains", d.PerformanceDomains.Count, (int)(r.U32(0) & 0xFFFF)),
                () => Mismatch.Of("power in mW", d.PerformancePowerUnit == PerformancePowerUnit.Milliwatts, (r.U32(0) & 1u << 16) != 0)),
        };
        for (int id = 0; id < d.PerformanceDomains.Count; id++)
        {
            PerformanceDomainDescription domain = d.PerformanceDomains[id];
            yield return new RawCheck($"perf.{id}.domain-attributes", ScmiRequest.Words(P, PerformanceMessage.DomainAttributes, (uint)id), ScmiStatus.Success,
                "§4.5.2.5: attributes, rate limit, sustained kHz, sustained level, name")
            {
                Reply = r => Mismatch.First(
                    () => Mismatch.Of("may set limits", domain.SetLimitsAllowed, (r.U32(0) & SetLimitsBit) != 0),
                    () => Mismatch.Of("may set level", domain.SetLevelAllowed, (r.U32(0) & SetLevelBit) != 0),
                    () => Mismatch.Of("rate limit", domain.RateLimitMicroseconds, r.U32(4) & 0xFFFFF),
                    () => Mismatch.Of("sustained kHz", domain.SustainedFrequencyKhz, r.U32(8)),
                    () => Mismatch.Of("sustained level", domain.SustainedLevel, r.U32(12)),
                    () => ClockProbes.ShortName("name", domain.Name, r.Name(16))),
            };
            yield return new RawCheck($"perf.{id}.describe-levels", ScmiRequest.Words(P, PerformanceMessage.DescribeLevels, (uint)id, 0), ScmiStatus.Success,
                "§4.5.2.6: num_levels (11:0 returned, 31:16 remaining), then one entry per level from index 0")
            {
                Reply = r =>
                {
                    uint flags = r.U32(0);
                    int returned = (int)(flags & 0xFFF), remaining = (int)(flags >> 16);
                    if (returned == 0)
                        return "no level returned";
                    int entry = (r.Length - 4) / returned;
                    return Mismatch.First(() => Mismatch.Of("returned + remaining", domain.Levels.Count, returned + remaining),
                        () => entry is 12 or 20 ? null : $"entry size {entry} is neither 12 (v1-v3) nor 20 (v4)",
                        () => Mismatch.Of("levels", string.Join(",", domain.Levels.Take(returned).Select(l => $"{l.Level}/{l.PowerCost}/{l.LatencyMicroseconds}")),
                            string.Join(",", Enumerable.Range(0, returned).Select(i => $"{r.U32(4 + i * entry)}/{r.U32(8 + i * entry)}/{r.U32(12 + i * entry) & 0xFFFF}"))));
                },
            };
            uint lowest = domain.Levels[0].Level, highest = domain.Levels[^1].Level;
            yield return new RawCheck($"perf.{id}.limits-get", ScmiRequest.Words(P, PerformanceMessage.LimitsGet, (uint)id), ScmiStatus.Success,
                "§4.5.2.8: the limits after reset (max, then min)")
            {
                Reply = r => Mismatch.First(() => Mismatch.Of("max", domain.LimitMax ?? highest, r.U32(0)), () => Mismatch.Of("min", domain.LimitMin ?? lowest, r.U32(4))),
            };
            bool changedByLinux = id == 0 && actions.Performance is not null;
            uint expected = changedByLinux ? actions.Performance!.Level : domain.InitialLevel ?? highest;
            yield return new RawCheck($"perf.{id}.level-get", ScmiRequest.Words(P, PerformanceMessage.LevelGet, (uint)id), ScmiStatus.Success,
                changedByLinux ? "§4.5.2.10: the level cpufreq set through scaling_setspeed" : "§4.5.2.10: the level after reset")
            {
                Reply = r => Mismatch.First(() => Mismatch.Of("return values length", 4, r.Length), () => Mismatch.Of("level", expected, r.U32(0))),
            };
        }
        yield return new RawCheck("perf.domain-attributes.unknown-domain", ScmiRequest.Words(P, PerformanceMessage.DomainAttributes, unknown), ScmiStatus.NotFound,
            "§4.5.2.5: a domain id past the last answers NOT_FOUND");
        yield return new RawCheck("perf.level-get.unknown-domain", ScmiRequest.Words(P, PerformanceMessage.LevelGet, unknown), ScmiStatus.NotFound,
            "§4.5.2.10: a domain id past the last answers NOT_FOUND");
        yield return new RawCheck("perf.level-set.short", ScmiRequest.Words(P, PerformanceMessage.LevelSet, 0), ScmiStatus.ProtocolError,
            "a command shorter than its parameters answers PROTOCOL_ERROR");

        int settable = Enumerable.Range(0, d.PerformanceDomains.Count).FirstOrDefault(i => d.PerformanceDomains[i].SetLevelAllowed, -1);
        if (settable >= 0)
        {
            PerformanceDomainDescription domain = d.PerformanceDomains[settable];
            uint target = domain.Levels[0].Level;
            yield return new RawCheck($"perf.{settable}.level-set", ScmiRequest.Words(P, PerformanceMessage.LevelSet, (uint)settable, target), ScmiStatus.Success,
                "§4.5.2.9: a level within the limits succeeds");
            yield return new RawCheck($"perf.{settable}.level-get.after-set", ScmiRequest.Words(P, PerformanceMessage.LevelGet, (uint)settable), ScmiStatus.Success,
                "§4.5.2.10: the level just set")
            {
                Reply = r => Mismatch.Of("level", target, r.U32(0)),
            };
            yield return new RawCheck($"perf.{settable}.level-set.above-limits",
                ScmiRequest.Words(P, PerformanceMessage.LevelSet, (uint)settable, (domain.LimitMax ?? domain.Levels[^1].Level) + 1),
                ScmiStatus.OutOfRange, "§4.5.2.9: a level outside the current limits answers OUT_OF_RANGE");
        }

        int limitable = Enumerable.Range(0, d.PerformanceDomains.Count).LastOrDefault(i => d.PerformanceDomains[i].SetLimitsAllowed, -1);
        if (limitable >= 0)
        {
            IReadOnlyList<PerformanceLevel> levels = d.PerformanceDomains[limitable].Levels;
            uint max = levels[^1].Level, min = levels[Math.Min(1, levels.Count - 1)].Level;
            yield return new RawCheck($"perf.{limitable}.limits-set", ScmiRequest.Words(P, PerformanceMessage.LimitsSet, (uint)limitable, max, min), ScmiStatus.Success,
                "§4.5.2.7: limits made of two of the domain's levels are accepted");
            yield return new RawCheck($"perf.{limitable}.limits-get.after-set", ScmiRequest.Words(P, PerformanceMessage.LimitsGet, (uint)limitable), ScmiStatus.Success,
                "§4.5.2.8: the limits just set (max, then min)")
            {
                Reply = r => Mismatch.First(() => Mismatch.Of("max", max, r.U32(0)), () => Mismatch.Of("min", min, r.U32(4))),
            };
            yield return new RawCheck($"perf.{limitable}.limits-set.inverted", ScmiRequest.Words(P, PerformanceMessage.LimitsSet, (uint)limitable, min, max), ScmiStatus.InvalidParameters,
                "§4.5.2.7: a maximum below the minimum answers INVALID_PARAMETERS")
            {
                AlsoAccepted = min == max ? ScmiStatus.Success : null,
            };
        }
        int fixedLimits = Enumerable.Range(0, d.PerformanceDomains.Count).FirstOrDefault(i => !d.PerformanceDomains[i].SetLimitsAllowed, -1);
        if (fixedLimits >= 0)
        {
            IReadOnlyList<PerformanceLevel> levels = d.PerformanceDomains[fixedLimits].Levels;
            yield return new RawCheck($"perf.{fixedLimits}.limits-set.not-allowed",
                ScmiRequest.Words(P, PerformanceMessage.LimitsSet, (uint)fixedLimits, levels[^1].Level, levels[0].Level), ScmiStatus.Denied,
                "§4.5.2.7: a domain whose attributes deny limit changes answers DENIED");
        }
    }
}
