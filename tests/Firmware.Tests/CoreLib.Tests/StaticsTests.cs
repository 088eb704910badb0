// Static fields: numeric and preinitialized data need no start-up work; reference-type statics are
// created by the runtime's walk of the ReadyToRun header; static constructors run lazily, once.
using Nano.TestFramework;

namespace CoreLib.Tests;

internal sealed class Node
{
    public int Value;
    public Node? Next;
}

internal static class Counted
{
    public static int ConstructorRuns;
    public static int Value;

    static Counted()
    {
        ConstructorRuns++;
        Value = 41 + ConstructorRuns;
    }

    public static void Touch() => Value++;
}

internal static class Chained
{
    // A reference-type static initialised by a static constructor that reads another type's static.
    public static readonly Node Head;

    static Chained()
    {
        Head = new Node { Value = Counted.Value, Next = new Node { Value = 2 } };
    }
}

internal static class Tables
{
    public static readonly int[] Primes = { 2, 3, 5, 7, 11, 13 };
    public static readonly string Greeting = "hello";
    public static Node Shared = new Node { Value = 99 };
    public static int Plain = 17;
    public static long Sum;
}

[TestClass]
public static class StaticsTests
{
    [TestMethod]
    public static void Numeric_statics_are_initialised_before_main()
    {
        Assert.AreEqual(17, Tables.Plain);
        Tables.Sum += 5;
        Tables.Sum += 5;
        Assert.AreEqual(10L, Tables.Sum);
    }

    [TestMethod]
    public static void Reference_type_statics_exist_and_are_writable()
    {
        Assert.IsNotNull(Tables.Shared);
        Assert.AreEqual(99, Tables.Shared.Value);
        Tables.Shared.Value = 100;
        Assert.AreEqual(100, Tables.Shared.Value);
        Assert.AreEqual(6, Tables.Primes.Length);
        Assert.AreEqual(13, Tables.Primes[5]);
        Assert.AreEqual("hello", Tables.Greeting);
    }

    [TestMethod]
    public static void A_static_constructor_runs_once_on_first_access()
    {
        int value = Counted.Value;
        Counted.Touch();
        Assert.AreEqual(1, Counted.ConstructorRuns, "constructor runs");
        Assert.AreEqual(42, value, "value the constructor computed");
        Assert.AreEqual(43, Counted.Value);
    }

    [TestMethod]
    public static void A_static_constructor_can_build_objects_and_read_other_statics()
    {
        Node head = Chained.Head;
        Assert.IsNotNull(head.Next);
        Assert.AreEqual(2, head.Next!.Value);
        Assert.IsTrue(head.Value >= 42, "read Counted.Value");
        Assert.AreEqual(1, Counted.ConstructorRuns, "still once");
    }
}
