// The transport's counters at one moment, and the difference between two moments.
using Scmi.Virtio;

namespace Scmi.Smp.Tests;

/// <summary>A copy of the <see cref="ScmiVirtioCounters"/> the soak checks and prints (read with no traffic running).</summary>
internal struct TransportFigures
{
    public ulong Sent;
    public ulong Replied;
    public ulong Polled;
    public ulong Deferred;
    public ulong TimedOut;
    public ulong Late;
    public ulong Unexpected;
    public ulong Malformed;
    public ulong Busy;
    public ulong RingResets;
    public ulong Interrupts;
    public ulong HandedOver;

    public static TransportFigures Of(ScmiVirtioCounters counters) => new TransportFigures
    {
        Sent = counters.Sent,
        Replied = counters.Replied,
        Polled = counters.Polled,
        Deferred = counters.Deferred,
        TimedOut = counters.TimedOut,
        Late = counters.Late,
        Unexpected = counters.Unexpected,
        Malformed = counters.Malformed,
        Busy = counters.Busy,
        RingResets = counters.RingResets,
        Interrupts = counters.Interrupts,
        HandedOver = counters.HandedOver,
    };

    public readonly TransportFigures Since(TransportFigures before) => new TransportFigures
    {
        Sent = Sent - before.Sent,
        Replied = Replied - before.Replied,
        Polled = Polled - before.Polled,
        Deferred = Deferred - before.Deferred,
        TimedOut = TimedOut - before.TimedOut,
        Late = Late - before.Late,
        Unexpected = Unexpected - before.Unexpected,
        Malformed = Malformed - before.Malformed,
        Busy = Busy - before.Busy,
        RingResets = RingResets - before.RingResets,
        Interrupts = Interrupts - before.Interrupts,
        HandedOver = HandedOver - before.HandedOver,
    };
}
