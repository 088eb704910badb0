// Block copies; BulkMoveWithWriteBarrier is looked up by the compiler (a plain move: there is no GC).
using System.Runtime.CompilerServices;

namespace System;

public static class Buffer
{
    public static unsafe void MemoryCopy(void* source, void* destination, long destinationSizeInBytes, long sourceBytesToCopy)
    {
        if (sourceBytesToCopy > destinationSizeInBytes)
            Internal.Runtime.CompilerHelpers.ThrowHelpers.ThrowArgumentOutOfRangeException();
        SpanHelpers.Memmove(ref *(byte*)destination, ref *(byte*)source, (nuint)sourceBytesToCopy);
    }

    internal static void Memmove<T>(ref T destination, ref T source, nuint elementCount)
    {
        SpanHelpers.Memmove(ref Unsafe.As<T, byte>(ref destination), ref Unsafe.As<T, byte>(ref source), elementCount * (nuint)Unsafe.SizeOf<T>());
    }

    internal static void BulkMoveWithWriteBarrier(ref byte destination, ref byte source, nuint byteCount)
    {
        SpanHelpers.Memmove(ref destination, ref source, byteCount);
    }
}
