// The Performance, Clock and Sensor clients against a scripted hostile platform: counts, lengths and names that do not add up end a walk with an error.
using Scmi.Protocols;
using static Scmi.Tests.Protocols.ProtocolHarness;

namespace Scmi.Tests.Protocols;

public sealed class HostileListTests
{
    private static ClockProtocol Clock(Func<byte, byte[], (int, byte[])?> answer)
    {
        (_, ScmiAgent agent) = Scripted(0x20000, (protocol, message, parameters) => message == 1 ? (0, Words(1)) : answer(message, parameters));
        var client = new ClockProtocol(agent);
        Ok(client.Discover());
        return client;
    }

    private static ulong[] WalkRates(ClockProtocol clock, out ScmiResult result)
    {
        Span<byte> page = stackalloc byte[64];
        var rates = new List<ulong>();
        result = clock.DescribeRates(0, page, out ClockRateEnumerator walk);
        while (walk.TryGetNext(out ulong rate))
            rates.Add(rate);
        if (result.IsSuccess)
            result = walk.Result;
        return rates.ToArray();
    }

    public static TheoryData<uint[]> BrokenRatePages => new()
    {
        new uint[] { 0x0005_0000 },                    // nothing returned, five remaining: the walk would never end
        new uint[] { 0x0000_0003, 1, 0, 2, 0 },        // three announced, two sent
        new uint[] { 0x0000_1002, 1, 0, 2, 0 },        // a range that is not a triplet
        new uint[] { 0x0001_1003, 1, 0, 9, 0, 1, 0 },  // a range with something remaining
        new uint[] { 0x0000_1003, 9, 0, 1, 0, 1, 0 },  // a range whose lowest is above its highest
    };

    [Theory]
    [MemberData(nameof(BrokenRatePages))]
    public void A_broken_rate_page_is_reply_invalid(uint[] page)
    {
        ClockProtocol clock = Clock((message, _) => message == ClockMessages.DescribeRates ? (0, Words(page)) : null);
        WalkRates(clock, out ScmiResult result);
        Assert.Equal(ScmiAgentError.ReplyInvalid, result.Agent);
    }

    [Fact]
    public void A_total_that_changes_between_rate_pages_is_not_believed()
    {
        // First page: 1 returned, 1 remaining (total 2); the second claims 1 returned and 5 remaining.
        ClockProtocol clock = Clock((message, parameters) => message == ClockMessages.DescribeRates
            ? (0, parameters[4] == 0 ? Words(0x0001_0001, 10, 0) : Words(0x0005_0001, 20, 0))
            : null);
        ulong[] rates = WalkRates(clock, out ScmiResult result);
        Assert.Equal(ScmiAgentError.ReplyInvalid, result.Agent);
        Assert.Equal(new ulong[] { 10 }, rates);
    }

    [Fact]
    public void A_well_formed_two_page_rate_list_is_walked()
    {
        ClockProtocol clock = Clock((message, parameters) => message == ClockMessages.DescribeRates
            ? (0, parameters[4] == 0 ? Words(0x0001_0001, 10, 0) : Words(0x0000_0001, 20, 0))
            : null);
        Assert.Equal(new ulong[] { 10, 20 }, WalkRates(clock, out ScmiResult result));
        Ok(result);
    }

    [Fact]
    public void A_clock_name_without_a_terminator_is_reply_invalid()
    {
        ClockProtocol clock = Clock((message, _) => message == ClockMessages.Attributes
            ? (0, Concat(Words(1), Name("sixteen-chars-xx", 16), Words(0)))
            : null);
        Span<byte> name = stackalloc byte[64];
        Assert.Equal(ScmiAgentError.ReplyInvalid, clock.GetAttributes(0, out _, name, out int length).Agent);
        Assert.Equal(0, length);
    }

    [Fact]
    public void A_short_clock_attributes_reply_is_refused_as_malformed()
    {
        // The client asks for the 20 bytes CLOCK_ATTRIBUTES must carry; the transport refuses a shorter successful reply.
        ClockProtocol clock = Clock((message, _) => message == ClockMessages.Attributes ? (0, Concat(Words(1), Name("abc", 8))) : null);
        Span<byte> name = stackalloc byte[64];
        Assert.Equal(ScmiTransportResult.Malformed, clock.GetAttributes(0, out _, name, out int length).Transport);
        Assert.Equal(0, length);
    }

    [Fact]
    public void A_sensor_descriptor_cut_short_ends_the_walk()
    {
        // One scalar sensor announced with extended attributes, but the resolution and range are missing.
        (_, ScmiAgent agent) = Scripted(0x30000, (protocol, message, parameters) => message switch
        {
            1 => (0, Words(1, 0, 0, 0)),
            SensorMessages.DescriptionGet => (0, Concat(Words(0x0000_0001, 0, 1u << 8, 2), Name("t"), Words(0))),
            _ => null,
        });
        var sensor = new SensorProtocol(agent);
        Ok(sensor.Discover());
        Span<byte> page = stackalloc byte[128];
        Span<byte> name = stackalloc byte[64];
        Ok(sensor.DescribeSensors(page, out SensorDescriptorEnumerator walk));
        Assert.False(walk.TryGetNext(out _, name, out _));
        Assert.Equal(ScmiAgentError.ReplyInvalid, walk.Result.Agent);
    }

    [Fact]
    public void A_sensor_reading_of_a_partial_length_is_reply_invalid()
    {
        (_, ScmiAgent agent) = Scripted(0x30000, (protocol, message, parameters) => message switch
        {
            1 => (0, Words(1, 0, 0, 0)),
            SensorMessages.ReadingGet => (0, Words(1, 0, 0, 0, 7)),
            _ => null,
        });
        var sensor = new SensorProtocol(agent);
        Ok(sensor.Discover());
        Span<SensorReading> readings = stackalloc SensorReading[4];
        Assert.Equal(ScmiAgentError.ReplyInvalid, sensor.Read(0, readings, out int count).Agent);
        Assert.Equal(0, count);
    }

    [Fact]
    public void A_level_page_announcing_more_than_it_carries_is_reply_invalid()
    {
        (_, ScmiAgent agent) = Scripted(0x30000, (protocol, message, parameters) => message switch
        {
            1 => (0, Words(1, 0, 0, 0)),
            PerformanceMessages.DescribeLevels => (0, Words(0x0000_0002, 100, 1, 1)),
            _ => null,
        });
        var perf = new PerformanceProtocol(agent);
        Ok(perf.Discover());
        Span<byte> page = stackalloc byte[64];
        Assert.Equal(ScmiAgentError.ReplyInvalid, perf.DescribeLevels(0, page, out PerformanceLevelEnumerator levels).Agent);
        Assert.False(levels.TryGetNext(out _));
    }

    [Fact]
    public void Limits_with_min_above_max_are_reply_invalid()
    {
        (_, ScmiAgent agent) = Scripted(0x30000, (protocol, message, parameters) => message switch
        {
            1 => (0, Words(1, 0, 0, 0)),
            PerformanceMessages.LimitsGet => (0, Words(100, 200)),
            _ => null,
        });
        var perf = new PerformanceProtocol(agent);
        Ok(perf.Discover());
        Assert.Equal(ScmiAgentError.ReplyInvalid, perf.GetLimits(0, out _).Agent);
    }
}
