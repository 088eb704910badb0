// The bring-up heap's counters (this suite never seals; HeapSeal.Tests covers the seal).
using Nano.Runtime;
using Nano.TestFramework;

namespace CoreLib.Tests;

[TestClass]
public static class HeapTests
{
    private static Node? s_keep;
    private static byte[]? s_buffer;

    [TestMethod]
    public static void Allocations_are_counted_and_zeroed()
    {
        long objects = Heap.ObjectsAllocated;
        long bytes = Heap.BytesAllocated;
        s_keep = new Node { Next = new Node() };
        s_buffer = new byte[100];
        Assert.AreEqual(objects + 3, Heap.ObjectsAllocated, "two nodes and an array");
        Assert.IsTrue(Heap.BytesAllocated >= bytes + 100, "at least the array's bytes");
        for (int i = 0; i < s_buffer.Length; i++)
            Assert.AreEqual((byte)0, s_buffer[i], "zeroed");
        Assert.IsFalse(Heap.IsSealed);
        Assert.IsTrue(Heap.BytesFree > 0);
        Assert.AreEqual(Heap.Capacity, Heap.BytesAllocated + Heap.BytesFree);
    }

    [TestMethod]
    public static unsafe void NativeMemory_blocks_are_aligned()
    {
        void* block = System.Runtime.InteropServices.NativeMemory.AlignedAlloc(24, 4096);
        Assert.AreEqual((nuint)0, (nuint)block & 4095);
    }
}
