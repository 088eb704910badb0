// The root of the type hierarchy; its layout is a contract with ilc.
using System.Runtime.CompilerServices;

namespace System;

/// <summary>The base of every reference type.</summary>
public class Object
{
    // Layout contract with the compiler: the first pointer-sized slot of every object is its MethodTable.
    internal unsafe Internal.Runtime.MethodTable* m_pMethodTable;

    public Object() { }

    // The MethodTable pointer, read through the object's address.
    internal unsafe Internal.Runtime.MethodTable* GetMethodTable()
    {
        object self = this;
        return **(Internal.Runtime.MethodTable***)Unsafe.AsPointer(ref self);
    }

    /// <summary>Reference equality (there is no reflection to compare fields).</summary>
    public virtual bool Equals(object? obj) => ReferenceEquals(this, obj);

    /// <summary>Derived from the object's address: objects never move (no garbage collector).</summary>
    public virtual unsafe int GetHashCode()
    {
        object self = this;
        nint address = *(nint*)Unsafe.AsPointer(ref self);
        return (int)address ^ (int)((long)address >> 32);
    }

    public static bool ReferenceEquals(object? objA, object? objB) => objA == objB;

    public static bool Equals(object? objA, object? objB)
    {
        if (objA == objB) return true;
        if (objA is null || objB is null) return false;
        return objA.Equals(objB);
    }

}
