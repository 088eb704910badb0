// The protocol list of BASE_DISCOVER_LIST_PROTOCOLS walked page by page in one caller-provided buffer.
using System;
using System.Buffers.Binary;

namespace Scmi.Protocols;

/// <summary>
/// Enumerates the protocol ids the platform implements: <see cref="TryGetNext"/> answers the next id and
/// fetches a page when the one held runs out. It stops at the count PROTOCOL_ATTRIBUTES announced; a
/// failure ends it and stays in <see cref="Result"/>.
/// </summary>
public ref struct BaseProtocolList
{
    private readonly BaseProtocol _client;
    private readonly Span<byte> _page;
    private int _pageCount;
    private int _pageIndex;
    private uint _listed;

    internal BaseProtocolList(BaseProtocol client, Span<byte> page)
    {
        _client = client;
        _page = page;
        _pageCount = 0;
        _pageIndex = 0;
        _listed = 0;
        Result = default;
        if (!client.IsDiscovered)
            Result = ScmiResult.FromAgent(ScmiAgentError.NotDiscovered);
        else if (page.Length < 8)
            Result = ScmiResult.FromAgent(ScmiAgentError.InvalidArgument);
    }

    /// <summary>Success while and after a complete walk; otherwise the failure that ended it.</summary>
    public ScmiResult Result { get; private set; }

    /// <summary>The next protocol id; false at the end or on a failure (see <see cref="Result"/>). Context: thread.</summary>
    public bool TryGetNext(out byte protocol)
    {
        protocol = 0;
        if (!Result.IsSuccess)
            return false;
        if (_pageIndex == _pageCount)
        {
            if (_listed >= (uint)_client.ProtocolCount)
                return false;
            if (!FetchPage())
                return false;
        }
        // SCMI (DEN0056E) §4.2.2.7: ids are packed four to a word, the first in bits 7:0.
        int word = _pageIndex / 4;
        int lane = _pageIndex % 4;
        uint packed = BinaryPrimitives.ReadUInt32LittleEndian(_page.Slice(4 + 4 * word));
        protocol = (byte)(packed >> (8 * lane));
        _pageIndex++;
        _listed++;
        return true;
    }

    private bool FetchPage()
    {
        ScmiResult result = _client.FetchProtocolPage(_listed, _page, out int length);
        if (!result.IsSuccess)
        {
            Result = result;
            return false;
        }
        uint count = BinaryPrimitives.ReadUInt32LittleEndian(_page);
        uint left = (uint)_client.ProtocolCount - _listed;
        // Linux (base.c) checks both returned and remaining: an empty page before the end would loop forever,
        // more ids than announced would overrun the caller's count.
        if (count == 0 || count > left)
        {
            Result = ScmiResult.FromAgent(ScmiAgentError.ReplyInvalid);
            return false;
        }
        if (length < 4 + (int)((count + 3) / 4) * 4)
        {
            Result = ScmiResult.FromAgent(ScmiAgentError.ReplyTooShort);
            return false;
        }
        _pageCount = (int)count;
        _pageIndex = 0;
        return true;
    }
}
