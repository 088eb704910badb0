// A panic that ends the machine stops every other CPU first (SGI StopCpuSgi), so none keeps writing or
// touching devices while the report is printed, and the report can say how many stopped.
using System.Runtime.InteropServices;
using System.Threading;
using Nano.Runtime;

namespace Nano.Runtime.Native;

/// <summary>
/// The panicking CPU calls <c>nano_smp_stop_others</c> (from <see cref="Panic.Stop"/> in the corelib when no
/// Recovery.Run catches the panic): it raises the stop SGI on every other CPU and waits a bounded time until each
/// has acknowledged. A stopped CPU gives the console line lock back if it held it, counts itself and sleeps with
/// every interrupt masked until the machine ends. A CPU with interrupts masked at that moment is not counted.
/// </summary>
internal static unsafe class CpuStop
{
    private const ulong AcknowledgeTimeoutMicroseconds = 200_000;

    private static int s_stopped;

    /// <summary>Board bring-up on CPU 0, before secondaries start: the stop SGI's handler (SGIs are enabled on every CPU).</summary>
    public static void Initialize() => Interrupts.Register(BoardMap.StopCpuSgi, &OnStopRequest);

    /// <summary>Stops every other online CPU; returns how many acknowledged.</summary>
    [UnmanagedCallersOnly(EntryPoint = "nano_smp_stop_others")]
    private static int StopOthers()
    {
        int others = Cpu.Count - 1;
        if (others <= 0)
            return 0;
        InterruptController.SendSoftwareInterruptToOthers(BoardMap.StopCpuSgi);
        ulong deadline = Clock.Ticks + Clock.MicrosecondsToTicks(AcknowledgeTimeoutMicroseconds);
        while (Volatile.Read(ref s_stopped) < others && Clock.Ticks < deadline)
        {
        }
        return Volatile.Read(ref s_stopped);
    }

    private static void OnStopRequest(uint intid)
    {
        Cpu.DisableInterrupts();
        NativeConsoleRelease();
        Interlocked.Increment(ref s_stopped);
        while (true)
            Cpu.WaitForInterrupt();
    }

    [DllImport("*", EntryPoint = "nano_console_release"), SuppressGCTransition]
    private static extern void NativeConsoleRelease();
}
