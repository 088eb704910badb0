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
    private ScmiPageWalk _walk;

    internal SensorAxisEnumerator(SensorProtocol client, uint sensorId, Span<byte> page)
    {
        _client = client;
        _sensorId = sensorId;
        _walk = new ScmiPageWalk(page);
    }

    /// <summary>Why the walk stopped: success at the end of the list, otherwise the failure.</summary>
    public readonly ScmiResult Result => _walk.Result;

    /// <summary>Axes of the sensor, from the first reply.</summary>
    public readonly uint Count => _walk.Total;

    internal ScmiResult Start()
    {
        FetchPage();
        return _walk.Result;
    }

    /// <summary>The next axis and its name; false at the end or on a failure (see <see cref="Result"/>). Context: thread.</summary>
    public bool TryGetNext(out SensorAxisDescriptor axis, scoped Span<byte> name, out int nameLength)
    {
        axis = default;
        nameLength = 0;
        if (_walk.Ended || (_walk.NeedsPage && !FetchPage()))
            return false;
        ScmiPayloadReader reader = _walk.Entry;
        if (reader.Remaining < BaseBytes)
            return _walk.Fail(ScmiAgentError.ReplyInvalid);
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
                return _walk.Fail(ScmiAgentError.ReplyInvalid);
            reader.TryReadUInt32(out uint resolution);
            reader.TryReadUInt64(out ulong minimum);
            reader.TryReadUInt64(out ulong maximum);
            axis.Resolution = resolution & 0x7FF_FFFF;
            axis.ResolutionExponent = SensorBits.SignExtend5(resolution >> 27);
            axis.Minimum = (long)minimum;
            axis.Maximum = (long)maximum;
        }
        _walk.Advance(reader.Offset);
        if (axis.HasExtendedName)
            return _walk.Finish(_client.GetAxisExtendedName(_sensorId, axis.Id, name, out nameLength));
        if (!ScmiNames.Copy(shortName, name, out nameLength).IsSuccess)
            return _walk.Fail(ScmiAgentError.ReplyInvalid);
        return true;
    }

    private bool FetchPage()
    {
        ScmiResult result = _client.AxisPage(SensorMessages.AxisDescriptionGet, _sensorId, _walk.NextIndex, _walk.Page, out int length);
        // SCMI DEN0056E §4.7.2.7: num_axis_flags bits 5:0 returned, bits 31:26 remaining.
        return _walk.Accept(result, length, 0x3F, 26);
    }
}
