// Integer helpers with .NET's names.
namespace System;

public static class Math
{
    public static int Min(int a, int b) => a <= b ? a : b;
    public static uint Min(uint a, uint b) => a <= b ? a : b;
    public static long Min(long a, long b) => a <= b ? a : b;
    public static ulong Min(ulong a, ulong b) => a <= b ? a : b;
    public static short Min(short a, short b) => a <= b ? a : b;
    public static ushort Min(ushort a, ushort b) => a <= b ? a : b;
    public static byte Min(byte a, byte b) => a <= b ? a : b;
    public static nint Min(nint a, nint b) => a <= b ? a : b;
    public static nuint Min(nuint a, nuint b) => a <= b ? a : b;

    public static int Max(int a, int b) => a >= b ? a : b;
    public static uint Max(uint a, uint b) => a >= b ? a : b;
    public static long Max(long a, long b) => a >= b ? a : b;
    public static ulong Max(ulong a, ulong b) => a >= b ? a : b;
    public static short Max(short a, short b) => a >= b ? a : b;
    public static ushort Max(ushort a, ushort b) => a >= b ? a : b;
    public static byte Max(byte a, byte b) => a >= b ? a : b;
    public static nint Max(nint a, nint b) => a >= b ? a : b;
    public static nuint Max(nuint a, nuint b) => a >= b ? a : b;

    /// <summary>|value|; panics on int.MinValue (overflow), as .NET throws.</summary>
    public static int Abs(int value) => value >= 0 ? value : checked(-value);
    public static long Abs(long value) => value >= 0 ? value : checked(-value);

    public static int Clamp(int value, int min, int max) => value < min ? min : (value > max ? max : value);
    public static uint Clamp(uint value, uint min, uint max) => value < min ? min : (value > max ? max : value);
    public static long Clamp(long value, long min, long max) => value < min ? min : (value > max ? max : value);
    public static ulong Clamp(ulong value, ulong min, ulong max) => value < min ? min : (value > max ? max : value);

    public static int Sign(int value) => value > 0 ? 1 : (value < 0 ? -1 : 0);
    public static int Sign(long value) => value > 0 ? 1 : (value < 0 ? -1 : 0);

    public static int DivRem(int a, int b, out int result)
    {
        int quotient = a / b;
        result = a - quotient * b;
        return quotient;
    }

    // ---- Checked floating-point conversions: the compiler's helpers for (int)checked(x) etc. ----
    // In range means strictly inside (MinValue - 1, MaxValue + 1); NaN is never in range.

    private static int ConvertToInt32Checked(double value)
    {
        if (!(value > -2147483649.0 && value < 2147483648.0))
            Internal.Runtime.CompilerHelpers.ThrowHelpers.ThrowOverflowException();
        return (int)value;
    }

    private static uint ConvertToUInt32Checked(double value)
    {
        if (!(value > -1.0 && value < 4294967296.0))
            Internal.Runtime.CompilerHelpers.ThrowHelpers.ThrowOverflowException();
        return (uint)value;
    }

    private static long ConvertToInt64Checked(double value)
    {
        if (!(value >= -9223372036854775808.0 && value < 9223372036854775808.0))
            Internal.Runtime.CompilerHelpers.ThrowHelpers.ThrowOverflowException();
        return (long)value;
    }

    private static ulong ConvertToUInt64Checked(double value)
    {
        if (!(value > -1.0 && value < 18446744073709551616.0))
            Internal.Runtime.CompilerHelpers.ThrowHelpers.ThrowOverflowException();
        return (ulong)value;
    }
}
