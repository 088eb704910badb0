// Physical memory as spans: the one place that turns addresses into memory higher layers can touch
// without unsafe code (RAM is identity-mapped, so physical = virtual).
using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Nano.Runtime;

namespace Nano.Runtime.Native;

/// <summary>RAM ranges (DMA buffers, virtqueues, the device tree) as spans and back to addresses.</summary>
// Safety: spans are built only over ranges checked to lie in identity-mapped RAM, or over blocks the
// heap just handed out; AddressOf only reads an address (objects never move: no garbage collector).
public static unsafe class PhysicalMemory
{
    /// <summary>A span over RAM at <paramref name="address"/>. Panics unless the whole range is RAM (up to
    /// <see cref="Board.RamEnd"/>, the device tree's end of RAM, where the heap also ends).</summary>
    public static Span<byte> Map(ulong address, int length)
    {
        // Bounded without subtracting the length from RamEnd: a length beyond all of RAM must not wrap.
        if (length < 0 || address < BoardMap.RamBase || address > Board.RamEnd || (ulong)length > Board.RamEnd - address)
        {
            Panic.WriteHeader("PhysicalMemory.Map: range outside RAM");
            Panic.WriteDetail("address", address);
            Panic.WriteDetail("length", (ulong)length);
            Panic.Stop();
        }
        // Safe: the range was just checked to lie inside identity-mapped Normal RAM.
        return new Span<byte>((void*)address, length);
    }

    /// <summary>The physical address of a span's first byte (spans over RAM only; what a device is told).</summary>
    public static ulong AddressOf(ReadOnlySpan<byte> memory)
    {
        // Safe: only the address is taken; objects never move (no garbage collector).
        return (ulong)Unsafe.AsPointer(ref MemoryMarshal.GetReference(memory));
    }

    /// <summary>
    /// A zeroed block of <paramref name="length"/> bytes aligned to <paramref name="alignment"/> (a power of
    /// two), for memory a device reads or writes. Comes from the bring-up heap: allocate before Heap.Seal().
    /// </summary>
    public static Span<byte> Allocate(int length, int alignment)
    {
        if (length < 0 || alignment <= 0 || (alignment & (alignment - 1)) != 0)
            Panic.Fail("PhysicalMemory.Allocate: bad length or alignment");
        // Safe: the heap hands out a fresh zeroed block of exactly this size.
        return new Span<byte>(NativeMemory.AlignedAlloc((nuint)length, (nuint)alignment), length);
    }
}
