// Atomic read-modify-write operations. The JIT expands these [Intrinsic] methods inline (exclusive
// load/store loops on ARMv8.0); the bodies are the fallback, implemented in the native shim.
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace System.Threading;

public static unsafe class Interlocked
{
    [Intrinsic]
    public static int CompareExchange(ref int location1, int value, int comparand)
        => NativeCompareExchange32((int*)Unsafe.AsPointer(ref location1), value, comparand);

    [Intrinsic]
    public static uint CompareExchange(ref uint location1, uint value, uint comparand)
        => (uint)NativeCompareExchange32((int*)Unsafe.AsPointer(ref location1), (int)value, (int)comparand);

    [Intrinsic]
    public static long CompareExchange(ref long location1, long value, long comparand)
        => NativeCompareExchange64((long*)Unsafe.AsPointer(ref location1), value, comparand);

    [Intrinsic]
    public static ulong CompareExchange(ref ulong location1, ulong value, ulong comparand)
        => (ulong)NativeCompareExchange64((long*)Unsafe.AsPointer(ref location1), (long)value, (long)comparand);

    [Intrinsic]
    public static int Exchange(ref int location1, int value)
        => NativeExchange32((int*)Unsafe.AsPointer(ref location1), value);

    [Intrinsic]
    public static uint Exchange(ref uint location1, uint value)
        => (uint)NativeExchange32((int*)Unsafe.AsPointer(ref location1), (int)value);

    [Intrinsic]
    public static long Exchange(ref long location1, long value)
        => NativeExchange64((long*)Unsafe.AsPointer(ref location1), value);

    [Intrinsic]
    public static ulong Exchange(ref ulong location1, ulong value)
        => (ulong)NativeExchange64((long*)Unsafe.AsPointer(ref location1), (long)value);

    [Intrinsic]
    public static int ExchangeAdd(ref int location1, int value)
        => NativeExchangeAdd32((int*)Unsafe.AsPointer(ref location1), value);

    [Intrinsic]
    public static long ExchangeAdd(ref long location1, long value)
        => NativeExchangeAdd64((long*)Unsafe.AsPointer(ref location1), value);

    public static int Add(ref int location1, int value) => ExchangeAdd(ref location1, value) + value;
    public static uint Add(ref uint location1, uint value) => (uint)Add(ref Unsafe.As<uint, int>(ref location1), (int)value);
    public static long Add(ref long location1, long value) => ExchangeAdd(ref location1, value) + value;
    public static ulong Add(ref ulong location1, ulong value) => (ulong)Add(ref Unsafe.As<ulong, long>(ref location1), (long)value);

    public static int Increment(ref int location) => Add(ref location, 1);
    public static uint Increment(ref uint location) => Add(ref location, 1u);
    public static long Increment(ref long location) => Add(ref location, 1L);
    public static ulong Increment(ref ulong location) => Add(ref location, 1UL);

    public static int Decrement(ref int location) => Add(ref location, -1);
    public static uint Decrement(ref uint location) => (uint)Add(ref Unsafe.As<uint, int>(ref location), -1);
    public static long Decrement(ref long location) => Add(ref location, -1L);
    public static ulong Decrement(ref ulong location) => (ulong)Add(ref Unsafe.As<ulong, long>(ref location), -1L);

    public static int Or(ref int location1, int value)
    {
        int current = location1;
        while (true)
        {
            int observed = CompareExchange(ref location1, current | value, current);
            if (observed == current)
                return observed;
            current = observed;
        }
    }

    public static uint Or(ref uint location1, uint value) => (uint)Or(ref Unsafe.As<uint, int>(ref location1), (int)value);

    public static int And(ref int location1, int value)
    {
        int current = location1;
        while (true)
        {
            int observed = CompareExchange(ref location1, current & value, current);
            if (observed == current)
                return observed;
            current = observed;
        }
    }

    public static uint And(ref uint location1, uint value) => (uint)And(ref Unsafe.As<uint, int>(ref location1), (int)value);

    /// <summary>Full barrier (dmb ish).</summary>
    [Intrinsic]
    public static void MemoryBarrier() => NativeMemoryBarrier();

    [DllImport("*", EntryPoint = "nano_atomic_cas32"), SuppressGCTransition]
    private static extern int NativeCompareExchange32(int* location, int value, int comparand);

    [DllImport("*", EntryPoint = "nano_atomic_cas64"), SuppressGCTransition]
    private static extern long NativeCompareExchange64(long* location, long value, long comparand);

    [DllImport("*", EntryPoint = "nano_atomic_swap32"), SuppressGCTransition]
    private static extern int NativeExchange32(int* location, int value);

    [DllImport("*", EntryPoint = "nano_atomic_swap64"), SuppressGCTransition]
    private static extern long NativeExchange64(long* location, long value);

    [DllImport("*", EntryPoint = "nano_atomic_add32"), SuppressGCTransition]
    private static extern int NativeExchangeAdd32(int* location, int value);

    [DllImport("*", EntryPoint = "nano_atomic_add64"), SuppressGCTransition]
    private static extern long NativeExchangeAdd64(long* location, long value);

    [DllImport("*", EntryPoint = "nano_barrier_full"), SuppressGCTransition]
    private static extern void NativeMemoryBarrier();
}
