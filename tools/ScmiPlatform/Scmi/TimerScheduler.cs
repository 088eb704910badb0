// The wall-clock scheduler the daemon uses: one-shot timers.
using System.Diagnostics;

namespace ScmiPlatform.Scmi;

/// <summary>Wall-clock scheduler backed by one-shot timers.</summary>
public sealed class TimerScheduler : IPlatformScheduler
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    // Timers are kept referenced until they fire, or the GC could collect a pending one.
    private readonly HashSet<Timer> pending = new();

    /// <inheritdoc/>
    public TimeSpan Now => clock.Elapsed;

    /// <inheritdoc/>
    public void Schedule(TimeSpan delay, Action action)
    {
        if (delay <= TimeSpan.Zero)
        {
            ThreadPool.QueueUserWorkItem(_ => action());
            return;
        }
        Timer? timer = null;
        timer = new Timer(_ =>
        {
            lock (pending) pending.Remove(timer!);
            timer!.Dispose();
            action();
        });
        lock (pending) pending.Add(timer);
        timer.Change(delay, Timeout.InfiniteTimeSpan);
    }
}
