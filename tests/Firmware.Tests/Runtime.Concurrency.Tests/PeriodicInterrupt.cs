// A fast periodic interrupt for race probes: the virtual timer, re-armed from its own handler.
using System.Threading;
using Nano.Runtime.Native;

namespace Runtime.Concurrency.Tests;

/// <summary>
/// Calls an action in IRQ context every <see cref="PeriodTicks"/> counter ticks between <see cref="Start"/> and
/// <see cref="Stop"/>, and counts the calls. The thread races the action for as long as it runs.
/// </summary>
internal static unsafe class PeriodicInterrupt
{
    // 2 µs at 62.5 MHz: short enough for hundreds of interrupts in a few milliseconds, long enough that the
    // thread still gets instructions in between (a deadline in the past would fire again at once, for ever).
    public const ulong PeriodTicks = 125;

    /// <summary>Fewer calls than this and a probe proved nothing: the handler must really have raced the thread.</summary>
    public const int MinimumCalls = 1000;

    // A probe that has not seen MinimumCalls by then has a dead interrupt source: fail, do not hang.
    private const ulong TimeLimitMicroseconds = 5_000_000;

    private static nint s_action;     // delegate*<void>
    private static ulong s_endTicks;
    private static int s_running;
    private static int s_calls;

    /// <summary>Calls made so far (written in IRQ context).</summary>
    public static int Calls => Volatile.Read(ref s_calls);

    /// <summary>
    /// True while a probe that has done <paramref name="rounds"/> of its <paramref name="minimumRounds"/> should go
    /// on: the host's timer may lag under load, so a probe runs until the handler has raced it often enough
    /// (or the time limit passed), not for a fixed time.
    /// </summary>
    public static bool KeepRacing(int rounds, int minimumRounds)
        => rounds < minimumRounds || (Calls < MinimumCalls && Clock.Ticks < s_endTicks);

    public static void Start(delegate*<void> action)
    {
        Volatile.Write(ref s_action, (nint)action);
        Volatile.Write(ref s_calls, 0);
        Volatile.Write(ref s_running, 1);
        s_endTicks = Clock.Ticks + Clock.MicrosecondsToTicks(TimeLimitMicroseconds);
        Clock.SetDeadline(Clock.Ticks + PeriodTicks, &OnTick);
    }

    /// <summary>Stops re-arming and cancels the pending deadline; returns the number of calls.</summary>
    public static int Stop()
    {
        Volatile.Write(ref s_running, 0);
        Clock.CancelDeadline();
        return Calls;
    }

    private static void OnTick()
    {
        ((delegate*<void>)Volatile.Read(ref s_action))();
        Volatile.Write(ref s_calls, s_calls + 1);
        // A varying period (PeriodTicks..+63) so the interrupts do not fall into step with the thread's loop.
        if (Volatile.Read(ref s_running) != 0)
            Clock.SetDeadline(Clock.Ticks + PeriodTicks + (ulong)(s_calls * 37 & 63), &OnTick);
    }
}
