// The wall-clock scheduler the daemon uses: one-shot timers.
using System.Diagnostics;

namespace ScmiPlatform.Protocols;

/// <summary>Wall-clock scheduler backed by one-shot timers.</summary>
public sealed class TimerScheduler : IPlatformScheduler
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    // Timers are kept referenced until they fire, or the GC could collect a pending one.
    private readonly HashSet<Timer> _pending = new();

    /// <inheritdoc/>
    public TimeSpan Now => _clock.Elapsed;

    private readonly Action<Exception> _onFailure;

    /// <summary>
    /// <paramref name="onFailure"/> is told about an exception escaping deferred work: a timer thread must not
    /// end the process because one delayed completion failed, so the failure is reported where the owner says
    /// (the daemon's log, a test's list) and the platform goes on.
    /// </summary>
    public TimerScheduler(Action<Exception> onFailure) => _onFailure = onFailure;

    /// <inheritdoc/>
    public void Schedule(TimeSpan delay, Action action)
    {
        if (delay <= TimeSpan.Zero)
        {
            ThreadPool.QueueUserWorkItem(_ => Run(action));
            return;
        }
        Timer? timer = null;
        timer = new Timer(_ =>
        {
            lock (_pending) _pending.Remove(timer!);
            timer!.Dispose();
            Run(action);
        });
        lock (_pending) _pending.Add(timer);
        timer.Change(delay, Timeout.InfiniteTimeSpan);
    }

    private void Run(Action action)
    {
        try
        {
            action();
        }
        catch (Exception e)
        {
            _onFailure(e);
        }
    }
}
