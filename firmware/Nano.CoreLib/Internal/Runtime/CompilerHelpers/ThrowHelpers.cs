// The JIT's throw helpers: with no exception support each one is a panic naming what went wrong and
using System;
// where (the return address into the method that failed).
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Nano.Runtime;

namespace Internal.Runtime.CompilerHelpers;

// Deliberately absent: ThrowInvalidProgramExceptionWithArgument and its siblings. With them present,
// ilc silently replaces a method it cannot compile by one that fails at run time.
internal static class ThrowHelpers
{
    [MethodImpl(MethodImplOptions.NoInlining), DoesNotReturn]
    public static void ThrowOverflowException() => Fail("arithmetic overflow", NativeShim.CallerReturnAddress());

    [MethodImpl(MethodImplOptions.NoInlining), DoesNotReturn]
    public static void ThrowIndexOutOfRangeException() => Fail("index out of range", NativeShim.CallerReturnAddress());

    [MethodImpl(MethodImplOptions.NoInlining), DoesNotReturn]
    public static void ThrowNullReferenceException() => Fail("null reference", NativeShim.CallerReturnAddress());

    [MethodImpl(MethodImplOptions.NoInlining), DoesNotReturn]
    public static void ThrowDivideByZeroException() => Fail("divide by zero", NativeShim.CallerReturnAddress());

    [MethodImpl(MethodImplOptions.NoInlining), DoesNotReturn]
    public static void ThrowArrayTypeMismatchException() => Fail("array type mismatch", NativeShim.CallerReturnAddress());

    [MethodImpl(MethodImplOptions.NoInlining), DoesNotReturn]
    public static void ThrowPlatformNotSupportedException() => Fail("platform not supported", NativeShim.CallerReturnAddress());

    [MethodImpl(MethodImplOptions.NoInlining), DoesNotReturn]
    public static void ThrowNotImplementedException() => Fail("not implemented", NativeShim.CallerReturnAddress());

    [MethodImpl(MethodImplOptions.NoInlining), DoesNotReturn]
    public static void ThrowArgumentException() => Fail("invalid argument", NativeShim.CallerReturnAddress());

    [MethodImpl(MethodImplOptions.NoInlining), DoesNotReturn]
    public static void ThrowArgumentOutOfRangeException() => Fail("argument out of range", NativeShim.CallerReturnAddress());

    [MethodImpl(MethodImplOptions.NoInlining), DoesNotReturn]
    public static void ThrowFeatureBodyRemoved() => Fail("feature removed by the compiler", NativeShim.CallerReturnAddress());

    [MethodImpl(MethodImplOptions.NoInlining), DoesNotReturn]
    internal static void ThrowInvalidCastException() => Fail("invalid cast", NativeShim.CallerReturnAddress());

    [MethodImpl(MethodImplOptions.NoInlining), DoesNotReturn]
    internal static void ThrowArgumentException_DestinationTooShort() => Fail("destination too short", NativeShim.CallerReturnAddress());

    [MethodImpl(MethodImplOptions.NoInlining), DoesNotReturn]
    internal static void ThrowInvalidOperationException_NoValue() => Fail("Nullable object must have a value", NativeShim.CallerReturnAddress());

    [DoesNotReturn]
    private static void Fail(string what, nuint returnAddress)
    {
        Nano.Runtime.Panic.WriteHeader(what);
        Nano.Runtime.Panic.WriteDetail("return address", (ulong)returnAddress);
        Nano.Runtime.Panic.Stop();
        while (true) { }
    }
}
