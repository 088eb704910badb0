// Time as the platform model sees it: a clock for timestamps and deferred work for delays and faults.
using System.Diagnostics;

namespace ScmiPlatform.Scmi;

/// <summary>Clock and timer used by the model; tests substitute a manual one so delays are deterministic.</summary>
public interface IPlatformScheduler
{
    /// <summary>Time since the platform started.</summary>
    TimeSpan Now { get; }

    /// <summary>Runs <paramref name="action"/> once after <paramref name="delay"/>, on some thread.</summary>
    void Schedule(TimeSpan delay, Action action);
}

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
