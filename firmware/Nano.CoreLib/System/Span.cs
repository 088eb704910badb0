// Span<T>: a bounds-checked view over contiguous memory (array, stack, or raw memory).
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Reflection;
using Internal.Runtime.CompilerHelpers;

namespace System;

public readonly ref struct Span<T>
{
    internal readonly ref T _reference;
    private readonly int _length;

    public Span(T[]? array)
    {
        if (array is null)
        {
            this = default;
            return;
        }
        _reference = ref Unsafe.As<byte, T>(ref array.GetArrayDataReference());
        _length = array.Length;
    }

    public Span(T[]? array, int start, int length)
    {
        if (array is null)
        {
            if (start != 0 || length != 0)
                ThrowHelpers.ThrowArgumentOutOfRangeException();
            this = default;
            return;
        }
        if ((ulong)(uint)start + (ulong)(uint)length > (ulong)(uint)array.Length)
            ThrowHelpers.ThrowArgumentOutOfRangeException();
        _reference = ref Unsafe.Add(ref Unsafe.As<byte, T>(ref array.GetArrayDataReference()), (nint)(uint)start);
        _length = length;
    }

    /// <summary>A span over raw memory (for example <c>stackalloc</c> or a device buffer).</summary>
    public unsafe Span(void* pointer, int length)
    {
        if (length < 0)
            ThrowHelpers.ThrowArgumentOutOfRangeException();
        _reference = ref Unsafe.AsRef<T>(pointer);
        _length = length;
    }

    /// <summary>A span of length 1 around <paramref name="reference"/>.</summary>
    public Span(ref T reference)
    {
        _reference = ref reference;
        _length = 1;
    }

    internal Span(ref T reference, int length)
    {
        _reference = ref reference;
        _length = length;
    }

    public ref T this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_length)
                ThrowHelpers.ThrowIndexOutOfRangeException();
            return ref Unsafe.Add(ref _reference, (nint)(uint)index);
        }
    }

    public int Length => _length;

    public bool IsEmpty => _length == 0;

    public static Span<T> Empty => default;

    public ref T GetPinnableReference()
    {
        ref T result = ref Unsafe.NullRef<T>();
        if (_length != 0)
            result = ref _reference;
        return ref result;
    }

    public Span<T> Slice(int start)
    {
        if ((uint)start > (uint)_length)
            ThrowHelpers.ThrowArgumentOutOfRangeException();
        return new Span<T>(ref Unsafe.Add(ref _reference, (nint)(uint)start), _length - start);
    }

    public Span<T> Slice(int start, int length)
    {
        if ((ulong)(uint)start + (ulong)(uint)length > (ulong)(uint)_length)
            ThrowHelpers.ThrowArgumentOutOfRangeException();
        return new Span<T>(ref Unsafe.Add(ref _reference, (nint)(uint)start), length);
    }

    /// <summary>Copies every element into <paramref name="destination"/>; panics when it is shorter.</summary>
    public void CopyTo(Span<T> destination)
    {
        if ((uint)_length > (uint)destination.Length)
            ThrowHelpers.ThrowArgumentException_DestinationTooShort();
        Buffer.Memmove(ref destination._reference, ref _reference, (nuint)(uint)_length);
    }

    public bool TryCopyTo(Span<T> destination)
    {
        if ((uint)_length > (uint)destination.Length)
            return false;
        Buffer.Memmove(ref destination._reference, ref _reference, (nuint)(uint)_length);
        return true;
    }

    public void Fill(T value)
    {
        SpanHelpers.FillElements(ref _reference, (nuint)(uint)_length, value);
    }

    public void Clear()
    {
        SpanHelpers.ClearWithoutReferences(ref Unsafe.As<T, byte>(ref _reference), (nuint)(uint)_length * (nuint)Unsafe.SizeOf<T>());
    }

    public Enumerator GetEnumerator() => new Enumerator(this);

    public static implicit operator Span<T>(T[]? array) => new Span<T>(array);

    public static implicit operator ReadOnlySpan<T>(Span<T> span) => new ReadOnlySpan<T>(ref span._reference, span._length);

    public ref struct Enumerator
    {
        private readonly Span<T> _span;
        private int _index;

        internal Enumerator(Span<T> span)
        {
            _span = span;
            _index = -1;
        }

        public bool MoveNext()
        {
            int index = _index + 1;
            if (index < _span.Length)
            {
                _index = index;
                return true;
            }
            return false;
        }

        public ref T Current => ref _span[_index];
    }
}
