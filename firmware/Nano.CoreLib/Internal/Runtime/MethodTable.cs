// The compiler's per-type descriptor (the part of its layout this runtime reads).
using System;
namespace Internal.Runtime;

internal unsafe struct MethodTable
{
    // ILCompiler 10 layout: flags (low 16 bits = component size when HasComponentSize), base size,
    // related type (base class, or element type of an array), vtable slot and interface counts, hash.
    internal uint _uFlags;
    internal uint _uBaseSize;
    internal MethodTable* _relatedType;
    internal ushort _usNumVtableSlots;
    internal ushort _usNumInterfaces;
    internal uint _uHashCode;

    private const uint HasComponentSizeFlag = 0x80000000;
    private const uint KindMask = 0x00030000;
    private const uint ParameterizedKind = 0x00020000;
    private const uint IsInterfaceFlag = 0x00040000;

    public bool HasComponentSize => (_uFlags & HasComponentSizeFlag) != 0;

    public ushort ComponentSize => HasComponentSize ? (ushort)_uFlags : (ushort)0;

    public uint BaseSize => _uBaseSize;

    /// <summary>Arrays and pointers: their related type is the element type, not a base class.</summary>
    public bool IsParameterized => (_uFlags & KindMask) == ParameterizedKind;

    public bool IsInterface => (_uFlags & IsInterfaceFlag) != 0;

    public MethodTable* RelatedType => _relatedType;

    /// <summary>The interface map follows the fixed header and the vtable.</summary>
    public MethodTable** InterfaceMap
    {
        get
        {
            fixed (MethodTable* self = &this)
                return (MethodTable**)((byte*)self + sizeof(MethodTable) + _usNumVtableSlots * sizeof(nint));
        }
    }
}
