// CPU time consumed by this thread or this process: the rate a loaded machine's descheduling does not distort.
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace ScmiPlatform.Bench;

/// <summary>clock_gettime(2) CPU-time clocks, in seconds.</summary>
public static partial class CpuClock
{
    private const int ThreadCpuTimeClock = 3; // CLOCK_THREAD_CPUTIME_ID

    /// <summary>CPU seconds the calling thread has run.</summary>
    public static double ThreadSeconds()
    {
        if (ClockGetTime(ThreadCpuTimeClock, out TimeSpec time) != 0)
            throw new InvalidOperationException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed");
        return time.Seconds + time.Nanoseconds * 1e-9;
    }

    /// <summary>CPU seconds every thread of this process has run (the server thread, the frontend, the runtime's own).</summary>
    public static double ProcessSeconds() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);
}
