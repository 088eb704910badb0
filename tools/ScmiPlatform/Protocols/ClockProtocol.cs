// SCMI Clock management protocol 0x14 (Arm DEN0056 v3.2 §4.6).
using ScmiPlatform.Description;
using ScmiPlatform.Scmi;

namespace ScmiPlatform.Protocols;

/// <summary>Clock message ids (DEN0056 §4.6.2).</summary>
public enum ClockMessage : byte
{
    ProtocolVersion = 0x0,
    ProtocolAttributes = 0x1,
    ProtocolMessageAttributes = 0x2,
    ClockAttributes = 0x3,
    ClockDescribeRates = 0x4,
    ClockRateSet = 0x5,
    ClockRateGet = 0x6,
    ClockConfigSet = 0x7,
    ClockNameGet = 0x8,
    ClockRateNotify = 0x9,
    ClockRateChangeRequestedNotify = 0xA,
}

/// <summary>Clock notification ids (DEN0056 §4.6.3).</summary>
public enum ClockNotification : byte
{
    ClockRateChanged = 0x0,
    ClockRateChangeRequested = 0x1,
}

/// <summary>Clocks with discrete rates or linear ranges, their current rate and enable state.</summary>
public sealed class ClockProtocol : ScmiProtocol<ClockMessage, ClockNotification>
{
    /// <summary>DEN0056 §4.6.2.1: clock protocol version 2.0.</summary>
    public const uint ProtocolVersion = 0x2_0000;
    /// <summary>Asynchronous CLOCK_RATE_SET requests the platform accepts at once (attributes bits 23:16).</summary>
    public const uint MaximumPendingAsync = 8;
    /// <summary>CLOCK_RATE_SET flags: bit 0 async, bit 1 ignore delayed response, bit 2 round up, bit 3 round auto.</summary>
    public const uint AsyncFlag = 1u << 0, IgnoreDelayedResponseFlag = 1u << 1, RoundUpFlag = 1u << 2, RoundAutoFlag = 1u << 3;
    /// <summary>CLOCK_CONFIG_SET attributes bit 0: clock enabled.</summary>
    public const uint EnableBit = 1u << 0;
    /// <summary>CLOCK_DESCRIBE_RATES num_rates_flags bit 12: rates are a (min, max, step) triplet.</summary>
    public const uint RangeFormatBit = 1u << 12;

    private readonly IReadOnlyList<ClockDescription> _clocks;
    private readonly ulong[] _rates;
    private readonly bool[] _enabled;

    /// <summary>Creates the protocol with every clock at its initial rate.</summary>
    public ClockProtocol(PlatformServices services, IReadOnlyList<ClockDescription> clocks) : base(services)
    {
        _clocks = clocks;
        _rates = clocks.Select(c => c.InitialRate ?? (c.Rates is not null ? c.Rates[0] : c.Range!.Minimum)).ToArray();
        _enabled = clocks.Select(c => c.Enabled).ToArray();
    }

    /// <inheritdoc/>
    public override ScmiProtocolId Id => ScmiProtocolId.Clock;

    /// <inheritdoc/>
    public override uint Version => ProtocolVersion;

    /// <summary>Current rate of a clock in Hz.</summary>
    public ulong RateOf(int clock) => _rates[clock];

    /// <summary>True when a clock runs.</summary>
    public bool IsEnabled(int clock) => _enabled[clock];

    /// <inheritdoc/>
    protected override void WriteProtocolAttributes(CommandContext context, ref ReplyWriter reply)
    {
        // DEN0056 §4.6.2.2: bits 23:16 maximum pending async rate changes, bits 15:0 number of clocks.
        reply.U32("attributes", MaximumPendingAsync << 16 | (uint)_clocks.Count, hex: true);
    }

