// Type tests and casts without reflection: base-class chains, interfaces, and the panic on a bad cast.
using Nano.Runtime;
using Nano.TestFramework;

namespace CoreLib.Tests;

internal interface IMarked { }

internal class Animal { public int Legs; }

internal class Dog : Animal, IMarked { }

internal sealed class Puppy : Dog { }

[TestClass]
public static unsafe class CastTests
{
    // Created at run time: ilc folds casts of objects it preinitialised at compile time (a cast of such a
    // static to a wrong type was seen to be compiled as succeeding), so tests use a run-time object.
    private static object s_animal = null!;

    [Setup]
    public static void CreateObjects() => s_animal = new Animal();

    [TestMethod]
    public static void Is_and_as_follow_the_class_chain()
    {
        object puppy = new Puppy { Legs = 4 };
        Assert.IsTrue(puppy is Dog, "base class");
        Assert.IsTrue(puppy is Animal, "grandparent");
        Assert.IsTrue(puppy is IMarked, "inherited interface");
        Assert.IsFalse(s_animal is Dog, "not a subclass");
        Assert.IsNull(s_animal as Dog);
        Assert.AreEqual(4, ((Animal)puppy).Legs);
        Assert.IsFalse(puppy is string);
    }

    private static void BadDowncast()
    {
        Dog dog = (Dog)s_animal;
        dog.Legs = 1;
    }

    private static void NullDereference()
    {
        Animal? nothing = (Animal?)(s_animal is string ? s_animal : null);
        nothing!.Legs = 3;
    }

    [TestMethod]
    public static void A_bad_cast_and_a_null_dereference_panic()
    {
        Assert.AreEqual(Panic.ExitCode, Panics.Run(&BadDowncast), "cast");
        Assert.AreEqual(Panic.ExitCode, Panics.Run(&NullDereference), "null");
    }

    [TestMethod]
    public static void Nullable_value_types()
    {
        int? none = null;
        int? some = 5;
        Assert.IsFalse(none.HasValue);
        Assert.AreEqual(5, some.GetValueOrDefault());
        Assert.AreEqual(9, none.GetValueOrDefault(9));
    }
}
