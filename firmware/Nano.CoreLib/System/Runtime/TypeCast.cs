// Casts and reference-array stores, called by generated code (looked up by name). Without reflection
// data this walks the MethodTable chain: exact match, base classes, then the interface map.
// Not inlinable: folded into a caller at compile time they have been seen to pass casts that fail.
using Internal.Runtime;
using Internal.Runtime.CompilerHelpers;
using System.Runtime.CompilerServices;

namespace System.Runtime;

internal static unsafe class TypeCast
{
    private static bool IsAssignable(MethodTable* objectType, MethodTable* target)
    {
        if (objectType == target)
            return true;
        if (target->IsInterface)
        {
            MethodTable** interfaces = objectType->InterfaceMap;
            for (int i = 0; i < objectType->_usNumInterfaces; i++)
            {
                if (interfaces[i] == target)
                    return true;
            }
            return false;
        }
        // Arrays relate to their element type, not to a base class: only an exact match counts.
        if (objectType->IsParameterized)
            return false;
        for (MethodTable* type = objectType->RelatedType; type is not null; type = type->RelatedType)
        {
            if (type == target)
                return true;
        }
        return false;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static object? IsInstanceOfAny(MethodTable* targetType, object? obj)
        => obj is null || IsAssignable(obj.GetMethodTable(), targetType) ? obj : null;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static object? IsInstanceOfInterface(MethodTable* targetType, object? obj) => IsInstanceOfAny(targetType, obj);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static object? IsInstanceOfClass(MethodTable* targetType, object? obj) => IsInstanceOfAny(targetType, obj);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool IsInstanceOfException(MethodTable* targetType, object? obj)
        => obj is not null && IsAssignable(obj.GetMethodTable(), targetType);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static object? CheckCastAny(MethodTable* targetType, object? obj)
    {
        if (obj is not null && !IsAssignable(obj.GetMethodTable(), targetType))
            ThrowHelpers.ThrowInvalidCastException();
        return obj;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static object? CheckCastInterface(MethodTable* targetType, object? obj) => CheckCastAny(targetType, obj);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static object? CheckCastClass(MethodTable* targetType, object? obj) => CheckCastAny(targetType, obj);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static object? CheckCastClassSpecial(MethodTable* targetType, object? obj) => CheckCastAny(targetType, obj);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void StelemRef(object?[] array, nint index, object? obj)
    {
        if ((nuint)index >= (uint)array.Length)
            ThrowHelpers.ThrowIndexOutOfRangeException();
        ref object? element = ref Unsafe.As<byte, object?>(ref Unsafe.AddByteOffset(ref array.GetArrayDataReference(), index * sizeof(nint)));
        if (obj is not null)
        {
            MethodTable* elementType = array.GetMethodTable()->RelatedType;
            if (obj.GetMethodTable() != elementType && !IsAssignable(obj.GetMethodTable(), elementType))
                ThrowHelpers.ThrowArrayTypeMismatchException();
        }
        element = obj;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ref object? LdelemaRef(object?[] array, nint index, MethodTable* elementType)
    {
        if ((nuint)index >= (uint)array.Length)
            ThrowHelpers.ThrowIndexOutOfRangeException();
        if (array.GetMethodTable()->RelatedType != elementType)
            ThrowHelpers.ThrowArrayTypeMismatchException();
        return ref Unsafe.As<byte, object?>(ref Unsafe.AddByteOffset(ref array.GetArrayDataReference(), index * sizeof(nint)));
    }
}
