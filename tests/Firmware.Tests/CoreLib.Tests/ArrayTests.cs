// Arrays of structs and references: zeroed on allocation, bounds-checked, copyable.
using Nano.Runtime;
using Nano.TestFramework;

namespace CoreLib.Tests;

internal struct Sample
{
    public int Id;
    public long Stamp;
    public byte Flags;
}

[TestClass]
public static unsafe class ArrayTests
{
    private static int s_index = 7;

    [TestMethod]
    public static void Struct_arrays_start_zeroed_and_update_in_place()
    {
        Sample[] samples = new Sample[8];
        Assert.AreEqual(8, samples.Length);
        for (int i = 0; i < samples.Length; i++)
        {
            Assert.AreEqual(0, samples[i].Id, "zeroed");
            Assert.AreEqual(0L, samples[i].Stamp, "zeroed");
        }
        for (int i = 0; i < samples.Length; i++)
        {
            ref Sample sample = ref samples[i];
            sample.Id = i;
            sample.Stamp = (long)i << 33;
            sample.Flags = (byte)(i | 0x80);
        }
        Assert.AreEqual(5, samples[5].Id);
        Assert.AreEqual(5L << 33, samples[5].Stamp);
        Assert.AreEqual((byte)0x87, samples[7].Flags);
    }

    [TestMethod]
    public static void Reference_arrays_hold_objects_and_nulls()
    {
        Node?[] nodes = new Node?[3];
        nodes[1] = new Node { Value = 5 };
        Assert.IsNull(nodes[0]);
        Assert.AreEqual(5, nodes[1]!.Value);
        object?[] objects = nodes;
        objects[2] = new Node { Value = 6 };
        Assert.AreEqual(6, nodes[2]!.Value, "covariant store of the right type");
    }

    [TestMethod]
    public static void Foreach_walks_arrays_of_values_and_references()
    {
        int sum = 0;
        foreach (int value in new[] { 1, 2, 3, 4 })
            sum += value;
        Assert.AreEqual(10, sum);
        Node[] nodes = { new Node { Value = 5 }, new Node { Value = 6 } };
        int total = 0;
        foreach (Node node in nodes)
            total += node.Value;
        Assert.AreEqual(11, total);
    }

    [TestMethod]
    public static void Array_initializers_and_clear()
    {
        int[] values = { 10, 20, 30, 40 };
        Assert.AreEqual(30, values[2]);
        System.Array.Clear(values, 1, 2);
        Assert.AreEqual(10, values[0]);
        Assert.AreEqual(0, values[1]);
        Assert.AreEqual(0, values[2]);
        Assert.AreEqual(40, values[3]);
    }

    private static void ReadPastTheEnd()
    {
        int[] values = new int[4];
        values[s_index] = 1;
    }

    private static void NegativeIndex()
    {
        Sample[] samples = new Sample[2];
        samples[s_index - 8].Id = 1;
    }

    private static void WrongCovariantStore()
    {
        object[] strings = new string[2];
        strings[0] = new Node();
    }

    [TestMethod]
    public static void Out_of_range_indexes_panic()
    {
        Assert.AreEqual(Panic.ExitCode, Panics.Run(&ReadPastTheEnd), "past the end");
        Assert.AreEqual(Panic.ExitCode, Panics.Run(&NegativeIndex), "negative");
    }

    [TestMethod]
    public static void Storing_the_wrong_type_in_a_covariant_array_panics()
    {
        Assert.AreEqual(Panic.ExitCode, Panics.Run(&WrongCovariantStore));
    }
}
