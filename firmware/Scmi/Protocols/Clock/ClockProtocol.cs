// The SCMI Clock management protocol client (SCMI DEN0056E §4.6): attributes, names, rates, enable, notifications.
using System;

namespace Scmi.Protocols;

/// <summary>
/// Clock protocol 0x14, versions up to 2.0. Every call answers an <see cref="ScmiResult"/>; results go to
/// the caller's structs and spans; nothing allocates after construction.
/// </summary>
public sealed class ClockProtocol : ScmiProtocolClient
{
    /// <summary>The newest version this client speaks.</summary>
    public static readonly ScmiProtocolVersion HighestSupported = new ScmiProtocolVersion(2, 0);

    private const uint EnabledBit = 1u << 0;
    private const uint AsyncFlag = 1u << 0;
    private const uint IgnoreDelayedResponseFlag = 1u << 1;
    private const int AttributesReplyBytes = 4 + ScmiNames.ShortNameBytes;
    private const int NameGetReplyBytes = 4 + ScmiNames.ExtendedNameBytes;
    private const int RateSetCompleteBytes = 12;

    /// <summary>A client of the clock protocol on <paramref name="agent"/>. Context: thread, before the heap is sealed.</summary>
    public ClockProtocol(ScmiAgent agent)
        : base(agent, ScmiProtocolId.Clock, HighestSupported)
    {
    }

    /// <summary>Number of clocks (PROTOCOL_ATTRIBUTES bits 15:0).</summary>
    public int ClockCount { get; private set; }

    /// <summary>Asynchronous CLOCK_RATE_SET requests the platform takes at once (bits 23:16).</summary>
    public int MaxPendingAsyncRateChanges { get; private set; }

    /// <inheritdoc />
    protected override ScmiResult OnAttributes(ReadOnlySpan<byte> attributes)
    {
        var reader = new ScmiPayloadReader(attributes);
        if (!reader.TryReadUInt32(out uint word))
            return ScmiResult.FromAgent(ScmiAgentError.ReplyTooShort);
        // SCMI DEN0056E §4.6.2.2: bits 23:16 max pending async rate changes, bits 15:0 number of clocks.
        ClockCount = (int)(word & 0xFFFF);
        MaxPendingAsyncRateChanges = (int)((word >> 16) & 0xFF);
        return default;
    }

    /// <summary>
    /// CLOCK_ATTRIBUTES of <paramref name="clockId"/>, and its name into <paramref name="name"/> (through
    /// CLOCK_NAME_GET when the short field cannot hold it); <paramref name="nameLength"/> bytes were written. Context: thread.
    /// </summary>
    public ScmiResult GetAttributes(uint clockId, out ClockAttributes attributes, Span<byte> name, out int nameLength)
    {
        attributes = default;
        nameLength = 0;
        Span<byte> parameters = stackalloc byte[4];
        var writer = new ScmiPayloadWriter(parameters);
        writer.TryWriteUInt32(clockId);
        Span<byte> reply = stackalloc byte[AttributesReplyBytes + 4];
        ScmiResult result = Invoke(ClockMessages.Attributes, writer.Written, reply, out int length, AttributesReplyBytes);
        if (!result.IsSuccess)
            return result;
        var reader = new ScmiPayloadReader(reply.Slice(0, length));
        reader.TryReadUInt32(out uint word);
        reader.TryReadBytes(ScmiNames.ShortNameBytes, out ReadOnlySpan<byte> shortName);
        // SCMI DEN0056E §4.6.2.4: clock_enable_latency follows the name from version 2.0 on; absent means unknown.
        reader.TryReadUInt32(out uint latency);
        attributes.Enabled = (word & EnabledBit) != 0;
        attributes.RateChangedNotifySupported = (word & (1u << 31)) != 0;
        attributes.RateChangeRequestedNotifySupported = (word & (1u << 30)) != 0;
        attributes.HasExtendedName = (word & (1u << 29)) != 0;
        attributes.EnableLatencyMicroseconds = latency;
        if (attributes.HasExtendedName)
            return GetExtendedName(clockId, name, out nameLength);
        return ScmiNames.Copy(shortName, name, out nameLength);
    }

