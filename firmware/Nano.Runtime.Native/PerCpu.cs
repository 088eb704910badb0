// Per-CPU data without [ThreadStatic]: one slot per CPU, the running CPU's found by Cpu.Id.
namespace Nano.Runtime.Native;

/// <summary>
/// One <typeparamref name="T"/> per CPU. <see cref="Current"/> is the running CPU's slot, which only that CPU
/// writes, so no lock is needed for it; reading another CPU's slot (<see cref="this[int]"/>) races with that
/// CPU's writes unless the two agree otherwise (Volatile, or after <see cref="Cpu.Join"/>). Each slot sits in
/// its own 64-byte cache line, so CPUs updating their own slots do not slow each other down.
/// Allocated during bring-up (one array), nothing afterwards.
/// </summary>
public sealed class PerCpu<T>
    where T : struct
{
    private const int LineBytes = 64;

    private readonly T[] _slots;
    private readonly int _stride;

    public PerCpu()
    {
        int size = System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
        _stride = size >= LineBytes ? 1 : (LineBytes + size - 1) / size;
        _slots = new T[Cpu.MaxCount * _stride];
    }

    /// <summary>The running CPU's slot.</summary>
    public ref T Current => ref _slots[Cpu.Id * _stride];

    /// <summary>CPU <paramref name="cpu"/>'s slot (0..Cpu.MaxCount-1; an index out of range panics).</summary>
    public ref T this[int cpu] => ref _slots[cpu * _stride];
}
