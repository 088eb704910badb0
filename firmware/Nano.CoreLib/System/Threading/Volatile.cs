// Volatile reads (acquire) and writes (release): the volatile field modifier makes the JIT emit
// ordered loads/stores (ldar/stlr or dmb), exactly as .NET's own Volatile does.
using System.Runtime.CompilerServices;

namespace System.Threading;

public static class Volatile
{
    private struct VolatileByte { public volatile byte Value; }
    private struct VolatileBoolean { public volatile bool Value; }
    private struct VolatileUInt16 { public volatile ushort Value; }
    private struct VolatileInt32 { public volatile int Value; }
    private struct VolatileUInt32 { public volatile uint Value; }
    private struct VolatileIntPtr { public volatile nint Value; }
    private struct VolatileUIntPtr { public volatile nuint Value; }
    private struct VolatileObject { public volatile object? Value; }

    public static bool Read(ref readonly bool location) => Unsafe.As<bool, VolatileBoolean>(ref Unsafe.AsRef(in location)).Value;
    public static byte Read(ref readonly byte location) => Unsafe.As<byte, VolatileByte>(ref Unsafe.AsRef(in location)).Value;
    public static ushort Read(ref readonly ushort location) => Unsafe.As<ushort, VolatileUInt16>(ref Unsafe.AsRef(in location)).Value;
    public static int Read(ref readonly int location) => Unsafe.As<int, VolatileInt32>(ref Unsafe.AsRef(in location)).Value;
    public static uint Read(ref readonly uint location) => Unsafe.As<uint, VolatileUInt32>(ref Unsafe.AsRef(in location)).Value;
    // 64-bit: a volatile nint is the same width on AArch64.
    public static long Read(ref readonly long location) => Unsafe.As<long, VolatileIntPtr>(ref Unsafe.AsRef(in location)).Value;
    public static ulong Read(ref readonly ulong location) => Unsafe.As<ulong, VolatileUIntPtr>(ref Unsafe.AsRef(in location)).Value;
    public static nint Read(ref readonly nint location) => Unsafe.As<nint, VolatileIntPtr>(ref Unsafe.AsRef(in location)).Value;
    public static nuint Read(ref readonly nuint location) => Unsafe.As<nuint, VolatileUIntPtr>(ref Unsafe.AsRef(in location)).Value;
    public static T Read<T>(ref readonly T location) where T : class?
        => Unsafe.As<T>(Unsafe.As<T, VolatileObject>(ref Unsafe.AsRef(in location)).Value);

    public static void Write(ref bool location, bool value) => Unsafe.As<bool, VolatileBoolean>(ref location).Value = value;
    public static void Write(ref byte location, byte value) => Unsafe.As<byte, VolatileByte>(ref location).Value = value;
    public static void Write(ref ushort location, ushort value) => Unsafe.As<ushort, VolatileUInt16>(ref location).Value = value;
    public static void Write(ref int location, int value) => Unsafe.As<int, VolatileInt32>(ref location).Value = value;
    public static void Write(ref uint location, uint value) => Unsafe.As<uint, VolatileUInt32>(ref location).Value = value;
    public static void Write(ref long location, long value) => Unsafe.As<long, VolatileIntPtr>(ref location).Value = (nint)value;
    public static void Write(ref ulong location, ulong value) => Unsafe.As<ulong, VolatileUIntPtr>(ref location).Value = (nuint)value;
    public static void Write(ref nint location, nint value) => Unsafe.As<nint, VolatileIntPtr>(ref location).Value = value;
    public static void Write(ref nuint location, nuint value) => Unsafe.As<nuint, VolatileUIntPtr>(ref location).Value = value;
    public static void Write<T>(ref T location, T value) where T : class?
        => Unsafe.As<T, VolatileObject>(ref location).Value = value;
}
