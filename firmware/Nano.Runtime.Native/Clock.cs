// Time from the Arm generic timer: the virtual counter, and one-shot deadlines on the virtual timer.
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;
using Nano.Runtime;

namespace Nano.Runtime.Native;

/// <summary>
/// Monotonic time (CNTVCT_EL0 at CNTFRQ_EL0 Hz) and one deadline at a time per CPU on the EL1 virtual timer
/// (each CPU has its own timer and its own PPI 27; a deadline set on a CPU fires on that CPU).
/// The deadline handler runs in IRQ context (interrupts masked, must not block).
/// </summary>
// Safety: the only unsafe construct is the managed function pointer of the deadline handler; it is
// checked for null when set and read with interrupts masked, so it is never half-updated. It is kept as
// an nint so the thread (DeadlinePending) and IRQ context (OnTimerInterrupt) can share it through Volatile.
// Each CPU touches only its own slot (indexed by Cpu.Id, always below MaxCount).
public static unsafe class Clock
{
    private const ulong TimerEnable = 1;        // CNTV_CTL_EL0.ENABLE
    private const ulong TimerMask = 2;          // CNTV_CTL_EL0.IMASK

    [InlineArray(Cpu.MaxCount)]
    private struct DeadlineHandlers
    {
        private nint _handler;                  // delegate*<void>; 0 = no deadline pending on that CPU
    }

    private static DeadlineHandlers s_deadlineHandlers;
    private static ulong s_frequency;

    [MethodImpl(MethodImplOptions.NoInlining)]   // see CpuWork.Mailbox: a hoisted inlined static address lost its relocation
    private static ref nint DeadlineHandler() => ref Unsafe.Add(ref Unsafe.As<DeadlineHandlers, nint>(ref s_deadlineHandlers), Cpu.Id);

    /// <summary>The counter now (monotonic, never wraps in practice).</summary>
    public static ulong Ticks => NativeCounter();

    /// <summary>Counter ticks per second.</summary>
    public static ulong Frequency => s_frequency != 0 ? s_frequency : (s_frequency = NativeFrequency());

    /// <summary>Microseconds since the counter started (boot).</summary>
    public static ulong Microseconds => TicksToMicroseconds(Ticks);

    /// <summary>Converts a tick count to microseconds (no overflow for any 64-bit count).</summary>
    public static ulong TicksToMicroseconds(ulong ticks)
    {
        ulong frequency = Frequency;
        return ticks / frequency * 1_000_000 + ticks % frequency * 1_000_000 / frequency;
    }

    /// <summary>Converts microseconds to ticks (saturates instead of overflowing).</summary>
    public static ulong MicrosecondsToTicks(ulong microseconds)
    {
        ulong frequency = Frequency;
        ulong whole = microseconds / 1_000_000, rest = microseconds % 1_000_000;
        if (whole != 0 && frequency > ulong.MaxValue / whole)
            return ulong.MaxValue;
        return whole * frequency + rest * frequency / 1_000_000;
    }

    /// <summary>Busy-waits for <paramref name="microseconds"/>.</summary>
    public static void Delay(ulong microseconds)
    {
        ulong end = Ticks + MicrosecondsToTicks(microseconds);
        while (Ticks < end) { }
    }

    /// <summary>Calls <paramref name="handler"/> once when the counter reaches <paramref name="deadlineTicks"/>
    /// (at once if it already has). Replaces any pending deadline.</summary>
    public static void SetDeadline(ulong deadlineTicks, delegate*<void> handler)
    {
        if (handler is null)
            Panic.Fail("Clock.SetDeadline: null handler (use CancelDeadline)");
        ulong state = Cpu.SaveAndDisable();
        Volatile.Write(ref DeadlineHandler(), (nint)handler);
        NativeSetCompare(deadlineTicks);
        NativeSetControl(TimerEnable);
        Cpu.Restore(state);
    }

    /// <summary>Calls <paramref name="handler"/> once, <paramref name="microseconds"/> from now.</summary>
    public static void SetTimeout(ulong microseconds, delegate*<void> handler)
        => SetDeadline(Ticks + MicrosecondsToTicks(microseconds), handler);

    /// <summary>Cancels the pending deadline, if any.</summary>
    public static void CancelDeadline()
    {
        ulong state = Cpu.SaveAndDisable();
        NativeSetControl(TimerMask);
        Volatile.Write(ref DeadlineHandler(), 0);
        Cpu.Restore(state);
    }

    /// <summary>True while a deadline is set and has not fired. A volatile read: the timer's handler clears it
    /// in IRQ context, and a plain load would be hoisted out of a poll loop.</summary>
    public static bool DeadlinePending => Volatile.Read(ref DeadlineHandler()) != 0;

    /// <summary>Board bring-up on CPU 0: timer off, its interrupt routed here.</summary>
    internal static void Initialize()
    {
        NativeSetControl(TimerMask);
        Interrupts.Register(BoardMap.VirtualTimerIntid, &OnTimerInterrupt);
        Interrupts.Enable(BoardMap.VirtualTimerIntid);
    }

    /// <summary>A secondary CPU's bring-up: its own timer off, its own PPI enabled (the handler is shared).</summary>
    internal static void InitializeCpu()
    {
        NativeSetControl(TimerMask);
        Interrupts.Enable(BoardMap.VirtualTimerIntid);
    }

    // The timer's condition stays true after the deadline (level-sensitive): disable it before the
    // end of interrupt, or it fires again at once.
    private static void OnTimerInterrupt(uint intid)
    {
        NativeSetControl(TimerMask);
        var handler = (delegate*<void>)Volatile.Read(ref DeadlineHandler());
        Volatile.Write(ref DeadlineHandler(), 0);
        if (handler is not null)
            handler();
    }

    // ---- Native shim -----------------------------------------------------------------------

    [DllImport("*", EntryPoint = "nano_timer_counter"), SuppressGCTransition]
    private static extern ulong NativeCounter();

    [DllImport("*", EntryPoint = "nano_timer_frequency"), SuppressGCTransition]
    private static extern ulong NativeFrequency();

    [DllImport("*", EntryPoint = "nano_timer_set_compare"), SuppressGCTransition]
    private static extern void NativeSetCompare(ulong compare);

    [DllImport("*", EntryPoint = "nano_timer_set_control"), SuppressGCTransition]
    private static extern void NativeSetControl(ulong control);
}
