// One page of a list held in the caller's span and the walk's position in it: the part every paged list walk of variable-size entries shares.
using System;

namespace Scmi.Protocols;

/// <summary>
/// The held page, the offset of the next entry in it and the page counts (<see cref="ScmiPageCursor"/>), for walks
/// whose entries are read one by one from the page (sensor descriptors, sensor axes). The first failure sticks in
/// <see cref="Result"/> and ends the walk.
/// </summary>
internal ref struct ScmiPageWalk
{
    private readonly Span<byte> _page;
    private int _pageLength;
    private int _offset;
    private ScmiPageCursor _cursor;
    private ScmiResult _result;

    public ScmiPageWalk(Span<byte> page)
    {
        _page = page;
        _pageLength = 0;
        _offset = 0;
        _cursor = default;
        _result = default;
    }

    /// <summary>The caller's span a page is fetched into.</summary>
    public readonly Span<byte> Page => _page;

    /// <summary>Why the walk stopped: success at the end of the list, otherwise the first failure.</summary>
    public readonly ScmiResult Result => _result;

    /// <summary>Entries in the list, from the first page.</summary>
    public readonly uint Total => _cursor.Total;

    /// <summary>Index of the first entry of the next page to fetch.</summary>
    public readonly uint NextIndex => _cursor.NextIndex;

    /// <summary>True when the walk ended, at the end of the list or on a failure.</summary>
    public readonly bool Ended => !_result.IsSuccess || _cursor.AtEnd;

    /// <summary>True when the held page is used up and the next must be fetched.</summary>
    public readonly bool NeedsPage => _cursor.NeedsPage;

    /// <summary>The bytes of the held page from the next entry on.</summary>
    public readonly ScmiPayloadReader Entry => new ScmiPayloadReader(_page.Slice(_offset, _pageLength - _offset));

    /// <summary>
    /// Takes a page fetched into <see cref="Page"/> (<paramref name="fetched"/>, <paramref name="length"/> bytes): its
    /// first word holds the entries returned (bits under <paramref name="returnedMask"/>) and remaining (bits from
    /// <paramref name="remainingShift"/> up). False, with <see cref="Result"/> set, when it failed or contradicts the walk.
    /// </summary>
    public bool Accept(ScmiResult fetched, int length, uint returnedMask, int remainingShift)
    {
        _result = fetched;
        if (!fetched.IsSuccess)
            return false;
        var reader = new ScmiPayloadReader(_page.Slice(0, length));
        if (!reader.TryReadUInt32(out uint flags) || !_cursor.Accept(flags & returnedMask, flags >> remainingShift))
            return Fail(ScmiAgentError.ReplyInvalid);
        _pageLength = length;
        _offset = 4;
        return true;
    }

    /// <summary>The entry at <see cref="Entry"/> was <paramref name="bytes"/> long and is handed out.</summary>
    public void Advance(int bytes)
    {
        _offset += bytes;
        _cursor.Position++;
    }

    /// <summary>Ends the walk with <paramref name="result"/> (success keeps it going); returns whether it succeeded.</summary>
    public bool Finish(ScmiResult result)
    {
        _result = result;
        return result.IsSuccess;
    }

    /// <summary>Ends the walk with <paramref name="error"/>; returns false.</summary>
    public bool Fail(ScmiAgentError error)
    {
        _result = ScmiResult.FromAgent(error);
        return false;
    }
}
