// Memory and instruction barriers, named in full. Full-system domain: they order accesses as seen by
// every observer, devices and DMA included.
using System.Runtime.InteropServices;

namespace Nano.Runtime.Native;

/// <summary>AArch64 barriers (DMB, DSB, ISB).</summary>
public static class Barrier
{
    /// <summary>dmb sy: all loads and stores before it are observed before any after it (e.g. a flag handed to another agent).</summary>
    public static void DataMemory() => NativeDataMemory();

    /// <summary>dmb st: earlier stores are observed before later stores (publish ring entries before the index that exposes them).</summary>
    public static void DataMemoryStores() => NativeDataMemoryStores();

    /// <summary>dmb ld: earlier loads complete before later loads and stores (read an index before the entries it covers).</summary>
    public static void DataMemoryLoads() => NativeDataMemoryLoads();

    /// <summary>dsb sy: waits until every earlier memory access has completed (before WFI, or before relying on a device having seen a write).</summary>
    public static void DataSynchronization() => NativeDataSynchronization();

    /// <summary>isb: later instructions are fetched anew (after changing system registers, vectors or code).</summary>
    public static void InstructionSynchronization() => NativeInstructionSynchronization();

    // ---- Native shim -----------------------------------------------------------------------

    [DllImport("*", EntryPoint = "nano_barrier_dmb_sy"), SuppressGCTransition]
    private static extern void NativeDataMemory();

    [DllImport("*", EntryPoint = "nano_barrier_dmb_st"), SuppressGCTransition]
    private static extern void NativeDataMemoryStores();

    [DllImport("*", EntryPoint = "nano_barrier_dmb_ld"), SuppressGCTransition]
    private static extern void NativeDataMemoryLoads();

    [DllImport("*", EntryPoint = "nano_barrier_dsb_sy"), SuppressGCTransition]
    private static extern void NativeDataSynchronization();

    [DllImport("*", EntryPoint = "nano_barrier_isb"), SuppressGCTransition]
    private static extern void NativeInstructionSynchronization();
}
