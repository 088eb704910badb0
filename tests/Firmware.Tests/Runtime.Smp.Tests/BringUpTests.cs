// Each secondary is up on its own: its index, its own stacks, its own timer interrupt, its own recovery chain.
using System.Threading;
using Nano.Runtime;
using Nano.Runtime.Native;
using Nano.TestFramework;

namespace Runtime.Smp.Tests;

[TestClass]
public static unsafe class BringUpTests
{
    private struct Seen
    {
        public int Id;
        public ulong StackPointer;
        public ulong ThreadTop;
        public int TimerCpu;
        public int RecoveryCode;
        public int RecoveryDepthAfter;
    }

    private static PerCpu<Seen> s_seen = null!;
    private static int s_timerFired;

    [Setup]
    public static void Allocate() => s_seen ??= new PerCpu<Seen>();

    private static void Record(int cpu)
    {
        ref Seen seen = ref s_seen.Current;
        seen.Id = Cpu.Id;
        seen.StackPointer = Cpu.StackPointer;
        seen.ThreadTop = StackUsage.ThreadTop;
    }

    [TestMethod]
    public static void Every_CPU_runs_with_its_own_index_and_its_own_stack()
    {
        Parallel.Run(&Record);
        for (int cpu = 0; cpu < Parallel.Cpus; cpu++)
        {
            ref Seen seen = ref s_seen[cpu];
            Assert.AreEqual(cpu, seen.Id, "Cpu.Id where the work ran");
            Assert.IsTrue(seen.StackPointer < seen.ThreadTop && seen.ThreadTop - seen.StackPointer < StackUsage.ThreadSize,
                "the stack pointer lies inside that CPU's own thread stack");
            for (int other = 0; other < cpu; other++)
                Assert.AreNotEqual(s_seen[other].ThreadTop, seen.ThreadTop, "two CPUs share a thread stack");
        }
    }

    [TestMethod]
    public static void An_idle_CPU_sleeps_until_work_is_posted_to_it()
    {
        Parallel.Run(&Record); // every secondary ran something and is idle again
        long* before = stackalloc long[Parallel.Cpus];
        for (int cpu = 1; cpu < Parallel.Cpus; cpu++)
            before[cpu] = Cpu.IdleWakeups(cpu);
        Clock.Delay(100_000);
        for (int cpu = 1; cpu < Parallel.Cpus; cpu++)
        {
            // Asleep in WFI it wakes only for an interrupt (none is aimed at it here); a loop on WFE, which QEMU's TCG
            // treats as a yield, would look thousands of times in these 100 ms.
            Assert.IsTrue(Cpu.IdleWakeups(cpu) - before[cpu] < 10, "an idle CPU kept waking without work");
        }
        // And the wake-up that matters still comes: work posted to the sleeping CPUs runs.
        Parallel.Run(&Record);
        for (int cpu = 1; cpu < Parallel.Cpus; cpu++)
            Assert.AreEqual(cpu, s_seen[cpu].Id, "work posted to a sleeping CPU ran there");
    }

    private static void OnDeadline()
    {
        s_seen.Current.TimerCpu = Cpu.Id;
        Interlocked.Increment(ref s_timerFired);
    }

    private static void ArmAndWaitForOwnTimer(int cpu)
    {
        s_seen.Current.TimerCpu = -1;
        Clock.SetTimeout(200, &OnDeadline);
        while (Clock.DeadlinePending)
        {
        }
    }

    // Each CPU's virtual timer is its own, its PPI 27 enabled at its own GIC CPU interface, taken by its own vectors.
    [TestMethod]
    public static void Every_CPU_takes_its_own_timer_interrupt()
    {
        Volatile.Write(ref s_timerFired, 0);
        Parallel.Run(&ArmAndWaitForOwnTimer);
        Assert.AreEqual(Parallel.Cpus, Volatile.Read(ref s_timerFired));
        for (int cpu = 0; cpu < Parallel.Cpus; cpu++)
            Assert.AreEqual(cpu, s_seen[cpu].TimerCpu, "the CPU whose deadline handler ran");
    }

    private static void DereferenceNull()
    {
        int* nothing = null;
        Volatile.Write(ref *nothing, 1);
    }

    private static void FaultUnderOwnRecovery(int cpu)
    {
        if (cpu == 0)
            return;                                 // CPU 0 is inside the test runner's Recovery.Run already
        ref Seen seen = ref s_seen.Current;
        seen.RecoveryCode = Recovery.Run(&DereferenceNull);
        seen.RecoveryDepthAfter = Recovery.Depth;
    }

    // A fault on a secondary returns to that CPU's Recovery.Run, on that CPU's stack, not to CPU 0's (the test runner's).
    [TestMethod]
    public static void A_fault_on_a_secondary_escapes_to_its_own_recovery_point()
    {
        int depth = Recovery.Depth;
        Parallel.Run(&FaultUnderOwnRecovery);
        for (int cpu = 1; cpu < Parallel.Cpus; cpu++)
        {
            Assert.AreEqual(Panic.ExitCode, s_seen[cpu].RecoveryCode, "Recovery.Run's result on the secondary");
            Assert.AreEqual(0, s_seen[cpu].RecoveryDepthAfter, "the secondary's recovery chain after the escape");
        }
        Assert.AreEqual(depth, Recovery.Depth, "CPU 0's recovery chain is untouched");
    }

    private static void Nothing()
    {
    }

    [TestMethod]
    public static void Start_refuses_CPU_0_a_CPU_past_the_last_and_a_busy_one()
    {
        Assert.IsFalse(Cpu.Start(0, &Nothing), "CPU 0 runs the program");
        Assert.IsFalse(Cpu.Start(Parallel.Cpus, &Nothing), "no such CPU");
        Assert.IsFalse(Cpu.Start(-1, &Nothing), "no such CPU");
        Assert.IsTrue(Cpu.Start(1, &SpinUntilReleased), "an idle CPU");
        Assert.IsTrue(Cpu.IsBusy(1));
        Assert.IsFalse(Cpu.Start(1, &Nothing), "CPU 1 is busy");
        Volatile.Write(ref s_release, 1);
        Cpu.Join(1);
        Assert.IsFalse(Cpu.IsBusy(1));
        Volatile.Write(ref s_release, 0);
    }

    private static int s_release;

    private static void SpinUntilReleased()
    {
        while (Volatile.Read(ref s_release) == 0)
        {
        }
    }
}
