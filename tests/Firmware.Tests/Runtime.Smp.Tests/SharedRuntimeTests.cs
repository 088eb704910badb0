// The runtime's shared structures used from four CPUs at once: the heap's bump pointer, a static constructor's
// first run, the interrupt delivery count.
using System.Threading;
using Nano.Runtime;
using Nano.Runtime.Native;
using Nano.TestFramework;

namespace Runtime.Smp.Tests;

internal static class SlowlyConstructed
{
    public static int Constructions;
    public static readonly int Value = Construct();

    private static int Construct()
    {
        Interlocked.Increment(ref Constructions);
        Clock.Delay(20_000);                        // long enough for every other CPU to arrive meanwhile
        return 42;
    }
}

[TestClass]
public static unsafe class SharedRuntimeTests
{
    private const int AllocationsPerCpu = 25_000;

    private static object[] s_objects = null!;
    private static PerCpu<int> s_valueSeen = null!;

    [Setup]
    public static void Allocate()
    {
        s_objects ??= new object[Parallel.Cpus * AllocationsPerCpu];
        s_valueSeen ??= new PerCpu<int>();
    }

    private sealed class Box
    {
        public long Owner;
        public long Index;
    }

    private static void AllocateMany(int cpu)
    {
        for (int i = 0; i < AllocationsPerCpu; i++)
            s_objects[cpu * AllocationsPerCpu + i] = new Box { Owner = cpu, Index = i };
    }

    // Heap: the bump pointer is claimed by compare-exchange, so allocation during bring-up is safe from any CPU.
    [TestMethod]
    public static void Objects_allocated_on_four_CPUs_at_once_are_distinct_and_intact()
    {
        long before = Heap.ObjectsAllocated;
        long bytesBefore = Heap.BytesAllocated;
        Parallel.Run(&AllocateMany);
        Assert.AreEqual(before + Parallel.Cpus * AllocationsPerCpu, Heap.ObjectsAllocated, "objects counted");
        for (int cpu = 0; cpu < Parallel.Cpus; cpu++)
        {
            for (int i = 0; i < AllocationsPerCpu; i++)
            {
                var box = (Box)s_objects[cpu * AllocationsPerCpu + i];
                Assert.AreEqual((long)cpu, box.Owner, "an object overwritten by another CPU's allocation");
                Assert.AreEqual((long)i, box.Index, "an object overwritten by another CPU's allocation");
            }
        }
        Assert.IsTrue(Heap.BytesAllocated - bytesBefore >= Parallel.Cpus * AllocationsPerCpu * 32L, "bytes claimed for the objects");
    }

    private static void ReadSlowlyConstructed(int cpu) => s_valueSeen.Current = SlowlyConstructed.Value;

    // Static constructors: one CPU runs it, the others wait for it and then see the finished statics.
    [TestMethod]
    public static void A_static_constructor_first_touched_on_four_CPUs_runs_once_and_all_see_its_result()
    {
        Parallel.Run(&ReadSlowlyConstructed);
        Assert.AreEqual(1, Volatile.Read(ref SlowlyConstructed.Constructions), "constructor runs");
        for (int cpu = 0; cpu < Parallel.Cpus; cpu++)
            Assert.AreEqual(42, s_valueSeen[cpu], "the static each CPU read");
    }

    private static void TakeTimerInterrupts(int cpu)
    {
        for (int i = 0; i < 200; i++)
        {
            Clock.SetTimeout(5, &Nothing);
            while (Clock.DeadlinePending)
            {
            }
        }
    }

    private static void Nothing()
    {
    }

    // Interrupts.DeliveredCount: every CPU's IRQ path adds to it (an atomic add, or concurrent deliveries are lost).
    [TestMethod]
    public static void Interrupts_delivered_on_four_CPUs_at_once_are_all_counted()
    {
        ulong before = Interrupts.DeliveredCount;
        Parallel.Run(&TakeTimerInterrupts);
        Assert.IsTrue(Interrupts.DeliveredCount - before >= (ulong)(Parallel.Cpus * 200), "interrupts counted");
    }
}
