// Work handed to a secondary CPU: one mailbox per CPU, written by the starter, emptied by the CPU when done.
using System.Runtime.CompilerServices;
using System.Threading;
using Nano.Runtime;

namespace Nano.Runtime.Native;

/// <summary>
/// A secondary CPU's mailbox holds 0 (idle) or the function it runs. <see cref="Post"/> claims an idle mailbox
/// with a compare-exchange (two starters cannot both hand work to one CPU) and wakes the CPU with SGI
/// <c>WakeCpuSgi</c>; the CPU runs the function and clears the mailbox with a release store, then signals an
/// event for whoever waits in <see cref="Cpu.Join"/>. An idle CPU sleeps in WFI, not WFE: QEMU's TCG treats WFE
/// as a mere yield, so idle secondaries waiting for an event kept a host core busy each.
/// </summary>
// Safety: mailboxes are indexed only after the index is checked against MaxCount; the function pointer
// is null-checked when posted and called only by the CPU that owns the mailbox.
internal static unsafe class CpuWork
{
    [InlineArray(Cpu.MaxCount)]
    private struct Mailboxes
    {
        private long _work;
    }

    private static Mailboxes s_mailboxes;
    private static Mailboxes s_idleWakeups;
    private static long s_finished;

    /// <summary>Registers the wake SGI's handler (it has nothing to do: leaving WFI is the point). CPU 0, at bring-up.</summary>
    public static void Initialize() => Interrupts.Register(BoardMap.WakeCpuSgi, &OnWake);

    private static void OnWake(uint intid)
    {
    }

    /// <summary>Work items finished on every secondary since boot.</summary>
    public static long Finished => Volatile.Read(ref s_finished);

    public static bool Post(int cpu, delegate*<void> work)
    {
        if (work is null)
            Panic.Fail("Cpu.Start: null work");
        if (cpu <= 0 || cpu >= Cpu.Count)
            return false;
        if (Interlocked.CompareExchange(ref Mailbox(cpu), (long)work, 0) != 0)
            return false;
        // The GIC write is a device store after a store barrier, so the mailbox is visible before the SGI lands.
        InterruptController.SendSoftwareInterrupt(BoardMap.WakeCpuSgi, (uint)cpu);
        return true;
    }

    /// <summary>Times <paramref name="cpu"/> woke with no work in its mailbox (a timer, a stray event); a spinning idle loop shows here.</summary>
    public static long IdleWakeups(int cpu) => (uint)cpu < Cpu.MaxCount ? Volatile.Read(ref IdleWakeupCount(cpu)) : 0;

    public static bool IsBusy(int cpu) => (uint)cpu < Cpu.MaxCount && Volatile.Read(ref Mailbox(cpu)) != 0;

    /// <summary>A secondary CPU's life after bring-up: wait for work, run it, report it done; never returns.</summary>
    public static void Loop()
    {
        ref long mailbox = ref Mailbox(Cpu.Id);
        ref long idleWakeups = ref IdleWakeupCount(Cpu.Id);
        while (true)
        {
            long work = Volatile.Read(ref mailbox);
            if (work == 0)
            {
                // IRQs masked from the look to the sleep: a wake SGI posted after the look stays pending and ends the
                // WFI (a pending interrupt wakes it even when masked) instead of being taken just before it.
                ulong daif = Cpu.SaveAndDisable();
                if (Volatile.Read(ref mailbox) == 0)
                    Cpu.WaitForInterrupt();
                Cpu.Restore(daif);
                if (Volatile.Read(ref mailbox) == 0)
                    Volatile.Write(ref idleWakeups, idleWakeups + 1);
                continue;
            }
            ((delegate*<void>)(nint)work)();
            Interlocked.Increment(ref s_finished);
            Volatile.Write(ref mailbox, 0);
            Cpu.SendEvent();
        }
    }

    // Not inlined: the JIT, hoisting an inlined static address out of Loop, materialised it as a constant
    // without a relocation (a wrong address, seen in the disassembly); a call keeps the adrp/add pair.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ref long Mailbox(int cpu) => ref Unsafe.Add(ref Unsafe.As<Mailboxes, long>(ref s_mailboxes), cpu);

    [MethodImpl(MethodImplOptions.NoInlining)]   // as Mailbox
    private static ref long IdleWakeupCount(int cpu) => ref Unsafe.Add(ref Unsafe.As<Mailboxes, long>(ref s_idleWakeups), cpu);
}
