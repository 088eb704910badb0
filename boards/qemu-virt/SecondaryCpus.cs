// Starting the other CPUs (PSCI CPU_ON, conduit and CPU list from the device tree) and their bring-up in C#.
using System;
using System.Runtime.InteropServices;
using Nano.Runtime;

namespace Nano.Runtime.Native;

/// <summary>
/// CPU 0 starts every CPU the device tree lists besides itself, one at a time, each with the next index (its
/// stacks and per-CPU slots), and waits until it is online. A started CPU enters boot.S's secondary path (own
/// stacks, vectors, the same MMU tables), then <see cref="SecondaryMain"/>: its GIC CPU interface and timer PPI,
/// online, interrupts on, and the work loop (<see cref="Cpu.Start"/>).
/// </summary>
internal static class SecondaryCpus
{
    private const ulong OnlineTimeoutMicroseconds = 10_000_000;   // MTTCG on a busy host starts a CPU slowly

    /// <summary>Starts the secondaries; CPU 0 is online already. Panics when one does not come up.</summary>
    public static void StartAll(ulong treeAddress)
    {
        Span<ulong> affinities = stackalloc ulong[Cpu.MaxCount * 2];
        int listed = CpusFromDeviceTree.Read(treeAddress, affinities, out PsciConduit conduit);
        if (listed <= 1 || conduit == PsciConduit.None)
            return;                                 // one CPU, or no way to start others: run on CPU 0 alone
        ulong self = Cpu.Affinity;
        NativeCleanBlocks();
        int next = 1;
        for (int i = 0; i < listed && next < Cpu.MaxCount; i++)
        {
            if (affinities[i] == self)
                continue;
            long status = NativeStart(affinities[i], (ulong)next, conduit == PsciConduit.SecureMonitor ? 1 : 0);
            if (status != 0)
            {
                Panic.WriteHeader("PSCI CPU_ON failed");
                Panic.WriteDetail("affinity", affinities[i]);
                Panic.WriteDetail("status", (ulong)status);
                Panic.Stop();
            }
            ulong deadline = Clock.Ticks + Clock.MicrosecondsToTicks(OnlineTimeoutMicroseconds);
            while (Cpu.Count <= next)
            {
                if (Clock.Ticks > deadline)
                {
                    Panic.WriteHeader("secondary CPU did not come online");
                    Panic.WriteDetail("affinity", affinities[i]);
                    Panic.WriteDetail("index", (ulong)next);
                    Panic.Stop();
                }
            }
            next++;
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "nano_secondary_main")]
    private static void SecondaryMain(uint index)
    {
        InterruptController.InitCpuInterface();
        Clock.InitializeCpu();
        Cpu.MarkOnline();
        Cpu.EnableInterrupts();
        CpuWork.Loop();
    }

    [DllImport("*", EntryPoint = "nano_secondary_start"), SuppressGCTransition]
    private static extern long NativeStart(ulong targetAffinity, ulong index, int useSecureMonitor);

    [DllImport("*", EntryPoint = "nano_cpu_clean_blocks"), SuppressGCTransition]
    private static extern void NativeCleanBlocks();
}
