// Allocation after Heap.Seal() stops the machine, even inside a test's recovery point: the sealed heap is
// the whole firmware's invariant. Allocating before the seal is fine; the second test must never run.
using Nano.Runtime;
using Nano.TestFramework;

namespace HeapSeal.Tests;

/// <summary>The type whose allocation after the seal must be named in the panic.</summary>
public sealed class Victim
{
    public int Payload;
}

[TestClass]
public static class SealTests
{
    private static Victim? s_before;
    private static Victim? s_after;

    [TestMethod]
    public static void Allocating_before_the_seal_is_allowed()
    {
        long objects = Heap.ObjectsAllocated;
        s_before = new Victim { Payload = 1 };
        Assert.AreEqual(objects + 1, Heap.ObjectsAllocated);
        Heap.Seal();
        Assert.IsTrue(Heap.IsSealed);
    }

    [TestMethod]
    public static void Allocating_after_the_seal_stops_the_machine()
    {
        Assert.IsTrue(Heap.IsSealed, "sealed by the previous test");
        s_after = new Victim { Payload = 2 };   // PANIC: allocation after Heap.Seal(): HeapSeal.Tests.Victim
        Assert.Fail("the allocation returned");
    }
}
