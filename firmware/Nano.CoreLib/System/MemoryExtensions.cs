// Span extension methods with .NET's names (a small subset; none allocates).
using System.Runtime.CompilerServices;

namespace System;

public static class MemoryExtensions
{
    // The C# compiler lowers the string-to-span conversion to AsSpan(string): build the span here directly.
    public static ReadOnlySpan<char> AsSpan(this string? text)
        => text is null ? default : new ReadOnlySpan<char>(ref text.GetRawStringData(), text.Length);

    public static ReadOnlySpan<char> AsSpan(this string? text, int start) => AsSpan(text).Slice(start);

    public static ReadOnlySpan<char> AsSpan(this string? text, int start, int length) => AsSpan(text).Slice(start, length);

    public static Span<T> AsSpan<T>(this T[]? array) => new Span<T>(array);

    public static Span<T> AsSpan<T>(this T[]? array, int start) => new Span<T>(array).Slice(start);

    public static Span<T> AsSpan<T>(this T[]? array, int start, int length) => new Span<T>(array, start, length);

    /// <summary>Element-wise equality of two spans of an unmanaged type (compared as bytes).</summary>
    public static bool SequenceEqual<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> other) where T : unmanaged
    {
        if (span.Length != other.Length)
            return false;
        nuint byteCount = (nuint)(uint)span.Length * (nuint)Unsafe.SizeOf<T>();
        return SpanHelpers.SequenceEqual(ref Unsafe.As<T, byte>(ref span._reference), ref Unsafe.As<T, byte>(ref other._reference), byteCount);
    }

    public static bool SequenceEqual<T>(this Span<T> span, ReadOnlySpan<T> other) where T : unmanaged
        => SequenceEqual((ReadOnlySpan<T>)span, other);

    public static int IndexOf(this ReadOnlySpan<byte> span, byte value)
    {
        for (int i = 0; i < span.Length; i++)
        {
            if (span[i] == value)
                return i;
        }
        return -1;
    }

    public static int IndexOf(this ReadOnlySpan<char> span, char value)
    {
        for (int i = 0; i < span.Length; i++)
        {
            if (span[i] == value)
                return i;
        }
        return -1;
    }

    public static int IndexOf(this Span<byte> span, byte value) => IndexOf((ReadOnlySpan<byte>)span, value);

    public static bool StartsWith(this ReadOnlySpan<char> span, ReadOnlySpan<char> value)
        => value.Length <= span.Length && SequenceEqual(span.Slice(0, value.Length), value);

    public static bool EndsWith(this ReadOnlySpan<char> span, ReadOnlySpan<char> value)
        => value.Length <= span.Length && SequenceEqual(span.Slice(span.Length - value.Length), value);
}
