// Walks a sensor's update intervals page by page through SENSOR_LIST_UPDATE_INTERVALS, holding one page in the caller's span (SCMI DEN0056E §4.7.2.8).
using System;

namespace Scmi.Protocols;

/// <summary>
/// The update intervals of one sensor: a (lowest, highest, step) triplet when <see cref="IsRange"/>,
/// otherwise a list taken one at a time with <see cref="TryGetNext"/>.
/// </summary>
public ref struct SensorIntervalEnumerator
{
    private const uint TripletBit = 1u << 12;

    private readonly SensorProtocol _client;
    private readonly uint _sensorId;
    private readonly Span<byte> _page;
    private ScmiPageCursor _cursor;
    private ScmiResult _result;

    internal SensorIntervalEnumerator(SensorProtocol client, uint sensorId, Span<byte> page)
    {
        _client = client;
        _sensorId = sensorId;
        _page = page;
        _cursor = default;
        _result = default;
        IsRange = false;
        Lowest = default;
        Highest = default;
        Step = default;
    }

    /// <summary>True when the intervals are a triplet (<see cref="Lowest"/>, <see cref="Highest"/>, <see cref="Step"/>).</summary>
    public bool IsRange { get; private set; }

    /// <summary>Lowest interval of a triplet.</summary>
    public SensorUpdateInterval Lowest { get; private set; }

    /// <summary>Highest interval of a triplet.</summary>
    public SensorUpdateInterval Highest { get; private set; }

    /// <summary>Step of a triplet.</summary>
    public SensorUpdateInterval Step { get; private set; }

    /// <summary>Intervals in the list, from the first reply.</summary>
    public readonly uint Count => _cursor.Total;

    /// <summary>Why the walk stopped: success at the end of the list, otherwise the failure.</summary>
    public readonly ScmiResult Result => _result;

    internal ScmiResult Start()
    {
        _result = FetchPage();
        return _result;
    }

    /// <summary>The next interval of a list; false at the end, for a triplet, or on a failure. Context: thread.</summary>
    public bool TryGetNext(out SensorUpdateInterval interval)
    {
        interval = default;
        if (!_result.IsSuccess || IsRange || _cursor.AtEnd)
            return false;
        if (_cursor.NeedsPage)
        {
            _result = FetchPage();
            if (!_result.IsSuccess)
                return false;
        }
        var reader = new ScmiPayloadReader(_page.Slice(4 + 4 * _cursor.Position, 4));
        reader.TryReadUInt32(out uint word);
        interval = SensorUpdateInterval.FromWord(word);
        _cursor.Position++;
        return true;
    }

    private ScmiResult FetchPage()
    {
        bool first = _cursor.NextIndex == 0;
        ScmiResult result = _client.IntervalPage(_sensorId, _cursor.NextIndex, _page, out int length);
        if (!result.IsSuccess)
            return result;
        var reader = new ScmiPayloadReader(_page.Slice(0, length));
        reader.TryReadUInt32(out uint flags);
        // SCMI DEN0056E §4.7.2.8: bits 11:0 returned, bit 12 triplet format, bits 31:16 remaining.
        uint returned = flags & 0xFFF;
        uint remaining = flags >> 16;
        if ((flags & TripletBit) != 0)
        {
            if (!first || returned != 3 || remaining != 0 || reader.Remaining < 12)
                return ScmiResult.FromAgent(ScmiAgentError.ReplyInvalid);
            reader.TryReadUInt32(out uint lowest);
            reader.TryReadUInt32(out uint highest);
            reader.TryReadUInt32(out uint step);
            IsRange = true;
            Lowest = SensorUpdateInterval.FromWord(lowest);
            Highest = SensorUpdateInterval.FromWord(highest);
            Step = SensorUpdateInterval.FromWord(step);
            return default;
        }
        if (!_cursor.Accept(returned, remaining) || reader.Remaining < 4 * returned)
            return ScmiResult.FromAgent(ScmiAgentError.ReplyInvalid);
        return default;
    }
}
