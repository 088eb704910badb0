// The executing core: interrupt masking and waiting.
using System.Runtime.InteropServices;

namespace Nano.Runtime.Native;

/// <summary>Interrupt masking (PSTATE.DAIF) and low-power waiting on the current core.</summary>
public static class Cpu
{
    private const ulong IrqMask = 1 << 7;   // DAIF.I

    /// <summary>Sleeps until an interrupt is pending (returns even when interrupts are masked).</summary>
    public static void WaitForInterrupt() => NativeWaitForInterrupt();

    /// <summary>Masks IRQ and FIQ.</summary>
    public static void DisableInterrupts() => NativeDisableInterrupts();

    /// <summary>Unmasks IRQ and FIQ.</summary>
    public static void EnableInterrupts() => NativeEnableInterrupts();

    /// <summary>Masks IRQ and FIQ and returns the previous DAIF state for <see cref="Restore"/>.</summary>
    public static ulong SaveAndDisable() => NativeSaveAndDisable();

    /// <summary>Restores the DAIF state returned by <see cref="SaveAndDisable"/>.</summary>
    public static void Restore(ulong state)
    {
        // Only the four mask bits (D, A, I, F = bits 9..6) are meaningful.
        NativeWriteDaif(state & 0x3C0);
    }

    /// <summary>True when IRQs are unmasked.</summary>
    public static bool InterruptsEnabled => (NativeReadDaif() & IrqMask) == 0;

    /// <summary>The current exception level (1 for this firmware).</summary>
    public static uint ExceptionLevel => (uint)NativeCurrentExceptionLevel();

    /// <summary>True inside an exception handler (an interrupt handler, or a fault being reported), false in
    /// thread code. For code with a calling rule ("not from an interrupt handler") to check it.</summary>
    public static bool InExceptionHandler => NativeInExceptionHandler();

    /// <summary>The current stack pointer (diagnostics).</summary>
    public static ulong StackPointer => NativeStackPointer();

    // ---- Native shim -----------------------------------------------------------------------

    [DllImport("*", EntryPoint = "nano_cpu_wait_for_interrupt"), SuppressGCTransition]
    private static extern void NativeWaitForInterrupt();

    [DllImport("*", EntryPoint = "nano_cpu_disable_interrupts"), SuppressGCTransition]
    private static extern void NativeDisableInterrupts();

    [DllImport("*", EntryPoint = "nano_cpu_enable_interrupts"), SuppressGCTransition]
    private static extern void NativeEnableInterrupts();

    [DllImport("*", EntryPoint = "nano_cpu_save_and_disable"), SuppressGCTransition]
    private static extern ulong NativeSaveAndDisable();

    [DllImport("*", EntryPoint = "nano_cpu_write_daif"), SuppressGCTransition]
    private static extern void NativeWriteDaif(ulong daif);

    [DllImport("*", EntryPoint = "nano_cpu_read_daif"), SuppressGCTransition]
    private static extern ulong NativeReadDaif();

    [DllImport("*", EntryPoint = "nano_cpu_current_el"), SuppressGCTransition]
    private static extern ulong NativeCurrentExceptionLevel();

    [DllImport("*", EntryPoint = "nano_cpu_in_exception_handler"), SuppressGCTransition]
    private static extern bool NativeInExceptionHandler();

    [DllImport("*", EntryPoint = "nano_cpu_stack_pointer"), SuppressGCTransition]
    private static extern ulong NativeStackPointer();
}
