// Runs one function on every CPU at once (CPU 0 included) and waits for all: the harness of the SMP tests.
using System.Threading;
using Nano.Runtime.Native;
using Nano.TestFramework;

namespace Runtime.Smp.Tests;

internal static unsafe class Parallel
{
    /// <summary>The CPUs every test here expects (the suite's NfCpus).</summary>
    public const int Cpus = 4;

    private static int s_arrived;
    private static delegate*<int, void> s_body;

    /// <summary>Calls <paramref name="body"/>(Cpu.Id) on CPUs 0..Cpus-1; they leave a start barrier together so the
    /// bodies overlap (MTTCG runs each CPU on its own host thread). Returns when every CPU has finished.</summary>
    public static void Run(delegate*<int, void> body)
    {
        Assert.AreEqual(Cpus, Cpu.Count, "CPUs online (the suite boots with -smp 4)");
        s_body = body;
        Volatile.Write(ref s_arrived, 0);
        for (int cpu = 1; cpu < Cpus; cpu++)
            Assert.IsTrue(Cpu.Start(cpu, &Enter), "an idle secondary accepts work");
        Enter();
        for (int cpu = 1; cpu < Cpus; cpu++)
            Cpu.Join(cpu);
    }

    private static void Enter()
    {
        Interlocked.Increment(ref s_arrived);
        while (Volatile.Read(ref s_arrived) < Cpus)
        {
        }
        s_body(Cpu.Id);
    }
}
