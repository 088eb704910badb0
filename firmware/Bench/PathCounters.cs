// Where the measured ticks of one agent round trip go: send, completion, waiting, and the interrupt handler.
using Nano.Runtime.Native;

namespace Bench;

/// <summary>
/// Accumulated by <see cref="TimedTransport"/>, <see cref="TimedClock"/> and <see cref="TimedInterrupt"/>. Each
/// measured interval has the interrupt handler's ticks that landed inside it taken out, so an interrupt is
/// counted once, as completion. <see cref="Measurements"/> counts the intervals, whose own cost (two counter
/// reads and the bookkeeping) is calibrated and subtracted (<see cref="PathLength"/>).
/// </summary>
internal static class PathCounters
{
    public static ulong SendTicks;
    public static ulong SendReadings;
    public static ulong CompletionTicks;
    public static ulong CompletionReadings;
    public static ulong WaitTicks;
    public static ulong WaitReadings;
    public static ulong HandlerTicks;
    public static ulong HandlerRuns;
    // The wait loop's own instructions between two waiting readings (its branch and deadline compare): waiting too,
    // or each turn the platform takes to answer would grow the agent core.
    public static ulong WaitGapTicks;
    public static ulong WaitGaps;
    private static bool s_lastWasWait;
    private static ulong s_lastWaitEnd;
    private static ulong s_lastWaitHandler;

    public static void Clear()
    {
        SendTicks = 0;
        SendReadings = 0;
        CompletionTicks = 0;
        CompletionReadings = 0;
        WaitTicks = 0;
        WaitReadings = 0;
        HandlerTicks = 0;
        HandlerRuns = 0;
        WaitGapTicks = 0;
        WaitGaps = 0;
        s_lastWasWait = false;
    }

    /// <summary>
    /// The counter and the handler's total read together: retried when an interrupt lands between the two
    /// reads, so the handler's ticks are taken out of exactly the intervals it ran in.
    /// </summary>
    public static ulong Stamp(out ulong handler)
    {
        ulong now;
        do
        {
            handler = System.Threading.Volatile.Read(ref HandlerTicks);
            now = Clock.Ticks;
        }
        while (System.Threading.Volatile.Read(ref HandlerTicks) != handler);
        return now;
    }

    /// <summary>Ticks since <paramref name="start"/>, less the handler's ticks since <paramref name="handlerAtStart"/>.</summary>
    public static ulong Since(ulong start, ulong handlerAtStart)
    {
        ulong end = Stamp(out ulong handlerAtEnd);
        return end - start - (handlerAtEnd - handlerAtStart);
    }

    public static void Send(ulong start, ulong handler)
    {
        SendTicks += Since(start, handler);
        SendReadings++;
        s_lastWasWait = false;
    }

    public static void Completion(ulong start, ulong handler)
    {
        CompletionTicks += Since(start, handler);
        CompletionReadings++;
        s_lastWasWait = false;
    }

    public static void Wait(ulong start, ulong handler)
    {
        if (s_lastWasWait)
        {
            WaitGapTicks += start - s_lastWaitEnd - (handler - s_lastWaitHandler);
            WaitGaps++;
        }
        ulong end = Stamp(out ulong handlerAtEnd);
        WaitTicks += end - start - (handlerAtEnd - handler);
        WaitReadings++;
        s_lastWasWait = true;
        s_lastWaitEnd = end;
        s_lastWaitHandler = handlerAtEnd;
    }

    /// <summary>Readings taken inside one measured round (each costs the round a calibrated amount).</summary>
    public static ulong Readings => SendReadings + CompletionReadings + WaitReadings;
}
