// Memory primitives; ilc looks up Memmove, Fill and ClearWithoutReferences by name for its helpers.
using System.Runtime.CompilerServices;

namespace System;

internal static class SpanHelpers
{
    /// <summary>Copies <paramref name="byteCount"/> bytes; the regions may overlap.</summary>
    public static unsafe void Memmove(ref byte destination, ref byte source, nuint byteCount)
    {
        if (byteCount == 0 || Unsafe.AreSame(ref destination, ref source))
            return;
        byte* d = (byte*)Unsafe.AsPointer(ref destination);
        byte* s = (byte*)Unsafe.AsPointer(ref source);
        if (d > s && d < s + byteCount)
        {
            // Overlap with the destination above the source: copy backwards.
            nuint i = byteCount;
            while (i >= 8 && (((nuint)(d + i) | (nuint)(s + i)) & 7) == 0)
            {
                i -= 8;
                *(ulong*)(d + i) = *(ulong*)(s + i);
            }
            while (i > 0)
            {
                i--;
                d[i] = s[i];
            }
            return;
        }
        nuint n = 0;
        if ((((nuint)d | (nuint)s) & 7) == 0)
        {
            for (; n + 8 <= byteCount; n += 8)
                *(ulong*)(d + n) = *(ulong*)(s + n);
        }
        for (; n < byteCount; n++)
            d[n] = s[n];
    }

    public static unsafe void ClearWithoutReferences(ref byte destination, nuint byteCount)
    {
        byte* d = (byte*)Unsafe.AsPointer(ref destination);
        nuint n = 0;
        while (n < byteCount && ((nuint)(d + n) & 7) != 0)
            d[n++] = 0;
        for (; n + 8 <= byteCount; n += 8)
            *(ulong*)(d + n) = 0;
        for (; n < byteCount; n++)
            d[n] = 0;
    }

    /// <summary>Sets <paramref name="length"/> bytes to <paramref name="value"/> (the JIT's memset helper).</summary>
    public static unsafe void Fill(ref byte destination, byte value, nuint length)
    {
        byte* d = (byte*)Unsafe.AsPointer(ref destination);
        for (nuint n = 0; n < length; n++)
            d[n] = value;
    }

    public static void FillElements<T>(ref T destination, nuint count, T value)
    {
        for (nuint i = 0; i < count; i++)
            Unsafe.Add(ref destination, (nint)i) = value;
    }

    public static unsafe bool SequenceEqual(ref byte first, ref byte second, nuint length)
    {
        byte* a = (byte*)Unsafe.AsPointer(ref first);
        byte* b = (byte*)Unsafe.AsPointer(ref second);
        for (nuint i = 0; i < length; i++)
        {
            if (a[i] != b[i])
                return false;
        }
        return true;
    }
}
