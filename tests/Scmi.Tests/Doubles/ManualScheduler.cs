// Platform time that moves only when the test (or the simulated clock) says so: fault delays become deterministic.
using ScmiPlatform.Protocols;

namespace Scmi.Tests.Doubles;

/// <summary>Runs scheduled platform actions in due-time order (ties in scheduling order) as time passes.</summary>
public sealed class ManualScheduler : IPlatformScheduler
{
    private readonly List<(TimeSpan Due, long Order, Action Action)> _pending = new();
    private long _order;

    public TimeSpan Now { get; private set; }

    public int PendingCount => _pending.Count;

    public void Schedule(TimeSpan delay, Action action) =>
        _pending.Add((Now + (delay < TimeSpan.Zero ? TimeSpan.Zero : delay), _order++, action));

    /// <summary>Moves time forward by <paramref name="by"/>, running every action falling due on the way.</summary>
    public void Advance(TimeSpan by)
    {
        TimeSpan end = Now + by;
        while (true)
        {
            int best = -1;
            for (int i = 0; i < _pending.Count; i++)
            {
                if (_pending[i].Due <= end && (best < 0 || _pending[i].Due < _pending[best].Due
                    || (_pending[i].Due == _pending[best].Due && _pending[i].Order < _pending[best].Order)))
                {
                    best = i;
                }
            }
            if (best < 0)
                break;
            var next = _pending[best];
            _pending.RemoveAt(best);
            Now = next.Due;
            next.Action();
        }
        Now = end;
    }
}
