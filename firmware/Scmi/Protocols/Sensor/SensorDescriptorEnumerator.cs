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
    private ScmiPageWalk _walk;

    internal SensorDescriptorEnumerator(SensorProtocol client, Span<byte> page)
    {
        _client = client;
        _walk = new ScmiPageWalk(page);
    }

    /// <summary>Why the walk stopped: success at the end of the list, otherwise the failure.</summary>
    public readonly ScmiResult Result => _walk.Result;

    /// <summary>Sensors in the list, from the first reply.</summary>
    public readonly uint Count => _walk.Total;

    internal ScmiResult Start()
    {
        FetchPage();
        return _walk.Result;
    }

    /// <summary>
    /// The next sensor's descriptor and its name into <paramref name="name"/> (the extended one through
    /// SENSOR_NAME_GET when flagged); false at the end or on a failure (see <see cref="Result"/>). Context: thread.
    /// </summary>
    public bool TryGetNext(out SensorDescriptor descriptor, scoped Span<byte> name, out int nameLength)
    {
        descriptor = default;
        nameLength = 0;
        if (_walk.Ended || (_walk.NeedsPage && !FetchPage()))
            return false;
        ScmiPayloadReader reader = _walk.Entry;
        if (reader.Remaining < BaseBytes)
            return _walk.Fail(ScmiAgentError.ReplyInvalid);
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
                return _walk.Fail(ScmiAgentError.ReplyInvalid);
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
        _walk.Advance(reader.Offset);
        if (descriptor.HasExtendedName)
            return _walk.Finish(_client.GetExtendedName(id, name, out nameLength));
        if (!ScmiNames.Copy(shortName, name, out nameLength).IsSuccess)
            return _walk.Fail(ScmiAgentError.ReplyInvalid);
        return true;
    }

    private bool FetchPage()
    {
        ScmiResult result = _client.DescriptionPage(_walk.NextIndex, _walk.Page, out int length);
        // SCMI DEN0056E §4.7.2.3: num_sensor_flags bits 11:0 returned, bits 31:16 remaining.
        return _walk.Accept(result, length, 0xFFF, 16);
    }
}
