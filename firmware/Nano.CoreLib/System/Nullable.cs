// Nullable<T>: a value plus a flag; .Value on an empty one panics instead of throwing.
using System.Runtime.CompilerServices;

namespace System;

public struct Nullable<T> where T : struct
{
    private readonly bool hasValue;
    internal T value;

    public Nullable(T value)
    {
        this.value = value;
        hasValue = true;
    }

    public readonly bool HasValue => hasValue;

    public readonly T Value
    {
        get
        {
            if (!hasValue)
                Internal.Runtime.CompilerHelpers.ThrowHelpers.ThrowInvalidOperationException_NoValue();
            return value;
        }
    }

    public readonly T GetValueOrDefault() => value;

    public readonly T GetValueOrDefault(T defaultValue) => hasValue ? value : defaultValue;

    public static implicit operator Nullable<T>(T value) => new Nullable<T>(value);

    public static explicit operator T(Nullable<T> value) => value!.Value;
}
