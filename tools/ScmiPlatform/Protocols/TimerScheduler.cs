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

    /// <summary>
    /// Told about an exception escaping deferred work. A timer thread must not end the process because one
    /// delayed completion failed, so the failure is reported (stderr by default) and the platform goes on.
    /// </summary>
    public Action<Exception> OnFailure { get; init; } = e => Console.Error.WriteLine($"scmi-platform: deferred work failed: {e}");

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
            lock (pending) pending.Remove(timer!);
            timer!.Dispose();
            Run(action);
        });
        lock (pending) pending.Add(timer);
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
            OnFailure(e);
        }
    }
}
