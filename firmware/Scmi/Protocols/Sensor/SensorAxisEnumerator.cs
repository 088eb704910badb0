// Walks a multi-axis sensor's axes page by page through SENSOR_AXIS_DESCRIPTION_GET, holding one page in the caller's span (SCMI DEN0056E §4.7.2.7).
using System;

namespace Scmi.Protocols;

/// <summary>The axes of one sensor, one at a time; names longer than the short field come from SENSOR_AXIS_NAME_GET.</summary>
public ref struct SensorAxisEnumerator
{
    private const int BaseBytes = 12 + ScmiNames.ShortNameBytes;
    private const int ExtendedBytes = 20;

    private readonly SensorProtocol _client;
    private readonly uint _sensorId;
    private readonly Span<byte> _page;
    private int _pageLength;
    private int _offset;
    private ScmiPageCursor _cursor;
    private ScmiResult _result;

    internal SensorAxisEnumerator(SensorProtocol client, uint sensorId, Span<byte> page)
    {
        _client = client;
        _sensorId = sensorId;
        _page = page;
        _pageLength = 0;
        _offset = 0;
        _cursor = default;
        _result = default;
    }

    /// <summary>Why the walk stopped: success at the end of the list, otherwise the failure.</summary>
    public readonly ScmiResult Result => _result;

    /// <summary>Axes of the sensor, from the first reply.</summary>
    public readonly uint Count => _cursor.Total;

    internal ScmiResult Start()
    {
        _result = FetchPage();
        return _result;
    }

    /// <summary>The next axis and its name; false at the end or on a failure (see <see cref="Result"/>). Context: thread.</summary>
    public bool TryGetNext(out SensorAxisDescriptor axis, scoped Span<byte> name, out int nameLength)
    {
        axis = default;
        nameLength = 0;
        if (!_result.IsSuccess || _cursor.AtEnd)
            return false;
        if (_cursor.NeedsPage)
        {
            _result = FetchPage();
            if (!_result.IsSuccess)
                return false;
        }
        var reader = new ScmiPayloadReader(_page.Slice(_offset, _pageLength - _offset));
        if (reader.Remaining < BaseBytes)
            return Fail();
        reader.TryReadUInt32(out axis.Id);
        reader.TryReadUInt32(out uint low);
        reader.TryReadUInt32(out uint high);
        reader.TryReadBytes(ScmiNames.ShortNameBytes, out ReadOnlySpan<byte> shortName);
        axis.HasExtendedName = (low & (1u << 9)) != 0;
        axis.HasExtendedAttributes = (low & (1u << 8)) != 0;
        axis.Unit = (SensorUnit)(high & 0xFF);
        axis.Scale = SensorBits.SignExtend5((high >> 11) & 0x1F);
        if (axis.HasExtendedAttributes)
        {
            // SCMI DEN0056E §4.7.2.7: resolution and range follow the name only with extended attributes.
            if (reader.Remaining < ExtendedBytes)
                return Fail();
            reader.TryReadUInt32(out uint resolution);
            reader.TryReadUInt64(out ulong minimum);
            reader.TryReadUInt64(out ulong maximum);
            axis.Resolution = resolution & 0x7FF_FFFF;
            axis.ResolutionExponent = SensorBits.SignExtend5(resolution >> 27);
            axis.Minimum = (long)minimum;
            axis.Maximum = (long)maximum;
        }
        _offset += reader.Offset;
        _cursor.Position++;
        if (axis.HasExtendedName)
        {
            _result = _client.GetAxisExtendedName(_sensorId, axis.Id, name, out nameLength);
            return _result.IsSuccess;
        }
        if (!ScmiNames.Copy(shortName, name, out nameLength).IsSuccess)
            return Fail();
        return true;
    }

    private bool Fail()
    {
        _result = ScmiResult.FromAgent(ScmiAgentError.ReplyInvalid);
        return false;
    }

    private ScmiResult FetchPage()
    {
        ScmiResult result = _client.AxisPage(SensorMessages.AxisDescriptionGet, _sensorId, _cursor.NextIndex, _page, out int length);
        if (!result.IsSuccess)
            return result;
        var reader = new ScmiPayloadReader(_page.Slice(0, length));
        reader.TryReadUInt32(out uint flags);
        // SCMI DEN0056E §4.7.2.7: num_axis_flags bits 5:0 returned, bits 31:26 remaining.
        if (!_cursor.Accept(flags & 0x3F, flags >> 26))
            return ScmiResult.FromAgent(ScmiAgentError.ReplyInvalid);
        _pageLength = length;
        _offset = 4;
        return default;
    }
}
