// Arrays: the element count is the first field (layout contract with ilc); Array<T> backs T[].
using System.Runtime.CompilerServices;

namespace System;

public abstract class Array
{
    // Layout contract with the compiler: the element count, then padding on 64-bit, then the elements.
    private readonly int _numComponents;

    public int Length => _numComponents;

    /// <summary>Zeroes a range of elements.</summary>
    public static unsafe void Clear(Array array, int index, int length)
    {
        if (array is null)
            Internal.Runtime.CompilerHelpers.ThrowHelpers.ThrowNullReferenceException();
        if ((uint)index > (uint)array._numComponents || (uint)length > (uint)(array._numComponents - index))
            Internal.Runtime.CompilerHelpers.ThrowHelpers.ThrowArgumentOutOfRangeException();
        nuint elementSize = array.GetMethodTable()->ComponentSize;
        ref byte start = ref Unsafe.AddByteOffset(ref array.GetArrayDataReference(), (nuint)(uint)index * elementSize);
        SpanHelpers.ClearWithoutReferences(ref start, (nuint)(uint)length * elementSize);
    }

    // Elements start right after the count and its padding (one pointer-size past the length field).
    internal unsafe ref byte GetArrayDataReference()
        => ref Unsafe.AddByteOffset(ref Unsafe.As<int, byte>(ref Unsafe.AsRef(in _numComponents)), (nuint)sizeof(nint));
}

// The compiler's template for T[] (looked up by name).
internal class Array<T> : Array
{
}
