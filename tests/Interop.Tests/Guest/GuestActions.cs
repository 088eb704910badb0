// What the guest changes through ordinary Linux consumers before the raw probes run: one clock's rate
// and enable count through the clk debugfs files, one CPU frequency through cpufreq's userspace governor.
using ScmiPlatform.Description;

namespace Interop.Tests.Guest;

/// <summary>Clock <paramref name="ClockId"/> is enabled and set to <paramref name="Rate"/> Hz through /sys/kernel/debug/clk.</summary>
public sealed record ClockChange(int ClockId, string ClockName, ulong Rate)
{
    public string RatePath => $"/sys/kernel/debug/clk/{ClockName}/clk_rate";
    public string EnablePath => $"/sys/kernel/debug/clk/{ClockName}/clk_prepare_enable";
}

/// <summary>Performance domain 0 (cpu0's) is set to <paramref name="Level"/> through scaling_setspeed.</summary>
public sealed record PerformanceChange(uint Level, ulong FrequencyKhz)
{
    public const string Policy = "/sys/devices/system/cpu/cpufreq/policy0";
    public const string SetSpeedPath = Policy + "/scaling_setspeed";
    /// <summary>Read through the driver's get(), i.e. PERFORMANCE_LEVEL_GET.</summary>
    public const string HardwareFrequencyPath = Policy + "/cpuinfo_cur_freq";
}

/// <summary>The changes for one description, chosen so each differs from the platform's reset state.</summary>
public sealed record GuestActions(ClockChange? Clock, PerformanceChange? Performance)
{
    /// <summary>Written in guest/init's /nf/writes syntax: "PATH VALUE", or "PATH ?" to read only.</summary>
    public const string ReadOnly = "?";

    public static GuestActions For(PlatformDescription d) => new(ChooseClock(d), ChoosePerformance(d));

    /// <summary>Queues the writes (and the read-backs that prove the platform saw them).</summary>
    public void AddTo(GuestRequests requests)
    {
        if (Clock is { } clock)
        {
            requests.AddWrite(clock.EnablePath, "1");
            requests.AddWrite(clock.RatePath, clock.Rate.ToString());
        }
        if (Performance is { } performance)
        {
            requests.AddWrite(PerformanceChange.SetSpeedPath, performance.FrequencyKhz.ToString());
            requests.AddWrite(PerformanceChange.HardwareFrequencyPath, ReadOnly);
        }
    }

    /// <summary>Linux's frequency for a level: level × (sustained kHz × 1000 / sustained level), or × 1000 without them (drivers/firmware/arm_scmi/perf.c).</summary>
    public static ulong FrequencyKhz(PerformanceDomainDescription domain, uint level)
    {
        ulong multiplier = domain.SustainedFrequencyKhz == 0 || domain.SustainedLevel == 0
            ? 1000
            : (ulong)domain.SustainedFrequencyKhz * 1000 / domain.SustainedLevel;
        return level * multiplier / 1000;
    }

    /// <summary>The rate a clock has after reset: the description's initial rate, else its lowest.</summary>
    public static ulong InitialRate(ClockDescription clock) => clock.InitialRate ?? clock.Rates?[0] ?? clock.Range!.Minimum;

    private static ClockChange? ChooseClock(PlatformDescription d)
    {
        for (int id = 0; id < d.Clocks.Count; id++)
        {
            ClockDescription clock = d.Clocks[id];
            if (clock.Locked || clock.Name.Length > 63)
                continue;
            ulong initial = InitialRate(clock);
            ulong? other = clock.Rates is { Count: >= 2 } rates ? rates.First(r => r != initial)
                : clock.Range is { } range && range.Maximum > range.Minimum ? (initial == range.Maximum ? range.Minimum : range.Maximum)
                : null;
            if (other is { } rate)
                return new ClockChange(id, clock.Name, rate);
        }
        return null;
    }

    private static PerformanceChange? ChoosePerformance(PlatformDescription d)
    {
        if (d.PerformanceDomains.Count == 0 || d.PerformanceDomains[0] is not { SetLevelAllowed: true, Levels.Count: >= 2 } domain)
            return null;
        uint initial = domain.InitialLevel ?? domain.Levels[^1].Level;
        uint level = domain.Levels.Select(l => l.Level).First(l => l != initial);
        return new PerformanceChange(level, FrequencyKhz(domain, level));
    }
}
