// Handles ilc produces for ldtoken; each carries one pointer (empty structs break compile-time
// static-constructor evaluation and array initializers).
namespace System;

public struct RuntimeTypeHandle
{
    private nint _value;
}

public struct RuntimeMethodHandle
{
    private nint _value;
}

public struct RuntimeFieldHandle
{
    private nint _value;
}
