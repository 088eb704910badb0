// Raw memory from the bring-up heap, with .NET's NativeMemory names. Blocks are never freed (bump
// allocator), so there is no Free here; allocating after Heap.Seal() panics like any allocation.
namespace System.Runtime.InteropServices;

public static unsafe class NativeMemory
{
    /// <summary>A zeroed block aligned to <paramref name="alignment"/> (a power of two).</summary>
    public static void* AlignedAlloc(nuint byteCount, nuint alignment) => Nano.Runtime.Heap.AllocateRaw(byteCount, alignment);

    /// <summary>A zeroed block aligned to 16 bytes.</summary>
    public static void* Alloc(nuint byteCount) => Nano.Runtime.Heap.AllocateRaw(byteCount, 16);

    /// <summary>A zeroed block aligned to 16 bytes (all heap memory is handed out zeroed).</summary>
    public static void* AllocZeroed(nuint byteCount) => Nano.Runtime.Heap.AllocateRaw(byteCount, 16);
}
