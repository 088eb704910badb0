// The wall-clock scheduler behind delay faults: runs work after its delay and survives work that throws.
using ScmiPlatform.Scmi;
using Xunit;
using ScmiPlatform.Protocols;

namespace Platform.Tests.Faults;

public sealed class TimerSchedulerTests
{
    [Fact]
    public void Work_runs_after_its_delay_and_a_throwing_action_is_reported_not_fatal()
    {
        var failures = new List<Exception>();
        using var finished = new CountdownEvent(2);
        var scheduler = new TimerScheduler(e => { lock (failures) failures.Add(e); finished.Signal(); });
        var started = scheduler.Now;
        TimeSpan ranAt = TimeSpan.Zero;
        scheduler.Schedule(TimeSpan.FromMilliseconds(1), () => throw new InvalidOperationException("late completion failed"));
        scheduler.Schedule(TimeSpan.FromMilliseconds(30), () => { ranAt = scheduler.Now; finished.Signal(); });
        Assert.True(finished.Wait(TimeSpan.FromSeconds(10)), "scheduled work never ran");
        Assert.True(ranAt - started >= TimeSpan.FromMilliseconds(29), $"ran after {(ranAt - started).TotalMilliseconds} ms");
        lock (failures) Assert.Equal("late completion failed", Assert.Single(failures).Message);
    }
}
