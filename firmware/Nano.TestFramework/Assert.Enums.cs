// Assert.AreEqual / AreNotEqual for enums (status codes, register fields) without boxing: the values
// are compared and printed as their underlying integers, since the image carries no enum names.
// 4- and 8-byte enums print signed (status codes are often negative), 1- and 2-byte ones unsigned
// (wire and register fields).
using System;
using System.Runtime.CompilerServices;

namespace Nano.TestFramework;

public static partial class Assert
{
    public static void AreEqual<TEnum>(TEnum expected, TEnum actual, string? message = null, [CallerArgumentExpression(nameof(actual))] string? actualExpression = null)
        where TEnum : struct, Enum
    {
        long e = Underlying(ref expected), a = Underlying(ref actual);
        if (e != a)
            FailSignedNotEqual(e, a, message, actualExpression);
    }

    public static void AreNotEqual<TEnum>(TEnum notExpected, TEnum actual, string? message = null, [CallerArgumentExpression(nameof(actual))] string? actualExpression = null)
        where TEnum : struct, Enum
    {
        long n = Underlying(ref notExpected), a = Underlying(ref actual);
        if (n == a)
            FailSignedEqual(a, message, actualExpression);
    }

    private static long Underlying<TEnum>(ref TEnum value) where TEnum : struct, Enum => Unsafe.SizeOf<TEnum>() switch
    {
        1 => Unsafe.As<TEnum, byte>(ref value),
        2 => Unsafe.As<TEnum, ushort>(ref value),
        4 => Unsafe.As<TEnum, int>(ref value),
        _ => Unsafe.As<TEnum, long>(ref value),
    };
}
