// Interop attributes: DllImport("*") becomes a direct call into the native shim; SuppressGCTransition
// drops the (no-op) transition calls; UnmanagedCallersOnly(EntryPoint) exports a method under that symbol.
namespace System.Runtime.InteropServices;

[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class DllImportAttribute : Attribute
{
    public DllImportAttribute(string dllName) { Value = dllName; }
    public string Value { get; }
    public string? EntryPoint;
    public CharSet CharSet;
    public bool SetLastError;
    public bool ExactSpelling;
    public CallingConvention CallingConvention;
    public bool BestFitMapping;
    public bool PreserveSig;
    public bool ThrowOnUnmappableChar;
}

[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class UnmanagedCallersOnlyAttribute : Attribute
{
    public UnmanagedCallersOnlyAttribute() { }
    public string? EntryPoint;
}

[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class SuppressGCTransitionAttribute : Attribute { }

public enum CallingConvention
{
    Winapi = 1,
    Cdecl = 2,
    StdCall = 3,
    ThisCall = 4,
    FastCall = 5,
}

public enum CharSet
{
    None = 1,
    Ansi = 2,
    Unicode = 3,
    Auto = 4,
}

[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false)]
public sealed class StructLayoutAttribute : Attribute
{
    public StructLayoutAttribute(LayoutKind layoutKind) { Value = layoutKind; }
    public StructLayoutAttribute(short layoutKind) { Value = (LayoutKind)layoutKind; }
    public LayoutKind Value { get; }
    public int Pack;
    public int Size;
    public CharSet CharSet;
}

public enum LayoutKind
{
    Sequential = 0,
    Explicit = 2,
    Auto = 3,
}

[AttributeUsage(AttributeTargets.Field, Inherited = false)]
public sealed class FieldOffsetAttribute : Attribute
{
    public FieldOffsetAttribute(int offset) { Value = offset; }
    public int Value { get; }
}

[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class InAttribute : Attribute { }

[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class OutAttribute : Attribute { }

[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Method | AttributeTargets.Field | AttributeTargets.ReturnValue, Inherited = false)]
public sealed class OptionalAttribute : Attribute { }

/// <summary>Marshalling kinds (the compiler needs the type for the <c>unmanaged</c> constraint).</summary>
public enum UnmanagedType
{
    Bool = 0x2,
    I1 = 0x3,
    U1 = 0x4,
    I2 = 0x5,
    U2 = 0x6,
    I4 = 0x7,
    U4 = 0x8,
    I8 = 0x9,
    U8 = 0xa,
    SysInt = 0x1f,
    SysUInt = 0x20,
    LPStr = 0x14,
    LPWStr = 0x15,
}