    /// <inheritdoc/>
    protected override ScmiStatus HandleMessage(CommandContext context, ref ParameterReader parameters, ref ReplyWriter reply)
    {
        var message = MessageOf(context);
        switch (message)
        {
            case ClockMessage.ClockAttributes:
            {
                if (ReadIndex(ref parameters, 4, "clock_id", _clocks.Count, out int clock) is { } error) return error;
                var c = _clocks[clock];
                // DEN0056 §4.6.2.4: 31 rate changed notify, 30 rate change requested notify, 29 extended name, 0 enabled.
                uint attributes = _enabled[clock] ? 1u : 0;
                if (context.EventsAvailable) attributes |= 1u << 31 | 1u << 30;
                if (c.Name.Length >= ReplyWriter.ShortNameSize) attributes |= 1u << 29;
                reply.U32("attributes", attributes, hex: true);
                reply.Name("name", c.Name, ReplyWriter.ShortNameSize);
                reply.U32("clock_enable_latency", c.EnableLatencyMicroseconds);
                return ScmiStatus.Success;
            }
            case ClockMessage.ClockDescribeRates:
                return DescribeRates(ref parameters, ref reply);
            case ClockMessage.ClockRateSet:
                return RateSet(context, ref parameters);
            case ClockMessage.ClockRateGet:
            {
                if (ReadIndex(ref parameters, 4, "clock_id", _clocks.Count, out int clock) is { } error) return error;
                reply.U64("rate", _rates[clock]);
                return ScmiStatus.Success;
            }
            case ClockMessage.ClockConfigSet:
            {
                if (!parameters.IsExactly(8)) return ScmiStatus.ProtocolError;
                uint clockId = parameters.U32("clock_id");
                uint attributes = parameters.U32("attributes", hex: true);
                if (!TryClock(clockId, out int clock)) return ScmiStatus.NotFound;
                // DEN0056 §4.6.2.9: bits 31:1 are reserved and must be zero.
                if ((attributes & ~EnableBit) != 0) return ScmiStatus.InvalidParameters;
                if (_clocks[clock].Locked) return ScmiStatus.Denied;
                _enabled[clock] = (attributes & EnableBit) != 0;
                return ScmiStatus.Success;
            }
            case ClockMessage.ClockNameGet:
                return ExtendedNameGet(ref parameters, ref reply, "clock_id", _clocks, c => c.Name);
            case ClockMessage.ClockRateNotify:
            case ClockMessage.ClockRateChangeRequestedNotify:
            {
                if (ReadIndex(ref parameters, 8, "clock_id", _clocks.Count, out int clock) is { } error) return error;
                var notification = message == ClockMessage.ClockRateNotify ? ClockNotification.ClockRateChanged : ClockNotification.ClockRateChangeRequested;
                return ChangeSubscription(context, (byte)notification, (uint)clock, parameters.U32("notify_enable", hex: true));
            }
            default:
                return ScmiStatus.NotFound;
        }
    }

    private ScmiStatus DescribeRates(ref ParameterReader parameters, ref ReplyWriter reply)
    {
        if (!parameters.IsExactly(8)) return ScmiStatus.ProtocolError;
        uint clockId = parameters.U32("clock_id");
        uint index = parameters.U32("rate_index");
        if (!TryClock(clockId, out int clock)) return ScmiStatus.NotFound;
        var c = _clocks[clock];
        if (c.Range is { } range)
        {
            // DEN0056 §4.6.2.5: a linear range is returned whole, as one triplet (lowest, highest, step).
            reply.U32("num_rates_flags", 3 | RangeFormatBit, hex: true);
            reply.U64("lowest", range.Minimum);
            reply.U64("highest", range.Maximum);
            reply.U64("step", range.Step);
            return ScmiStatus.Success;
        }
        var list = c.Rates!;
        // DEN0056 §4.6.2.5: a rate_index beyond the last rate is OUT_OF_RANGE.
        if (index >= list.Count) return ScmiStatus.OutOfRange;
        int left = list.Count - (int)index;
        int returned = Math.Min(left, Math.Min(reply.EntriesThatFit(4, 8), 0xFFF));
        if (returned == 0) { reply.MarkTooSmall(); return ScmiStatus.Success; }
        // num_rates_flags: bits 11:0 returned, bit 12 clear (discrete), bits 31:16 remaining.
        reply.U32("num_rates_flags", (uint)returned | (uint)(left - returned) << 16, hex: true);
        for (int i = 0; i < returned; i++) reply.U64("rate", list[(int)index + i]);
        return ScmiStatus.Success;
    }

