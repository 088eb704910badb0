// Low-level span access with .NET's names.
using System.Runtime.CompilerServices;

namespace System.Runtime.InteropServices;

public static class MemoryMarshal
{
    public static ref T GetReference<T>(Span<T> span) => ref span._reference;

    public static ref T GetReference<T>(ReadOnlySpan<T> span) => ref span._reference;

    public static Span<T> CreateSpan<T>(scoped ref T reference, int length) => new Span<T>(ref Unsafe.AsRef(in reference), length);

    public static ReadOnlySpan<T> CreateReadOnlySpan<T>(scoped ref readonly T reference, int length) => new ReadOnlySpan<T>(ref Unsafe.AsRef(in reference), length);

    public static Span<byte> AsBytes<T>(Span<T> span) where T : unmanaged
        => new Span<byte>(ref Unsafe.As<T, byte>(ref span._reference), checked(span.Length * Unsafe.SizeOf<T>()));

    public static ReadOnlySpan<byte> AsBytes<T>(ReadOnlySpan<T> span) where T : unmanaged
        => new ReadOnlySpan<byte>(ref Unsafe.As<T, byte>(ref span._reference), checked(span.Length * Unsafe.SizeOf<T>()));

    public static Span<TTo> Cast<TFrom, TTo>(Span<TFrom> span) where TFrom : unmanaged where TTo : unmanaged
    {
        ulong bytes = (ulong)(uint)span.Length * (ulong)(uint)Unsafe.SizeOf<TFrom>();
        return new Span<TTo>(ref Unsafe.As<TFrom, TTo>(ref span._reference), (int)(bytes / (uint)Unsafe.SizeOf<TTo>()));
    }

    public static ReadOnlySpan<TTo> Cast<TFrom, TTo>(ReadOnlySpan<TFrom> span) where TFrom : unmanaged where TTo : unmanaged
    {
        ulong bytes = (ulong)(uint)span.Length * (ulong)(uint)Unsafe.SizeOf<TFrom>();
        return new ReadOnlySpan<TTo>(ref Unsafe.As<TFrom, TTo>(ref span._reference), (int)(bytes / (uint)Unsafe.SizeOf<TTo>()));
    }
}
