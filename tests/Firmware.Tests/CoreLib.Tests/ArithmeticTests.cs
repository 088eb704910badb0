// Integer arithmetic as the JIT compiles it for AArch64, and the panics that replace .NET's
// OverflowException and DivideByZeroException.
using Nano.Runtime;
using Nano.TestFramework;

namespace CoreLib.Tests;

[TestClass]
public static unsafe class ArithmeticTests
{
    // Read at run time so the compiler cannot fold the expressions below.
#pragma warning disable CS0649 // deliberately left 0
    private static int s_zero;
#pragma warning restore CS0649
    private static int s_max = int.MaxValue;
    private static long s_longMax = long.MaxValue;
    private static uint s_uintMax = uint.MaxValue;
    private static int s_sink;

    [TestMethod]
    public static void Integer_operations_match_the_language_rules()
    {
        int seven = 7 + s_zero, minusSeven = -7 + s_zero;
        Assert.AreEqual(2, seven / 3);
        Assert.AreEqual(-2, minusSeven / 3, "division truncates toward zero");
        Assert.AreEqual(-1, minusSeven % 3, "remainder takes the dividend's sign");
        Assert.AreEqual(0x7FFFFFFF, s_max);
        Assert.AreEqual(int.MinValue, unchecked(s_max + 1), "unchecked addition wraps");
        Assert.AreEqual(0u, unchecked(s_uintMax + 1u));
        Assert.AreEqual(-4, minusSeven >> 1, "arithmetic shift keeps the sign");
        Assert.AreEqual(0x7FFFFFFCu, unchecked((uint)minusSeven) >> 1, "logical shift on unsigned");
        Assert.AreEqual(1L << 40, (long)(1 + s_zero) << 40);
        Assert.AreEqual(6_000_000_000L, 3_000_000_000L * (2 + s_zero));
        Assert.AreEqual(ulong.MaxValue / 3, 0x5555555555555555UL + (ulong)s_zero);
    }

    [TestMethod]
    public static void Checked_arithmetic_that_fits_does_not_panic()
    {
        Assert.AreEqual(int.MaxValue, checked(s_max - 1 + 1));
        Assert.AreEqual(255, (int)checked((byte)(255 + s_zero)));
    }

    private static void AddOverflow() => s_sink = checked(s_max + 1);
    private static void MultiplyOverflow() => s_sink = (int)checked(s_longMax * 2 > 0 ? 1 : 0);
    private static void NarrowingOverflow() => s_sink = checked((byte)(s_max));
    private static void UnsignedUnderflow() => s_sink = (int)checked((uint)s_zero - 1u);
    private static void DivideByZero() => s_sink = 10 / s_zero;
    private static void RemainderByZero() => s_sink = 10 % s_zero;
    private static void MinValueDividedByMinusOne() => s_sink = int.MinValue / (s_zero - 1);

    [TestMethod]
    public static void Checked_overflow_panics()
    {
        Assert.AreEqual(Panic.ExitCode, Panics.Run(&AddOverflow), "int addition");
        Assert.AreEqual(Panic.ExitCode, Panics.Run(&MultiplyOverflow), "long multiplication");
        Assert.AreEqual(Panic.ExitCode, Panics.Run(&NarrowingOverflow), "narrowing conversion");
        Assert.AreEqual(Panic.ExitCode, Panics.Run(&UnsignedUnderflow), "unsigned subtraction");
    }

    [TestMethod]
    public static void Division_by_zero_panics()
    {
        Assert.AreEqual(Panic.ExitCode, Panics.Run(&DivideByZero), "division");
        Assert.AreEqual(Panic.ExitCode, Panics.Run(&RemainderByZero), "remainder");
        Assert.AreEqual(Panic.ExitCode, Panics.Run(&MinValueDividedByMinusOne), "int.MinValue / -1 overflows");
    }

    [TestMethod]
    [DataRow(5, 9, 5, 9)]
    [DataRow(-3, -8, -8, -3)]
    [DataRow(0, 0, 0, 0)]
    public static void Math_Min_and_Max(int a, int b, int min, int max)
    {
        Assert.AreEqual(min, System.Math.Min(a, b), "Min");
        Assert.AreEqual(max, System.Math.Max(a, b), "Max");
        Assert.AreEqual((long)min, System.Math.Min((long)a, (long)b), "Min long");
        Assert.AreEqual((ulong)(uint)max, System.Math.Max((ulong)(uint)max, (ulong)(uint)min) == (ulong)(uint)max ? (ulong)(uint)max : 0UL);
    }

    [TestMethod]
    public static void Floating_point_uses_the_fpu()
    {
        double x = 1.5 + s_zero;
        Assert.IsTrue(x * 2.0 == 3.0, "double multiply");
        float f = 0.25f + s_zero;
        Assert.IsTrue(f + f == 0.5f, "float add");
        Assert.AreEqual(3, (int)(x * 2.0), "double to int");
    }
}
