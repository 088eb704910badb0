// Walks the sensors' descriptors page by page through SENSOR_DESCRIPTION_GET, holding one page in the caller's span (SCMI DEN0056E §4.7.2.3).
using System;

namespace Scmi.Protocols;

/// <summary>
/// Every sensor's descriptor, one at a time. Descriptors differ in size (52 bytes for a scalar sensor, 32
/// for a multi-axis one), so each is measured from its own attributes before it is read.
/// </summary>
public ref struct SensorDescriptorEnumerator
{
    private const int BaseBytes = 12 + ScmiNames.ShortNameBytes;
    private const int PowerBytes = 4;
    private const int ScalarBytes = 20;

    private readonly SensorProtocol _client;
    private readonly Span<byte> _page;
    private int _pageLength;
    private int _offset;
    private ScmiPageCursor _cursor;
    private ScmiResult _result;

    internal SensorDescriptorEnumerator(SensorProtocol client, Span<byte> page)
    {
        _client = client;
        _page = page;
        _pageLength = 0;
        _offset = 0;
        _cursor = default;
        _result = default;
    }

    /// <summary>Why the walk stopped: success at the end of the list, otherwise the failure.</summary>
    public readonly ScmiResult Result => _result;

    /// <summary>Sensors in the list, from the first reply.</summary>
    public readonly uint Count => _cursor.Total;

    internal ScmiResult Start()
    {
        _result = FetchPage();
        return _result;
    }

    /// <summary>
    /// The next sensor's descriptor and its name into <paramref name="name"/> (the extended one through
    /// SENSOR_NAME_GET when flagged); false at the end or on a failure (see <see cref="Result"/>). Context: thread.
    /// </summary>
    public bool TryGetNext(out SensorDescriptor descriptor, scoped Span<byte> name, out int nameLength)
    {
        descriptor = default;
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
            return Fail(ScmiAgentError.ReplyInvalid);
        reader.TryReadUInt32(out uint id);
        reader.TryReadUInt32(out uint low);
        reader.TryReadUInt32(out uint high);
        reader.TryReadBytes(ScmiNames.ShortNameBytes, out ReadOnlySpan<byte> shortName);
        descriptor.Id = id;
        descriptor.AsyncReadSupported = (low & (1u << 31)) != 0;
        descriptor.ContinuousUpdateNotifySupported = (low & (1u << 30)) != 0;
        descriptor.HasExtendedName = (low & (1u << 29)) != 0;
        descriptor.TimestampExponent = SensorBits.SignExtend5((low >> 10) & 0x1F);
        descriptor.TimestampSupported = (low & (1u << 9)) != 0;
        descriptor.HasExtendedAttributes = (low & (1u << 8)) != 0;
        descriptor.TripPointCount = (int)(low & 0xFF);
        descriptor.Unit = (SensorUnit)(high & 0xFF);
        descriptor.Scale = SensorBits.SignExtend5((high >> 11) & 0x1F);
        // SCMI DEN0056E §4.7.2.3: bit 8 of attributes_high says the sensor has axes, bits 21:16 how many.
        descriptor.AxisCount = (high & (1u << 8)) != 0 ? (int)((high >> 16) & 0x3F) : 0;
        if (descriptor.HasExtendedAttributes)
        {
            // Power always follows with extended attributes; resolution and range only for scalar sensors (axes have their own).
            int needed = PowerBytes + (descriptor.AxisCount == 0 ? ScalarBytes : 0);
            if (reader.Remaining < needed)
                return Fail(ScmiAgentError.ReplyInvalid);
            reader.TryReadUInt32(out descriptor.PowerMicrowatts);
            if (descriptor.AxisCount == 0)
            {
                reader.TryReadUInt32(out uint resolution);
                reader.TryReadUInt64(out ulong minimum);
                reader.TryReadUInt64(out ulong maximum);
                descriptor.Resolution = resolution & 0x7FF_FFFF;
                descriptor.ResolutionExponent = SensorBits.SignExtend5(resolution >> 27);
                descriptor.Minimum = (long)minimum;
                descriptor.Maximum = (long)maximum;
                descriptor.HasRange = true;
            }
        }
        _offset += reader.Offset;
        _cursor.Position++;
        if (descriptor.HasExtendedName)
        {
            _result = _client.GetExtendedName(id, name, out nameLength);
            return _result.IsSuccess;
        }
        if (!ScmiNames.Copy(shortName, name, out nameLength).IsSuccess)
            return Fail(ScmiAgentError.ReplyInvalid);
        return true;
    }

    private bool Fail(ScmiAgentError error)
    {
        _result = ScmiResult.FromAgent(error);
        return false;
    }

    private ScmiResult FetchPage()
    {
        ScmiResult result = _client.DescriptionPage(_cursor.NextIndex, _page, out int length);
        if (!result.IsSuccess)
            return result;
        var reader = new ScmiPayloadReader(_page.Slice(0, length));
        reader.TryReadUInt32(out uint flags);
        // SCMI DEN0056E §4.7.2.3: num_sensor_flags bits 11:0 returned, bits 31:16 remaining.
        if (!_cursor.Accept(flags & 0xFFF, flags >> 16))
            return ScmiResult.FromAgent(ScmiAgentError.ReplyInvalid);
        _pageLength = length;
        _offset = 4;
        return default;
    }
}
