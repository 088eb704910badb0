// Where a paged list walk stands (SCMI DEN0056E: lists return "returned" entries and "remaining" after them), checked page by page.
namespace Scmi.Protocols;

/// <summary>
/// The position of a paged list walk: entries of the held page, the next index to ask for, what the
/// platform says remains. A page that returns nothing while entries remain, or whose counts do not add
/// up to the first page's total, is refused so a broken platform cannot keep a walk going forever.
/// </summary>
internal struct ScmiPageCursor
{
    /// <summary>Index of the first entry of the next page.</summary>
    public uint NextIndex;
    /// <summary>Entries after the held page.</summary>
    public uint Remaining;
    /// <summary>Entries in the list, from the first page.</summary>
    public uint Total;
    /// <summary>Entries in the held page.</summary>
    public int InPage;
    /// <summary>Entries of the held page already handed out.</summary>
    public int Position;

    /// <summary>True when the held page is used up and another must be fetched.</summary>
    public readonly bool NeedsPage => Position == InPage && Remaining != 0;

    /// <summary>True when every entry was handed out.</summary>
    public readonly bool AtEnd => Position == InPage && Remaining == 0;

    /// <summary>Takes a page's counts; false when they contradict the walk so far.</summary>
    public bool Accept(uint returned, uint remaining)
    {
        if (NextIndex == 0)
            Total = returned + remaining;
        else if (returned + remaining != Total - NextIndex)
            return false;
        if (returned == 0 && remaining != 0)
            return false;
        NextIndex += returned;
        Remaining = remaining;
        InPage = (int)returned;
        Position = 0;
        return true;
    }
}