    private ScmiStatus RateSet(CommandContext context, ref ParameterReader parameters)
    {
        if (!parameters.IsExactly(16)) return ScmiStatus.ProtocolError;
        uint flags = parameters.U32("flags", hex: true);
        uint clockId = parameters.U32("clock_id");
        ulong requested = parameters.U64("rate");
        // DEN0056 §4.6.2.7 CLOCK_RATE_SET: flags bits 31:4 are reserved; round up and round auto are exclusive.
        if ((flags & ~(AsyncFlag | IgnoreDelayedResponseFlag | RoundUpFlag | RoundAutoFlag)) != 0) return ScmiStatus.InvalidParameters;
        if ((flags & (RoundUpFlag | RoundAutoFlag)) == (RoundUpFlag | RoundAutoFlag)) return ScmiStatus.InvalidParameters;
        if (!TryClock(clockId, out int clock)) return ScmiStatus.NotFound;
        if (_clocks[clock].Locked) return ScmiStatus.Denied;
        bool async = (flags & AsyncFlag) != 0;
        bool wantsDelayedResponse = async && (flags & IgnoreDelayedResponseFlag) == 0;
        // virtio 1.3 §5.17.6.1: without P2A_CHANNELS a request for a delayed response answers NOT_SUPPORTED.
        if (wantsDelayedResponse && !context.MayQueueDelayedResponse(out ScmiStatus refusal)) return refusal;
        // DEN0056 §4.6.2.7: a rate the clock cannot run at is INVALID_PARAMETERS.
        if (!TryResolveRate(_clocks[clock], requested, flags, out ulong rate)) return ScmiStatus.InvalidParameters;

        Notify(context, (byte)ClockNotification.ClockRateChangeRequested, (uint)clock, m => m
            .U32("agent_id", context.AgentId).U32("clock_id", (uint)clock).U64("rate", requested));
        bool changed = _rates[clock] != rate;
        _rates[clock] = rate;
        if (wantsDelayedResponse)
        {
            // DEN0056 §4.6.2.7: CLOCK_RATE_SET_COMPLETE follows the reply with the clock id and the rate set.
            context.SendAfterReply(context.DelayedResponse("CLOCK_RATE_SET_COMPLETE")
                .U32("clock_id", (uint)clock).U64("rate", rate).Build());
        }
        if (changed)
        {
            Notify(context, (byte)ClockNotification.ClockRateChanged, (uint)clock, m => m
                .U32("agent_id", context.AgentId).U32("clock_id", (uint)clock).U64("rate", rate));
        }
        return ScmiStatus.Success;
    }

    /// <summary>
    /// Picks the rate the clock will run at: exact when offered, otherwise rounded as the flags ask
    /// (bits 3:2: 0 round down, 1 round up, 2 round to the closest). Rates outside the clock's span are refused.
    /// </summary>
    public static bool TryResolveRate(ClockDescription clock, ulong requested, uint flags, out ulong rate)
    {
        ulong lowest = clock.Rates?[0] ?? clock.Range!.Minimum;
        ulong highest = clock.Rates?[^1] ?? clock.Range!.Maximum;
        rate = 0;
        if (requested < lowest || requested > highest) return false;
        ulong below, above;
        if (clock.Rates is { } list)
        {
            below = list.Last(r => r <= requested);
            above = list.First(r => r >= requested);
        }
        else
        {
            var range = clock.Range!;
            below = range.Minimum + (requested - range.Minimum) / range.Step * range.Step;
            above = below == requested ? below : below + range.Step;
            if (above > range.Maximum) above = below; // the last step does not reach max: nothing above
        }
        if ((flags & RoundAutoFlag) != 0) rate = requested - below <= above - requested ? below : above;
        else if ((flags & RoundUpFlag) != 0) rate = above;
        else rate = below;
        return true;
    }

    /// <inheritdoc/>
    public override IEnumerable<PlatformMessage> CurrentStateNotifications()
    {
        for (int clock = 0; clock < _clocks.Count; clock++)
        {
            if (Subscriptions.IsEnabled((byte)ClockNotification.ClockRateChanged, (uint)clock))
            {
                yield return NotificationBuilder((byte)ClockNotification.ClockRateChanged)
                    .U32("agent_id", PlatformServices.PlatformAgentId).U32("clock_id", (uint)clock).U64("rate", _rates[clock]).Build();
            }
        }
    }

    private bool TryClock(uint id, out int clock) => TryIndex(id, _clocks.Count, out clock);
}
