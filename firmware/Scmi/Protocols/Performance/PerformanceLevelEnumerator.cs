// Walks a performance domain's levels page by page through PERFORMANCE_DESCRIBE_LEVELS, holding one page in the caller's span (SCMI DEN0056E §4.5.3.5).
using System;

namespace Scmi.Protocols;

/// <summary>The levels of one domain, one at a time; the next page is asked for when the held one runs out.</summary>
public ref struct PerformanceLevelEnumerator
{
    private readonly PerformanceProtocol _client;
    private readonly uint _domainId;
    private readonly Span<byte> _page;
    private ScmiPageCursor _cursor;
    private ScmiResult _result;

    internal PerformanceLevelEnumerator(PerformanceProtocol client, uint domainId, Span<byte> page)
    {
        _client = client;
        _domainId = domainId;
        _page = page;
        _cursor = default;
        _result = default;
    }

    /// <summary>Levels of the domain, from the first reply.</summary>
    public readonly uint Count => _cursor.Total;

    /// <summary>Why the walk stopped: success at the end of the list, otherwise the failure.</summary>
    public readonly ScmiResult Result => _result;

    internal ScmiResult Start()
    {
        _result = FetchPage();
        return _result;
    }

    /// <summary>The next level; false at the end or on a failure (see <see cref="Result"/>). Context: thread.</summary>
    public bool TryGetNext(out PerformanceLevel level)
    {
        level = default;
        if (!_result.IsSuccess || _cursor.AtEnd)
            return false;
        if (_cursor.NeedsPage)
        {
            _result = FetchPage();
            if (!_result.IsSuccess)
                return false;
        }
        var reader = new ScmiPayloadReader(_page.Slice(4 + _cursor.Position * PerformanceLevel.Size, PerformanceLevel.Size));
        reader.TryReadUInt32(out level.Level);
        reader.TryReadUInt32(out level.PowerCost);
        reader.TryReadUInt32(out uint attributes);
        level.TransitionLatencyMicroseconds = attributes & 0xFFFF;
        _cursor.Position++;
        return true;
    }

    private ScmiResult FetchPage()
    {
        ScmiResult result = _client.LevelPage(_domainId, _cursor.NextIndex, _page, out int length);
        if (!result.IsSuccess)
            return result;
        var reader = new ScmiPayloadReader(_page.Slice(0, length));
        reader.TryReadUInt32(out uint flags);
        // SCMI DEN0056E §4.5.3.5: num_levels bits 11:0 returned, bits 31:16 remaining.
        uint returned = flags & 0xFFF;
        if (!_cursor.Accept(returned, flags >> 16) || reader.Remaining < returned * PerformanceLevel.Size)
            return ScmiResult.FromAgent(ScmiAgentError.ReplyInvalid);
        return default;
    }
}
