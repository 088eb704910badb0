// The bring-up heap: a bump allocator over the RAM after the image, sealed once bring-up is done.
using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Internal.Runtime;

namespace Nano.Runtime;

/// <summary>
/// Every <c>new</c> (and <see cref="System.Runtime.InteropServices.NativeMemory"/>) bumps a pointer; nothing is
/// ever freed. Firmware allocates its pools during bring-up, then calls <see cref="Seal"/>: any allocation
/// after that is a bug and stops the machine (even inside Recovery.Run) with
/// "PANIC: allocation after Heap.Seal(): &lt;TypeName&gt;" and exit code 2.
/// </summary>
public static unsafe class Heap
{
    private static nuint s_next;
    private static nuint s_end;
    private static nuint s_start;
    private static bool s_sealed;
    private static long s_objects;

    // Volatile reads: the JIT knows allocation helpers do not write user statics, so it would
    // otherwise reuse a counter read from before an allocation.

    /// <summary>Bytes handed out so far (objects, arrays, raw blocks, alignment padding).</summary>
    public static long BytesAllocated => (long)(Volatile.Read(ref s_next) - s_start);

    /// <summary>Objects and arrays allocated so far (raw blocks are not objects).</summary>
    public static long ObjectsAllocated => Volatile.Read(ref s_objects);

    /// <summary>Bytes still available.</summary>
    public static long BytesFree => (long)(s_end - Volatile.Read(ref s_next));

    /// <summary>Total size of the heap region.</summary>
    public static long Capacity => (long)(s_end - s_start);

    /// <summary>True after <see cref="Seal"/>.</summary>
    public static bool IsSealed => Volatile.Read(ref s_sealed);

    /// <summary>Forbids every further allocation (one-way).</summary>
    public static void Seal() => Volatile.Write(ref s_sealed, true);

    /// <summary>
    /// Board bring-up only: moves the end of the heap region to <paramref name="end"/> (the end of RAM the
    /// device tree reports, which may be more or less than the board's guaranteed minimum). Ignored after
    /// <see cref="Seal"/> and never below what is already allocated. Returns whether it took effect.
    /// </summary>
    public static bool SetEnd(ulong end)
    {
        if (s_sealed || end < s_next || end > nuint.MaxValue)
            return false;
        s_end = (nuint)end;
        return true;
    }

    internal static void Initialize()
    {
        byte* end;
        byte* start = NativeShim.HeapBounds(&end);
        s_start = s_next = ((nuint)start + 15) & ~(nuint)15;
        s_end = (nuint)end;
    }

    /// <summary>Allocates a zeroed managed object of <paramref name="size"/> bytes; returns its address.</summary>
    internal static byte* AllocateObjectMemory(MethodTable* type, nuint size)
    {
        // An exception is allocated only to be thrown, and a throw is a panic that reports it: let it
        // through so the panic names the exception and its message rather than the seal.
        if (IsSealed && !TypeNames.IsException(type))
            AllocationAfterSeal(type);
        byte* memory = Bump(size, 8, type);
        *(MethodTable**)memory = type;
        Interlocked.Increment(ref s_objects);
        return memory;
    }

    /// <summary>Allocates a zeroed managed object of <paramref name="size"/> bytes.</summary>
    internal static object AllocateObject(MethodTable* type, nuint size) => AsObject(AllocateObjectMemory(type, size));

    /// <summary>Allocates a zeroed array: <paramref name="size"/> bytes, element count after the MethodTable.</summary>
    internal static object AllocateArray(MethodTable* type, nuint size, int length)
    {
        byte* memory = AllocateObjectMemory(type, size);
        *(int*)(memory + sizeof(nint)) = length;
        return AsObject(memory);
    }

    // An object reference is the object's address (no GC, no handles).
    private static object AsObject(byte* memory)
    {
        nint address = (nint)memory;
        return Unsafe.As<nint, object>(ref address);
    }

    /// <summary>A zeroed raw block (for DMA rings and buffers); counted in <see cref="BytesAllocated"/>.</summary>
    internal static void* AllocateRaw(nuint size, nuint alignment)
    {
        if (IsSealed)
            AllocationAfterSeal(null);
        return Bump(size, alignment, null);
    }

    // Claims [start, start + size) with a compare-exchange on the bump pointer, so an interrupt handler
    // allocating (before the seal) between the thread's read of s_next and its update gets a block of its
    // own instead of the same one: the loser of the race sees a new s_next and claims again.
    private static byte* Bump(nuint size, nuint alignment, MethodTable* type)
    {
        if (alignment == 0 || (alignment & (alignment - 1)) != 0)
            Panic.Fail("heap: alignment is not a power of two");
        ref ulong next = ref Unsafe.As<nuint, ulong>(ref s_next);
        nuint current = (nuint)Volatile.Read(ref next);
        nuint start;
        while (true)
        {
            start = (current + alignment - 1) & ~(alignment - 1);
            if (start < current || start > s_end || size > s_end - start)
                OutOfMemory(type, size);
            nuint claimedEnd = (start + size + 7) & ~(nuint)7;
            nuint observed = (nuint)Interlocked.CompareExchange(ref next, claimedEnd, current);
            if (observed == current)
                break;
            current = observed;
        }
        System.SpanHelpers.ClearWithoutReferences(ref *(byte*)start, size);
        return (byte*)start;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AllocationAfterSeal(MethodTable* type)
    {
        Panic.WriteHeaderStart("allocation after Heap.Seal(): ");
        if (type is null)
            Panic.WriteRaw("raw memory block");
        else
            TypeNames.Write(type);
        Panic.WriteRaw("\n");
        Panic.WriteDetail("type", (ulong)type);
        Panic.WriteDetail("bytes allocated", (ulong)BytesAllocated);
        // Not escapable: the sealed-heap invariant is the whole firmware's, not one test's.
        NativeShim.PowerExit(Panic.ExitCode);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void OutOfMemory(MethodTable* type, nuint size)
    {
        Panic.WriteHeaderStart("out of memory: ");
        if (type is null)
            Panic.WriteRaw("raw memory block");
        else
            TypeNames.Write(type);
        Panic.WriteRaw("\n");
        Panic.WriteDetail("requested", size);
        Panic.WriteDetail("free", (ulong)BytesFree);
        Panic.Stop();
    }
}
