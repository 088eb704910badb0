// Service-time samples and the numbers the benchmark reports from them.
using System.Diagnostics;

namespace ScmiPlatform.Bench;

/// <summary>Collects per-request times (Stopwatch ticks) and reports rate and percentiles.</summary>
public sealed class LatencyStats(int capacity)
{
    private readonly long[] _samples = new long[capacity];
    private int _count;

    /// <summary>Bytes allocated while the samples were taken (the measuring thread, or the process when set so).</summary>
    public long AllocatedBytes { get; set; }

    /// <summary>CPU seconds spent while the samples were taken (the measuring thread, or the process when set so).</summary>
    public double CpuSeconds { get; set; }

    public void Add(long ticks) => _samples[_count++] = ticks;

    public double Percentile(double p)
    {
        long[] sorted = _samples[.._count];
        Array.Sort(sorted);
        int index = Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1);
        return sorted[index] * 1e6 / Stopwatch.Frequency;
    }

    /// <summary>
    /// One report line: requests, wall-clock rate, p50/p90/p99/max in microseconds, bytes allocated per request, and the
    /// rate per CPU second (requests / CPU time: what the path costs, whatever share of the CPUs the run got).
    /// </summary>
    public string Report(string name, TimeSpan elapsed, int requests) =>
        $"{name,-46} {requests,9} req {requests / elapsed.TotalSeconds,12:N0} req/s   p50 {Percentile(50),8:F2} us   p90 {Percentile(90),8:F2} us" +
        $"   p99 {Percentile(99),8:F2} us   max {Percentile(100),9:F1} us   alloc {(double)AllocatedBytes / requests,8:F1} B/req" +
        $"   cpu {requests / Math.Max(CpuSeconds, 1e-9),12:N0} req/s";
}