    /// <summary>CLOCK_NAME_GET: the clock's full name (up to 63 bytes) into <paramref name="name"/>. Context: thread.</summary>
    public ScmiResult GetExtendedName(uint clockId, Span<byte> name, out int nameLength)
    {
        nameLength = 0;
        Span<byte> parameters = stackalloc byte[4];
        var writer = new ScmiPayloadWriter(parameters);
        writer.TryWriteUInt32(clockId);
        Span<byte> reply = stackalloc byte[NameGetReplyBytes];
        ScmiResult result = Invoke(ClockMessages.NameGet, writer.Written, reply, out int length, NameGetReplyBytes);
        if (!result.IsSuccess)
            return result;
        // SCMI DEN0056E §4.6.2.10: flags (reserved) then a 64-byte NUL-terminated name.
        return ScmiNames.Copy(reply.Slice(4, ScmiNames.ExtendedNameBytes), name, out nameLength);
    }

    /// <summary>
    /// Starts walking the rates of <paramref name="clockId"/> with <paramref name="page"/> as the buffer of
    /// one CLOCK_DESCRIBE_RATES reply (its length sizes the reply: 12 bytes hold one rate, a range needs 28).
    /// The first page is fetched here; <paramref name="rates"/> fetches the others. Context: thread.
    /// </summary>
    public ScmiResult DescribeRates(uint clockId, Span<byte> page, out ClockRateEnumerator rates)
    {
        rates = new ClockRateEnumerator(this, clockId, page);
        if (page.Length < 12)
            return ScmiResult.FromAgent(ScmiAgentError.InvalidArgument);
        return rates.Start();
    }

    /// <summary>One CLOCK_DESCRIBE_RATES exchange from <paramref name="rateIndex"/>. Context: thread.</summary>
    internal ScmiResult DescribeRatesPage(uint clockId, uint rateIndex, Span<byte> page, out int length)
    {
        Span<byte> parameters = stackalloc byte[8];
        var writer = new ScmiPayloadWriter(parameters);
        writer.TryWriteUInt32(clockId);
        writer.TryWriteUInt32(rateIndex);
        return Invoke(ClockMessages.DescribeRates, writer.Written, page, out length, 4);
    }

    /// <summary>CLOCK_RATE_GET: the clock's current rate in Hz. Context: thread.</summary>
    public ScmiResult GetRate(uint clockId, out ulong rate)
    {
        rate = 0;
        Span<byte> parameters = stackalloc byte[4];
        var writer = new ScmiPayloadWriter(parameters);
        writer.TryWriteUInt32(clockId);
        Span<byte> reply = stackalloc byte[8];
        ScmiResult result = Invoke(ClockMessages.RateGet, writer.Written, reply, out int length, 8);
        if (result.IsSuccess)
            new ScmiPayloadReader(reply.Slice(0, length)).TryReadUInt64(out rate);
        return result;
    }

    /// <summary>CLOCK_RATE_SET, synchronous: the platform sets a rate (rounded as asked) before it replies. Context: thread.</summary>
    public ScmiResult SetRate(uint clockId, ulong rate, ClockRounding rounding = ClockRounding.Down) =>
        SendRateSet((uint)rounding, clockId, rate);

    /// <summary>
    /// CLOCK_RATE_SET, asynchronous without a delayed response (flags bits 0 and 1): the platform accepts the
    /// request and changes the rate later; read it back with <see cref="GetRate"/>. Context: thread.
    /// </summary>
    public ScmiResult SetRateNoWait(uint clockId, ulong rate, ClockRounding rounding = ClockRounding.Down) =>
        SendRateSet((uint)rounding | AsyncFlag | IgnoreDelayedResponseFlag, clockId, rate);

