// Clock protocol probes (DEN0056 §4.6): every clock's name, rates and current rate match the description,
// and the rate Linux set through debugfs is the rate the platform reports.
using Interop.Tests.Guest;
using ScmiPlatform.Description;
using ScmiPlatform.Scmi;

namespace Interop.Tests.Raw;

public static class ClockProbes
{
    private const byte P = ProtocolNumber.Clock;
    /// <summary>§4.6.2.5 CLOCK_ATTRIBUTES: bit 0 enabled, bit 29 extended name.</summary>
    private const uint EnabledBit = 1u << 0;
    /// <summary>§4.6.2.6 CLOCK_DESCRIBE_RATES num_rates_flags: 11:0 returned, 12 range format, 31:16 remaining.</summary>
    private const uint RangeFormatBit = 1u << 12;

    public static IEnumerable<RawCheck> For(PlatformDescription d, GuestActions actions)
    {
        uint unknown = (uint)d.Clocks.Count;
        yield return new RawCheck("clock.attributes.count", ScmiRequest.Words(P, CommonMessage.ProtocolAttributes), ScmiStatus.Success,
            "§4.6.2.3: bits 15:0 number of clocks")
        {
            Reply = r => Mismatch.Of("clocks", d.Clocks.Count, (int)(r.U32(0) & 0xFFFF)),
        };
        for (int id = 0; id < d.Clocks.Count; id++)
        {
            ClockDescription clock = d.Clocks[id];
            bool enabledByLinux = actions.Clock?.ClockId == id;
            yield return new RawCheck($"clock.{id}.attributes", ScmiRequest.Words(P, ClockMessage.Attributes, (uint)id), ScmiStatus.Success,
                "§4.6.2.5: attributes, then the name in 16 bytes" + (enabledByLinux ? "; enabled after Linux's clk_prepare_enable" : ""))
            {
                Reply = r => Mismatch.First(() => ShortName("name", clock.Name, r.Name(4)),
                    () => enabledByLinux && (r.U32(0) & EnabledBit) == 0 ? "the clock Linux enabled reports disabled (attributes bit 0 clear)" : null),
            };
            yield return new RawCheck($"clock.{id}.describe-rates", ScmiRequest.Words(P, ClockMessage.DescribeRates, (uint)id, 0), ScmiStatus.Success,
                "§4.6.2.6: the rates from index 0 (a list, or min/max/step)")
            {
                Reply = r => DescribedRates(clock, r),
            };
            ulong expected = actions.Clock?.ClockId == id ? actions.Clock.Rate : GuestActions.InitialRate(clock);
            yield return new RawCheck($"clock.{id}.rate-get", ScmiRequest.Words(P, ClockMessage.RateGet, (uint)id), ScmiStatus.Success,
                actions.Clock?.ClockId == id ? "§4.6.2.8: the rate Linux set through debugfs" : "§4.6.2.8: the rate after reset")
            {
                Reply = r => Mismatch.First(() => Mismatch.Of("return values length", 8, r.Length), () => Mismatch.Of("rate", expected, r.U64(0))),
            };
        }
        yield return new RawCheck("clock.attributes.unknown-clock", ScmiRequest.Words(P, ClockMessage.Attributes, unknown), ScmiStatus.NotFound,
            "§4.6.2.5: a clock id past the last answers NOT_FOUND");
        yield return new RawCheck("clock.rate-get.unknown-clock", ScmiRequest.Words(P, ClockMessage.RateGet, unknown), ScmiStatus.NotFound,
            "§4.6.2.8: a clock id past the last answers NOT_FOUND");
        yield return new RawCheck("clock.rate-set.unknown-clock", ScmiRequest.Words(P, ClockMessage.RateSet, 0, unknown, 0, 0), ScmiStatus.NotFound,
            "§4.6.2.7: a clock id past the last answers NOT_FOUND");
        yield return new RawCheck("clock.describe-rates.missing-index", ScmiRequest.Words(P, ClockMessage.DescribeRates, 0), ScmiStatus.ProtocolError,
            "a command shorter than its parameters answers PROTOCOL_ERROR");
        yield return new RawCheck("clock.rate-set.short", ScmiRequest.Words(P, ClockMessage.RateSet, 0, 0, 0), ScmiStatus.ProtocolError,
            "a command shorter than its parameters answers PROTOCOL_ERROR");

        // State changes last: a rate set through raw mode, then read back.
        int settable = Enumerable.Range(0, d.Clocks.Count).FirstOrDefault(i => !d.Clocks[i].Locked && i != actions.Clock?.ClockId, -1);
        if (settable >= 0)
        {
            ClockDescription clock = d.Clocks[settable];
            ulong highest = clock.Rates?[^1] ?? clock.Range!.Maximum;
            yield return new RawCheck($"clock.{settable}.rate-set.reserved-flag",
                ScmiRequest.Words(P, ClockMessage.RateSet, ClockMessage.RateSetReservedFlag, (uint)settable, (uint)highest, (uint)(highest >> 32)),
                ScmiStatus.InvalidParameters, "§4.6.2.7: flags bits 31:4 are reserved; setting one answers INVALID_PARAMETERS");
            yield return new RawCheck($"clock.{settable}.rate-set",
                ScmiRequest.Words(P, ClockMessage.RateSet, 0, (uint)settable, (uint)highest, (uint)(highest >> 32)), ScmiStatus.Success,
                "§4.6.2.7: a synchronous set to a supported rate succeeds");
            ulong lowest = clock.Rates?[0] ?? clock.Range!.Minimum;
            yield return new RawCheck($"clock.{settable}.rate-set{RawCheck.AsyncSuffix}",
                ScmiRequest.Words(P, ClockMessage.RateSet, ClockMessage.RateSetAsyncFlag, (uint)settable, (uint)lowest, (uint)(lowest >> 32)), ScmiStatus.Success,
                "§4.6.2.7: an asynchronous set replies, then CLOCK_RATE_SET_COMPLETE carries status, clock_id and the rate")
            {
                Reply = r => Mismatch.Of("return values length", 0, r.Length),
                Delayed = r => Mismatch.First(() => Mismatch.Of("clock_id", (uint)settable, r.U32(0)), () => Mismatch.Of("rate", lowest, r.U64(4))),
            };
            yield return new RawCheck($"clock.{settable}.rate-set.again",
                ScmiRequest.Words(P, ClockMessage.RateSet, 0, (uint)settable, (uint)highest, (uint)(highest >> 32)), ScmiStatus.Success,
                "§4.6.2.7: a synchronous set to a supported rate succeeds");
            yield return new RawCheck($"clock.{settable}.rate-get.after-set", ScmiRequest.Words(P, ClockMessage.RateGet, (uint)settable), ScmiStatus.Success,
                "§4.6.2.8: the rate just set")
            {
                Reply = r => Mismatch.Of("rate", highest, r.U64(0)),
            };
        }
        int locked = Enumerable.Range(0, d.Clocks.Count).FirstOrDefault(i => d.Clocks[i].Locked, -1);
        if (locked >= 0)
        {
            ulong rate = GuestActions.InitialRate(d.Clocks[locked]);
            yield return new RawCheck($"clock.{locked}.rate-set.locked", ScmiRequest.Words(P, ClockMessage.RateSet, 0, (uint)locked, (uint)rate, (uint)(rate >> 32)),
                ScmiStatus.Denied, "§4.6.2.7: a clock the agent may not change answers DENIED");
        }
    }

