// The CPUs: which one is running, how many are online, work started on another; masking and waiting.
using System.Runtime.InteropServices;
using System.Threading;
using Nano.Runtime;

namespace Nano.Runtime.Native;

/// <summary>
/// The CPUs (QEMU -smp 1..<see cref="MaxCount"/>): the running one's <see cref="Id"/>, how many are online, work
/// started on an idle secondary with <see cref="Start"/>; interrupt masking (PSTATE.DAIF) and low-power waiting
/// on the current core. CPU 0 runs the program; bring-up starts every other CPU the device tree lists, and each
/// waits for work.
/// </summary>
// Safety: the online count lives in the shim (the corelib's panic reads it too) and is reached through the
// pointer the shim returns; it is only read with Volatile and changed with Interlocked.
public static unsafe class Cpu
{
    private const ulong IrqMask = 1 << 7;   // DAIF.I

    /// <summary>CPUs the image has stacks and per-CPU state for (board-map.h MaxCpus).</summary>
    public const int MaxCount = (int)BoardMap.MaxCpus;

    /// <summary>The running CPU's index, 0..<see cref="Count"/>-1 (0 is the boot CPU). For per-CPU data.</summary>
    public static int Id => (int)NativeIndex();

    /// <summary>CPUs online: the boot CPU and every secondary that finished its bring-up.</summary>
    public static int Count => Volatile.Read(ref *NativeOnlineWord());

    /// <summary>
    /// Runs <paramref name="work"/> on secondary CPU <paramref name="cpu"/> (1..Count-1), which must be idle; returns
    /// false (and starts nothing) when it is not online or still busy. The work runs in thread mode on that CPU's
    /// own stacks with interrupts enabled; a panic in it stops every CPU (there is no Recovery.Run around it).
    /// </summary>
    public static bool Start(int cpu, delegate*<void> work) => CpuWork.Post(cpu, work);

    /// <summary>Times idle CPU <paramref name="cpu"/> woke and found no work (it sleeps in WFI: this stays small while it idles).</summary>
    public static long IdleWakeups(int cpu) => CpuWork.IdleWakeups(cpu);

    /// <summary>True while <paramref name="cpu"/> runs work given by <see cref="Start"/>.</summary>
    public static bool IsBusy(int cpu) => CpuWork.IsBusy(cpu);

    /// <summary>Waits (WFE) until <paramref name="cpu"/> has finished the work given by <see cref="Start"/>.</summary>
    public static void Join(int cpu)
    {
        while (CpuWork.IsBusy(cpu))
            NativeWaitForEvent();
    }

    /// <summary>Wakes every CPU waiting in <see cref="WaitForEvent"/> (after the stores they must see).</summary>
    public static void SendEvent() => NativeSendEvent();

    /// <summary>Sleeps until an event (<see cref="SendEvent"/>) or an interrupt; may return early: check, then wait again.</summary>
    public static void WaitForEvent() => NativeWaitForEvent();

    /// <summary>Adds the running CPU to <see cref="Count"/> (its bring-up is done).</summary>
    internal static void MarkOnline() => Interlocked.Increment(ref *NativeOnlineWord());

    /// <summary>The running CPU's affinity (MPIDR_EL1 Aff3..Aff0), as PSCI and the device tree name it.</summary>
    internal static ulong Affinity => NativeAffinity();

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

    [DllImport("*", EntryPoint = "nano_cpu_index"), SuppressGCTransition]
    private static extern uint NativeIndex();

    [DllImport("*", EntryPoint = "nano_cpu_online_word"), SuppressGCTransition]
    private static extern int* NativeOnlineWord();

    [DllImport("*", EntryPoint = "nano_cpu_affinity"), SuppressGCTransition]
    private static extern ulong NativeAffinity();

    [DllImport("*", EntryPoint = "nano_cpu_send_event"), SuppressGCTransition]
    private static extern void NativeSendEvent();

    [DllImport("*", EntryPoint = "nano_cpu_wait_for_event"), SuppressGCTransition]
    private static extern void NativeWaitForEvent();

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
