// A Treiber stack of node indices with a tagged head (tag in the high 32 bits, so a head that went A -> B -> A
// still fails the compare-exchange): four CPUs pop a node, own it for a moment and push it back. A head updated
// without an atomic compare-exchange hands one node to two CPUs, or drops nodes from the stack.
using System;
using System.Threading;
using Nano.Runtime.Native;
using Nano.TestFramework;

namespace Runtime.Smp.Tests;

[TestClass]
public static unsafe class LockFreeStackTests
{
    private const int Nodes = 64;                   // indices 1..Nodes; 0 = empty
    private const int RoundsPerCpu = 50_000;

    private static long s_head;
    private static int[] s_next = null!;
    private static int[] s_owner = null!;
    private static PerCpu<int> s_doubleOwned = null!;
    private static PerCpu<int> s_popped = null!;

    [Setup]
    public static void Allocate()
    {
        s_next ??= new int[Nodes + 1];
        s_owner ??= new int[Nodes + 1];
        s_doubleOwned ??= new PerCpu<int>();
        s_popped ??= new PerCpu<int>();
    }

    private static long Head(long tag, int index) => (tag << 32) | (uint)index;

    private static int Pop()
    {
        while (true)
        {
            long head = Volatile.Read(ref s_head);
            int index = (int)head;
            if (index == 0)
                return 0;
            int next = Volatile.Read(ref s_next[index]);
            if (Interlocked.CompareExchange(ref s_head, Head((head >> 32) + 1, next), head) == head)
                return index;
        }
    }

    private static void Push(int index)
    {
        while (true)
        {
            long head = Volatile.Read(ref s_head);
            Volatile.Write(ref s_next[index], (int)head);
            if (Interlocked.CompareExchange(ref s_head, Head((head >> 32) + 1, index), head) == head)
                return;
        }
    }

    private static void PopOwnPush(int cpu)
    {
        s_doubleOwned.Current = 0;
        s_popped.Current = 0;
        for (int round = 0; round < RoundsPerCpu; round++)
        {
            int node = Pop();
            if (node == 0)
                continue;
            s_popped.Current++;
            // The node is this CPU's alone until pushed: a second owner shows as a non-zero previous owner.
            if (Interlocked.Exchange(ref s_owner[node], cpu + 1) != 0)
                s_doubleOwned.Current++;
            if (Interlocked.Exchange(ref s_owner[node], 0) != cpu + 1)
                s_doubleOwned.Current++;
            Push(node);
        }
    }

    [TestMethod]
    public static void Four_CPUs_popping_and_pushing_never_share_a_node_and_lose_none()
    {
        Volatile.Write(ref s_head, 0);
        for (int node = 1; node <= Nodes; node++)
        {
            s_owner[node] = 0;
            Push(node);
        }
        Parallel.Run(&PopOwnPush);

        int doubleOwned = 0, popped = 0;
        for (int cpu = 0; cpu < Parallel.Cpus; cpu++)
        {
            doubleOwned += s_doubleOwned[cpu];
            popped += s_popped[cpu];
        }
        Assert.AreEqual(0, doubleOwned, "nodes owned by two CPUs at once");
        Assert.IsTrue(popped > Parallel.Cpus * RoundsPerCpu / 2, "most rounds found a node");

        // Every node is back on the stack exactly once.
        Span<bool> seen = stackalloc bool[Nodes + 1];
        int count = 0;
        for (int node = (int)Volatile.Read(ref s_head); node != 0 && count <= Nodes; node = s_next[node])
        {
            Assert.IsFalse(seen[node], "a node on the stack twice");
            seen[node] = true;
            count++;
        }
        Assert.AreEqual(Nodes, count, "nodes on the stack at the end");
    }
}
