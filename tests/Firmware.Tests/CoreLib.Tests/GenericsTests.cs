// Generics over value types (each instantiation compiled separately), generic statics per
// instantiation, and managed function pointers in place of delegates.
using Nano.TestFramework;

namespace CoreLib.Tests;

/// <summary>A fixed-capacity ring of T over an array allocated once: the firmware's pool pattern.</summary>
internal sealed class Ring<T> where T : struct
{
    private readonly T[] _items;
    private int _head;
    private int _count;

    public Ring(int capacity) => _items = new T[capacity];

    public int Count => _count;

    public bool TryPush(T item)
    {
        if (_count == _items.Length)
            return false;
        _items[(_head + _count) % _items.Length] = item;
        _count++;
        return true;
    }

    public bool TryPop(out T item)
    {
        if (_count == 0)
        {
            item = default;
            return false;
        }
        item = _items[_head];
        _head = (_head + 1) % _items.Length;
        _count--;
        return true;
    }
}

internal struct Pair<TFirst, TSecond>
{
    public TFirst First;
    public TSecond Second;
}

internal static class PerType<T>
{
    public static int Hits;
}

internal abstract class Shape
{
    public abstract int Area();
    public virtual int Corners() => 0;
}

internal sealed class Square : Shape
{
    public int Side;
    public override int Area() => Side * Side;
    public override int Corners() => 4;
}

internal sealed class Strip : Shape
{
    public int Length;
    public override int Area() => Length;
}

[TestClass]
public static unsafe class GenericsTests
{
    private static T Larger<T>(T a, T b, delegate*<T, T, bool> greater) => greater(a, b) ? a : b;

    private static bool GreaterInt(int a, int b) => a > b;

    private static bool GreaterLong(long a, long b) => a > b;

    private static int Twice(int value) => value * 2;

    [TestMethod]
    public static void A_generic_ring_of_structs_is_first_in_first_out()
    {
        var ring = new Ring<Pair<int, long>>(3);
        Assert.IsTrue(ring.TryPush(new Pair<int, long> { First = 1, Second = 10 }));
        Assert.IsTrue(ring.TryPush(new Pair<int, long> { First = 2, Second = 20 }));
        Assert.IsTrue(ring.TryPush(new Pair<int, long> { First = 3, Second = 30 }));
        Assert.IsFalse(ring.TryPush(default), "full");
        Assert.IsTrue(ring.TryPop(out Pair<int, long> first));
        Assert.AreEqual(1, first.First);
        Assert.AreEqual(10L, first.Second);
        Assert.IsTrue(ring.TryPush(new Pair<int, long> { First = 4, Second = 40 }), "wraps");
        Assert.AreEqual(3, ring.Count);
    }

    [TestMethod]
    public static void Generic_statics_are_separate_per_instantiation()
    {
        PerType<int>.Hits += 1;
        PerType<long>.Hits += 5;
        PerType<int>.Hits += 1;
        Assert.AreEqual(2, PerType<int>.Hits);
        Assert.AreEqual(5, PerType<long>.Hits);
    }

    [TestMethod]
    public static void Function_pointers_replace_delegates()
    {
        delegate*<int, int> twice = &Twice;
        Assert.AreEqual(14, twice(7));
        Assert.AreEqual(9, Larger(9, 4, &GreaterInt));
        Assert.AreEqual(12L, Larger(3L, 12L, &GreaterLong));
    }

    [TestMethod]
    public static void Virtual_calls_dispatch_on_the_object_type()
    {
        Shape[] shapes = { new Square { Side = 3 }, new Strip { Length = 5 } };
        int area = 0, corners = 0;
        for (int i = 0; i < shapes.Length; i++)
        {
            area += shapes[i].Area();
            corners += shapes[i].Corners();
        }
        Assert.AreEqual(14, area);
        Assert.AreEqual(4, corners);
    }
}
