// Inter-processor interrupts: an SGI sent to a CPU runs its handler on that CPU, from any CPU to any CPU.
using System.Threading;
using Nano.Runtime.Native;
using Nano.TestFramework;

namespace Runtime.Smp.Tests;

[TestClass]
public static unsafe class SoftwareInterruptTests
{
    private const uint Sgi = 3;

    private static PerCpu<int> s_received = null!;
    private static int s_wrongCpu;
    private static int s_target;

    [Setup]
    public static void Register()
    {
        s_received ??= new PerCpu<int>();
        Interrupts.Register(Sgi, &OnSgi);
        Interrupts.Enable(Sgi);
    }

    private static void OnSgi(uint intid)
    {
        if (Cpu.Id != Volatile.Read(ref s_target))
            Interlocked.Increment(ref s_wrongCpu);
        Interlocked.Increment(ref s_received.Current);
    }

    private static void WaitFor(int cpu, int count)
    {
        ulong deadline = Clock.Ticks + Clock.MicrosecondsToTicks(2_000_000);
        while (Volatile.Read(ref s_received[cpu]) < count && Clock.Ticks < deadline)
        {
        }
    }

    [TestMethod]
    public static void An_SGI_from_CPU_0_runs_its_handler_on_the_CPU_it_names()
    {
        for (int cpu = 1; cpu < Parallel.Cpus; cpu++)
        {
            Volatile.Write(ref s_target, cpu);
            int before = Volatile.Read(ref s_received[cpu]);
            Interrupts.SendSoftwareInterrupt(Sgi, cpu);
            WaitFor(cpu, before + 1);
            Assert.AreEqual(before + 1, Volatile.Read(ref s_received[cpu]), "SGIs taken by the target");
        }
        Assert.AreEqual(0, Volatile.Read(ref s_wrongCpu), "SGIs taken by another CPU than the target");
    }

    private static void SendToCpu0()
    {
        Interrupts.SendSoftwareInterrupt(Sgi, 0);
    }

    [TestMethod]
    public static void An_SGI_from_a_secondary_reaches_CPU_0()
    {
        Volatile.Write(ref s_target, 0);
        int before = Volatile.Read(ref s_received[0]);
        Assert.IsTrue(Cpu.Start(2, &SendToCpu0));
        Cpu.Join(2);
        WaitFor(0, before + 1);
        Assert.AreEqual(before + 1, Volatile.Read(ref s_received[0]), "SGIs taken by CPU 0");
        Assert.AreEqual(0, Volatile.Read(ref s_wrongCpu), "SGIs taken by another CPU than the target");
    }
}
