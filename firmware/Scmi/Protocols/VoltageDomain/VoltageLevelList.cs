// The levels of one voltage domain (VOLTAGE_DESCRIBE_LEVELS, SCMI DEN0056E §4.9.2.5) walked page by page in one caller-provided buffer.
using System;
using System.Buffers.Binary;

namespace Scmi.Protocols;

/// <summary>
/// Enumerates a domain's levels in microvolts. A discrete list is fetched a page at a time into the
/// caller's span; a linear range (lowest, highest, step) comes in one reply and its levels are computed.
/// After the first <see cref="TryGetNext"/>, <see cref="IsRange"/> tells which. A failure ends the walk and
/// stays in <see cref="Result"/>.
/// </summary>
public ref struct VoltageLevelList
{
    private const uint ReturnedMask = 0xFFF;
    private const uint LinearFormatBit = 1u << 12;

    private readonly VoltageDomainProtocol _client;
    private readonly uint _domain;
    private readonly Span<byte> _page;
    private int _pageCount;
    private int _pageIndex;
    private uint _index;
    private uint _total;
    private bool _fetched;

    internal VoltageLevelList(VoltageDomainProtocol client, uint domain, Span<byte> page)
    {
        _client = client;
        _domain = domain;
        _page = page;
        _pageCount = 0;
        _pageIndex = 0;
        _index = 0;
        _total = 0;
        _fetched = false;
        IsRange = false;
        Lowest = Highest = Step = 0;
        Result = page.Length < 16 ? ScmiResult.FromAgent(ScmiAgentError.InvalidArgument) : default;
    }

    /// <summary>True when the platform described a linear range (<see cref="Lowest"/>, <see cref="Highest"/>, <see cref="Step"/>).</summary>
    public bool IsRange { get; private set; }

    /// <summary>The range's lowest level (0 for a discrete list).</summary>
    public int Lowest { get; private set; }

    /// <summary>The range's highest level.</summary>
    public int Highest { get; private set; }

    /// <summary>The range's step.</summary>
    public int Step { get; private set; }

    /// <summary>Number of levels (known after the first <see cref="TryGetNext"/>).</summary>
    public uint Count => _total;

    /// <summary>Success while and after a complete walk; otherwise the failure that ended it.</summary>
    public ScmiResult Result { get; private set; }

    /// <summary>The next level in microvolts; false at the end or on a failure (see <see cref="Result"/>). Context: thread.</summary>
    public bool TryGetNext(out int microvolts)
    {
        microvolts = 0;
        if (!Result.IsSuccess)
            return false;
        if (!_fetched || (!IsRange && _pageIndex == _pageCount && _index < _total))
        {
            if (!FetchPage())
                return false;
        }
        if (_index >= _total)
            return false;
        if (IsRange)
        {
            microvolts = (int)(Lowest + (long)Step * _index);
        }
        else
        {
            microvolts = BinaryPrimitives.ReadInt32LittleEndian(_page.Slice(4 + 4 * _pageIndex));
            _pageIndex++;
        }
        _index++;
        return true;
    }

    private bool FetchPage()
    {
        ScmiResult result = _client.FetchLevelPage(_domain, _index, _page, out int length);
        if (!result.IsSuccess)
            return Fail(result);
        uint flags = BinaryPrimitives.ReadUInt32LittleEndian(_page);
        uint returned = flags & ReturnedMask;
        uint remaining = flags >> 16;
        if (length < 4 + 4 * (int)returned)
            return Fail(ScmiResult.FromAgent(ScmiAgentError.ReplyTooShort));
        if ((flags & LinearFormatBit) != 0)
        {
            // SCMI (DEN0056E) §4.9.2.5: the linear format returns exactly three levels, lowest, highest, step.
            if (_fetched || returned != 3)
                return Fail(ScmiResult.FromAgent(ScmiAgentError.ReplyInvalid));
            int lowest = BinaryPrimitives.ReadInt32LittleEndian(_page.Slice(4));
            int highest = BinaryPrimitives.ReadInt32LittleEndian(_page.Slice(8));
            int step = BinaryPrimitives.ReadInt32LittleEndian(_page.Slice(12));
            if (highest < lowest || step < 0 || (step == 0 && highest != lowest))
                return Fail(ScmiResult.FromAgent(ScmiAgentError.ReplyInvalid));
            IsRange = true;
            Lowest = lowest;
            Highest = highest;
            Step = step;
            _total = step == 0 ? 1u : (uint)(((long)highest - lowest) / step) + 1;
            _fetched = true;
            return true;
        }
        if (IsRange)
            return Fail(ScmiResult.FromAgent(ScmiAgentError.ReplyInvalid));
        // Linux (voltage.c) checks returned and remaining together: an empty page would loop forever, and
        // the total (this page's first index + returned + remaining) may not change between pages.
        uint total = _index + returned + remaining;
        if (returned == 0 || (_fetched && total != _total))
            return Fail(ScmiResult.FromAgent(ScmiAgentError.ReplyInvalid));
        _total = total;
        _fetched = true;
        _pageCount = (int)returned;
        _pageIndex = 0;
        return true;
    }

    private bool Fail(ScmiResult result)
    {
        Result = result;
        return false;
    }
}
