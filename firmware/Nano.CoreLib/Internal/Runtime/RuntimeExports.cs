// The runtime entry points generated code calls: allocation, (no-op) GC transitions, throw/fail-fast.
using System;
using System.Runtime;
using Nano.Runtime;

namespace Internal.Runtime;

internal static unsafe class RuntimeExports
{
    // ---- Allocation -------------------------------------------------------------------------

    [RuntimeExport("RhpNewFast")]
    private static object RhpNewFast(MethodTable* type) => Heap.AllocateObject(type, type->BaseSize);

    [RuntimeExport("RhpNewFinalizable")]
    private static object RhpNewFinalizable(MethodTable* type) => Heap.AllocateObject(type, type->BaseSize);

    [RuntimeExport("RhpNewArrayFast")]
    private static object RhpNewArrayFast(MethodTable* type, int length) => NewArray(type, length);

    [RuntimeExport("RhpNewPtrArrayFast")]
    private static object RhpNewPtrArrayFast(MethodTable* type, int length) => NewArray(type, length);

    [RuntimeExport("RhpNewArray")]
    private static object RhpNewArray(MethodTable* type, int length) => NewArray(type, length);

    [RuntimeExport("RhNewString")]
    private static object RhNewString(MethodTable* type, int length) => NewArray(type, length);

    private static object NewArray(MethodTable* type, int length)
    {
        if (length < 0)
            Panic.Fail("array with a negative length");
        ulong size = (ulong)type->BaseSize + (ulong)type->ComponentSize * (uint)length;
        if (size > int.MaxValue)
            Panic.Fail("array too large");
        return Heap.AllocateArray(type, (nuint)size, length);
    }

    // ---- Transitions: no GC, no threads: nothing to do ---------------------------------------

    [RuntimeExport("RhpPInvoke")]
    private static void RhpPInvoke(void* frame) { }

    [RuntimeExport("RhpPInvokeReturn")]
    private static void RhpPInvokeReturn(void* frame) { }

    [RuntimeExport("RhpReversePInvoke")]
    private static void RhpReversePInvoke(void* frame) { }

    [RuntimeExport("RhpReversePInvokeReturn")]
    private static void RhpReversePInvokeReturn(void* frame) { }

    [RuntimeExport("RhpGcPoll")]
    private static void RhpGcPoll() { }

    // ---- Failure ----------------------------------------------------------------------------

    [RuntimeExport("RhpFallbackFailFast")]
    private static void RhpFallbackFailFast() => Panic.Fail("fail-fast");

    [RuntimeExport("RhpThrowEx")]
    private static void RhpThrowEx(object exception)
    {
        Panic.WriteHeaderStart("exception thrown: ");
        if (exception is null)
            Panic.WriteRaw("null");
        else
            TypeNames.Write(exception.GetMethodTable());
        Panic.WriteRaw("\n");
        if (exception is Exception thrown)
            Panic.WriteDetail("message", thrown.Message);
        Panic.WriteDetail("return address", (ulong)NativeShim.CallerReturnAddress());
        Panic.Stop();
    }

    [RuntimeExport("RhpRethrow")]
    private static void RhpRethrow() => Panic.Fail("exception rethrown");

    [RuntimeExport("RhpThrowHwEx")]
    private static void RhpThrowHwEx(int exceptionCode, nuint faultingAddress) => Panic.Fail("hardware exception");
}
