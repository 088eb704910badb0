// IntPtr (nint): a pointer-sized signed integer.
namespace System;

public readonly unsafe struct IntPtr
{
    private readonly void* _value;

    public static readonly nint Zero;

    public IntPtr(int value) { _value = (void*)value; }
    public IntPtr(long value) { _value = (void*)value; }
    public IntPtr(void* value) { _value = value; }

    public static int Size => sizeof(nint);
    public static nint MaxValue => unchecked((nint)0x7FFFFFFFFFFFFFFF);
    public static nint MinValue => unchecked((nint)0x8000000000000000);

    public bool Equals(nint other) => (nint)_value == other;
    public void* ToPointer() => _value;
    public int ToInt32() => (int)(nint)_value;
    public long ToInt64() => (nint)_value;

    public static explicit operator nint(int value) => new IntPtr(value);
    public static explicit operator nint(long value) => new IntPtr(value);
    public static explicit operator nint(void* value) => new IntPtr(value);
    public static explicit operator void*(nint value) => value._value;
    public static explicit operator int(nint value) => (int)(long)value._value;
    public static explicit operator long(nint value) => (long)value._value;

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider? provider = null)
        => Number.TryFormatSigned((long)(nint)_value, 64, destination, out charsWritten, format);
}
