// String: immutable UTF-16 text. Literals are emitted ready-made by ilc; nothing here allocates.
using System.Runtime.CompilerServices;
using System.Reflection;

namespace System;

public sealed class String
{
    // Layout contract with the compiler: int length, then the characters (NUL-terminated in literals).
    private readonly int _stringLength;
    private char _firstChar;

    public static readonly string Empty = "";

    public int Length => _stringLength;

    [IndexerName("Chars")]
    public char this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_stringLength)
                Internal.Runtime.CompilerHelpers.ThrowHelpers.ThrowIndexOutOfRangeException();
            return Unsafe.Add(ref _firstChar, (nint)(uint)index);
        }
    }

    /// <summary>For <c>fixed (char* p = text)</c>.</summary>
    public ref readonly char GetPinnableReference() => ref _firstChar;

    internal ref char GetRawStringData() => ref _firstChar;

    public static bool IsNullOrEmpty(string? value) => value is null || value.Length == 0;

    public bool Equals(string? value) => Equals(this, value);

    public override bool Equals(object? obj) => obj is string other && Equals(this, other);

    public override int GetHashCode()
    {
        // FNV-1a over the UTF-16 code units: stable and allocation-free.
        uint hash = 2166136261;
        for (int i = 0; i < _stringLength; i++)
            hash = (hash ^ this[i]) * 16777619;
        return (int)hash;
    }

    public static bool Equals(string? a, string? b)
    {
        if ((object?)a == b) return true;
        if (a is null || b is null || a.Length != b.Length) return false;
        return new ReadOnlySpan<char>(ref a._firstChar, a.Length).SequenceEqual(new ReadOnlySpan<char>(ref b._firstChar, b.Length));
    }

    public static bool operator ==(string? a, string? b) => Equals(a, b);

    public static bool operator !=(string? a, string? b) => !Equals(a, b);

    public static implicit operator ReadOnlySpan<char>(string? value)
        => value is null ? default : new ReadOnlySpan<char>(ref value._firstChar, value._stringLength);
}
