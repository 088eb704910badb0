// Time as the platform model sees it: a clock for timestamps and deferred work for delays and faults.
namespace ScmiPlatform.Protocols;

/// <summary>Clock and timer used by the model; tests substitute a manual one so delays are deterministic.</summary>
public interface IPlatformScheduler
{
    /// <summary>Time since the platform started.</summary>
    TimeSpan Now { get; }

    /// <summary>Runs <paramref name="action"/> once after <paramref name="delay"/>, on some thread.</summary>
    void Schedule(TimeSpan delay, Action action);
}