    /// <summary>
    /// CLOCK_RATE_SET, asynchronous: waits for CLOCK_RATE_SET_COMPLETE and returns the rate the clock was
    /// set to in <paramref name="rateSet"/>. Context: thread.
    /// </summary>
    public ScmiResult SetRateAsync(uint clockId, ulong rate, out ulong rateSet, ClockRounding rounding = ClockRounding.Down,
        ScmiCompletion completion = ScmiCompletion.Default)
    {
        rateSet = 0;
        Span<byte> parameters = stackalloc byte[16];
        WriteRateSet(parameters, (uint)rounding | AsyncFlag, clockId, rate);
        Span<byte> delayed = stackalloc byte[RateSetCompleteBytes];
        ScmiResult result = Agent.InvokeWithDelayedResponse(Protocol, ClockMessages.RateSet, parameters, default, out _,
            delayed, out int delayedLength, RateSetCompleteBytes, completion);
        if (!result.IsSuccess)
            return result;
        // SCMI DEN0056E §4.6.2.7: CLOCK_RATE_SET_COMPLETE carries the clock id and the rate it now runs at.
        var reader = new ScmiPayloadReader(delayed.Slice(0, delayedLength));
        reader.TryReadUInt32(out uint completedClock);
        reader.TryReadUInt64(out rateSet);
        if (completedClock != clockId)
            return ScmiResult.FromAgent(ScmiAgentError.ReplyInvalid);
        return default;
    }

    /// <summary>CLOCK_CONFIG_SET with the enable bit set: starts the clock. Context: thread.</summary>
    public ScmiResult Enable(uint clockId) => SendConfig(clockId, EnabledBit);

    /// <summary>CLOCK_CONFIG_SET with the enable bit clear: stops the clock. Context: thread.</summary>
    public ScmiResult Disable(uint clockId) => SendConfig(clockId, 0);

    /// <summary>CLOCK_RATE_NOTIFY: turns CLOCK_RATE_CHANGED events of one clock on or off. Context: thread.</summary>
    public ScmiResult NotifyRateChanged(uint clockId, bool enable) => SendNotify(ClockMessages.RateNotify, clockId, enable);

    /// <summary>CLOCK_RATE_CHANGE_REQUESTED_NOTIFY: turns CLOCK_RATE_CHANGE_REQUESTED events of one clock on or off. Context: thread.</summary>
    public ScmiResult NotifyRateChangeRequested(uint clockId, bool enable) =>
        SendNotify(ClockMessages.RateChangeRequestedNotify, clockId, enable);

    private ScmiResult SendRateSet(uint flags, uint clockId, ulong rate)
    {
        Span<byte> parameters = stackalloc byte[16];
        WriteRateSet(parameters, flags, clockId, rate);
        return Invoke(ClockMessages.RateSet, parameters, default, out _);
    }

    private static void WriteRateSet(Span<byte> parameters, uint flags, uint clockId, ulong rate)
    {
        // SCMI DEN0056E §4.6.2.7: flags, clock_id, rate[0] (low word), rate[1] (high word).
        var writer = new ScmiPayloadWriter(parameters);
        writer.TryWriteUInt32(flags);
        writer.TryWriteUInt32(clockId);
        writer.TryWriteUInt64(rate);
    }

    private ScmiResult SendConfig(uint clockId, uint attributes)
    {
        // SCMI DEN0056E §4.6.2.9: clock_id then attributes (bit 0 enable, the rest reserved, zero).
        Span<byte> parameters = stackalloc byte[8];
        var writer = new ScmiPayloadWriter(parameters);
        writer.TryWriteUInt32(clockId);
        writer.TryWriteUInt32(attributes);
        return Invoke(ClockMessages.ConfigSet, writer.Written, default, out _);
    }

    private ScmiResult SendNotify(byte messageId, uint clockId, bool enable)
    {
        // SCMI DEN0056E §4.6.2.11: clock_id then notify_enable (bit 0).
        Span<byte> parameters = stackalloc byte[8];
        var writer = new ScmiPayloadWriter(parameters);
        writer.TryWriteUInt32(clockId);
        writer.TryWriteUInt32(enable ? 1u : 0u);
        return Invoke(messageId, writer.Written, default, out _);
    }
}
