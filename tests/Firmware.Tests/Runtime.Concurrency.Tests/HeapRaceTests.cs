// The bump heap against an interrupt handler that allocates too (allowed before the seal): every block is
// handed out once. A plain read-then-store of the bump pointer gives the handler's block to the thread as
// well whenever the interrupt lands between the two.
using System.Threading;
using Nano.Runtime;
using Nano.TestFramework;

namespace Runtime.Concurrency.Tests;

[TestClass]
public static unsafe class HeapRaceTests
{
    private const int BlockBytes = 24;
    private const int ThreadBlocks = 40_000;
    private const int HandlerBlocks = 4_000;

    private static byte[]?[] s_threadBlocks = null!;
    private static byte[]?[] s_handlerBlocks = null!;
    private static int s_handlerCount;

    [Setup]
    public static void AllocateTheLists()
    {
        s_threadBlocks = new byte[ThreadBlocks][];
        s_handlerBlocks = new byte[HandlerBlocks][];
    }

    // Each block is filled with its owner's tag and index, and checked afterwards: a block handed out twice
    // carries the later owner's bytes.
    private static void Fill(byte[] block, byte owner, int index)
    {
        block[0] = owner;
        for (int i = 1; i < block.Length; i++)
            block[i] = (byte)(index + i);
    }

    private static bool Holds(byte[]? block, byte owner, int index)
    {
        if (block is null || block[0] != owner)
            return false;
        for (int i = 1; i < block.Length; i++)
        {
            if (block[i] != (byte)(index + i))
                return false;
        }
        return true;
    }

    private static void AllocateInHandler()
    {
        int index = s_handlerCount;
        if (index >= HandlerBlocks)
            return;
        byte[] block = new byte[BlockBytes];
        Fill(block, 2, index);
        s_handlerBlocks[index] = block;
        Volatile.Write(ref s_handlerCount, index + 1);
    }

    [TestMethod]
    public static void Blocks_allocated_by_the_thread_and_a_handler_never_overlap()
    {
        Volatile.Write(ref s_handlerCount, 0);
        long objectsBefore = Heap.ObjectsAllocated;
        PeriodicInterrupt.Start(&AllocateInHandler);
        int rounds = 0;
        for (; rounds < ThreadBlocks && PeriodicInterrupt.KeepRacing(rounds, ThreadBlocks / 2); rounds++)
        {
            byte[] block = new byte[BlockBytes];
            Fill(block, 1, rounds);
            s_threadBlocks[rounds] = block;
        }
        PeriodicInterrupt.Stop();
        int handlerCount = Volatile.Read(ref s_handlerCount);
        Assert.IsTrue(handlerCount >= PeriodicInterrupt.MinimumCalls, "the handler allocated while the thread did");
        int damaged = 0;
        for (int i = 0; i < rounds; i++)
        {
            if (!Holds(s_threadBlocks[i], 1, i))
                damaged++;
        }
        for (int i = 0; i < handlerCount; i++)
        {
            if (!Holds(s_handlerBlocks[i], 2, i))
                damaged++;
        }
        Assert.AreEqual(0, damaged, "blocks handed out twice");
        Assert.AreEqual(objectsBefore + rounds + handlerCount, Heap.ObjectsAllocated, "every object counted");
    }
}