    /// <summary>Short names are the first 15 characters of the full name (longer ones come from CLOCK_NAME_GET).</summary>
    public static string? ShortName(string what, string full, string shortName) =>
        Mismatch.Of(what, full.Length <= 15 ? full : full[..15], shortName);

    private static string? DescribedRates(ClockDescription clock, ReplyReader r)
    {
        uint flags = r.U32(0);
        int returned = (int)(flags & 0xFFF), remaining = (int)(flags >> 16);
        if (clock.Range is { } range)
        {
            return Mismatch.First(
                () => (flags & RangeFormatBit) == 0 ? "a range clock is described as a list (bit 12 clear)" : null,
                () => Mismatch.Of("returned", 3, returned), () => Mismatch.Of("remaining", 0, remaining),
                () => Mismatch.Of("minimum", range.Minimum, r.U64(4)), () => Mismatch.Of("maximum", range.Maximum, r.U64(12)),
                () => Mismatch.Of("step", range.Step, r.U64(20)));
        }
        IReadOnlyList<ulong> rates = clock.Rates!;
        return Mismatch.First(
            () => (flags & RangeFormatBit) != 0 ? "a clock with discrete rates is described as a range (bit 12 set)" : null,
            () => returned == 0 ? "no rates returned" : null,
            () => Mismatch.Of("returned + remaining", rates.Count, returned + remaining),
            () => Mismatch.Of("return values length", 4 + 8 * returned, r.Length),
            () => Mismatch.Of("rates", string.Join(",", rates.Take(returned)), string.Join(",", Enumerable.Range(0, returned).Select(i => r.U64(4 + 8 * i)))));
    }
}
