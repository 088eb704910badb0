// Walks a clock's rates page by page through CLOCK_DESCRIBE_RATES, holding one page in the caller's span (SCMI DEN0056E §4.6.2.5).
using System;

namespace Scmi.Protocols;

/// <summary>
/// The rates of one clock. A linear range comes whole in the first reply (<see cref="IsRange"/>,
/// <see cref="Range"/>); discrete rates are taken one at a time with <see cref="TryGetNext"/>, which asks
/// for the next page when the held one runs out. No allocation; the page lives in the caller's span.
/// </summary>
public ref struct ClockRateEnumerator
{
    private const uint ReturnedMask = 0xFFF;
    private const uint RangeFormatBit = 1u << 12;
    private const int RateBytes = 8;

    private readonly ClockProtocol _client;
    private readonly uint _clockId;
    private readonly Span<byte> _page;
    private int _pageRates;
    private int _pagePosition;
    private uint _nextIndex;
    private uint _remaining;
    private ScmiResult _result;

    internal ClockRateEnumerator(ClockProtocol client, uint clockId, Span<byte> page)
    {
        _client = client;
        _clockId = clockId;
        _page = page;
        _pageRates = 0;
        _pagePosition = 0;
        _nextIndex = 0;
        _remaining = 0;
        _result = default;
        IsRange = false;
        Range = default;
        Count = 0;
    }

    /// <summary>True when the clock's rates are a (lowest, highest, step) range.</summary>
    public bool IsRange { get; private set; }

    /// <summary>The range when <see cref="IsRange"/>.</summary>
    public ClockRateRange Range { get; private set; }

    /// <summary>Number of discrete rates the platform reported in its first reply (3 for a range triplet).</summary>
    public uint Count { get; private set; }

    /// <summary>Why the walk stopped: success at the end of the list, otherwise the failure.</summary>
    public ScmiResult Result => _result;

    /// <summary>Fetches the first page. Context: thread.</summary>
    internal ScmiResult Start()
    {
        _result = FetchPage();
        return _result;
    }

    /// <summary>
    /// The next discrete rate in Hz, fetching the next page when needed; false at the end of the list, for a
    /// range, or on a failure (see <see cref="Result"/>). Context: thread.
    /// </summary>
    public bool TryGetNext(out ulong rate)
    {
        rate = 0;
        if (!_result.IsSuccess || IsRange)
            return false;
        if (_pagePosition == _pageRates)
        {
            if (_remaining == 0)
                return false;
            _result = FetchPage();
            if (!_result.IsSuccess)
                return false;
        }
        var reader = new ScmiPayloadReader(_page.Slice(4 + _pagePosition * RateBytes, RateBytes));
        reader.TryReadUInt64(out rate);
        _pagePosition++;
        return true;
    }

    private ScmiResult FetchPage()
    {
        bool first = _nextIndex == 0;
        ScmiResult result = _client.DescribeRatesPage(_clockId, _nextIndex, _page, out int length);
        if (!result.IsSuccess)
            return result;
        var reader = new ScmiPayloadReader(_page.Slice(0, length));
        reader.TryReadUInt32(out uint flags);
        uint returned = flags & ReturnedMask;
        uint remaining = flags >> 16;
        if ((flags & RangeFormatBit) != 0)
        {
            // SCMI DEN0056E §4.6.2.5: a range is one triplet (lowest, highest, step) with nothing remaining.
            if (!first || returned != 3 || remaining != 0)
                return ScmiResult.FromAgent(ScmiAgentError.ReplyInvalid);
            if (!reader.TryReadUInt64(out ulong lowest) | !reader.TryReadUInt64(out ulong highest) | !reader.TryReadUInt64(out ulong step))
                return ScmiResult.FromAgent(ScmiAgentError.ReplyTooShort);
            if (lowest > highest)
                return ScmiResult.FromAgent(ScmiAgentError.ReplyInvalid);
            IsRange = true;
            Range = new ClockRateRange { Lowest = lowest, Highest = highest, Step = step };
            Count = 3;
            return default;
        }
        if (first)
            Count = returned + remaining;
        // A page that returns nothing would never end the walk; one that changes the total is not the same list.
        else if (returned + remaining != Count - _nextIndex)
            return ScmiResult.FromAgent(ScmiAgentError.ReplyInvalid);
        if (returned == 0 && Count != 0)
            return ScmiResult.FromAgent(ScmiAgentError.ReplyInvalid);
        if (reader.Remaining < returned * RateBytes)
            return ScmiResult.FromAgent(ScmiAgentError.ReplyInvalid);
        _pageRates = (int)returned;
        _pagePosition = 0;
        _nextIndex += returned;
        _remaining = remaining;
        return default;
    }
}
