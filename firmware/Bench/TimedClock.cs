// The timeout clock the agent reads while it waits; its reads and spins are booked as waiting.
using Scmi;

namespace Bench;

internal sealed class TimedClock : ScmiClock
{
    private readonly ScmiClock _inner;

    public TimedClock(ScmiClock inner) => _inner = inner;

    public override ulong Microseconds
    {
        get
        {
            ulong start = PathCounters.Stamp(out ulong handler);
            ulong now = _inner.Microseconds;
            PathCounters.Wait(start, handler);
            return now;
        }
    }

    public override void Spin()
    {
        ulong start = PathCounters.Stamp(out ulong handler);
        _inner.Spin();
        PathCounters.Wait(start, handler);
    }
}
