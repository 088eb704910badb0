// A scheduler whose time only moves when a test says so: fault delays and async work become deterministic.
using ScmiPlatform.Scmi;
using ScmiPlatform.Protocols;

namespace Platform.Tests.Protocols.Support;

/// <summary>Runs scheduled actions in due-time order (ties in scheduling order) when <see cref="Advance"/> passes them.</summary>
public sealed class ManualScheduler : IPlatformScheduler
{
    private readonly List<(TimeSpan Due, long Order, Action Action)> _pending = new();
    private long _order;

    public TimeSpan Now { get; private set; }

    public int PendingCount { get { lock (_pending) return _pending.Count; } }

    public void Schedule(TimeSpan delay, Action action)
    {
        lock (_pending) _pending.Add((Now + (delay < TimeSpan.Zero ? TimeSpan.Zero : delay), _order++, action));
    }

    /// <summary>Moves time forward by <paramref name="by"/>, running every action that falls due on the way.</summary>
    public void Advance(TimeSpan by)
    {
        var end = Now + by;
        while (true)
        {
            (TimeSpan Due, long Order, Action Action) next;
            lock (_pending)
            {
                var due = _pending.Where(p => p.Due <= end).OrderBy(p => p.Due).ThenBy(p => p.Order).ToList();
                if (due.Count == 0) break;
                next = due[0];
                _pending.Remove(next);
            }
            Now = next.Due;
            next.Action();
        }
        Now = end;
    }

    public void Advance(double milliseconds) => Advance(TimeSpan.FromMilliseconds(milliseconds));
}
