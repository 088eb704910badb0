// UIntPtr (nuint): a pointer-sized unsigned integer.
namespace System;

public readonly unsafe struct UIntPtr
{
    private readonly void* _value;

    public static readonly nuint Zero;

    public UIntPtr(uint value) { _value = (void*)value; }
    public UIntPtr(ulong value) { _value = (void*)value; }
    public UIntPtr(void* value) { _value = value; }

    public static int Size => sizeof(nuint);
    public static nuint MaxValue => unchecked((nuint)0xFFFFFFFFFFFFFFFF);
    public static nuint MinValue => 0;

    public bool Equals(nuint other) => (nuint)_value == other;
    public void* ToPointer() => _value;
    public uint ToUInt32() => (uint)(nuint)_value;
    public ulong ToUInt64() => (nuint)_value;

    public static explicit operator nuint(uint value) => new UIntPtr(value);
    public static explicit operator nuint(ulong value) => new UIntPtr(value);
    public static explicit operator nuint(void* value) => new UIntPtr(value);
    public static explicit operator void*(nuint value) => value._value;
    public static explicit operator uint(nuint value) => (uint)(ulong)value._value;
    public static explicit operator ulong(nuint value) => (ulong)value._value;

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider? provider = null)
        => Number.TryFormatUnsigned((ulong)(nuint)_value, destination, out charsWritten, format);
}
