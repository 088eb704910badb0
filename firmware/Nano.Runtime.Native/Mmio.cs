// Device register access: exactly one access of the stated width, ordered as devices need.
using Nano.Runtime;
using System.Runtime.InteropServices;

namespace Nano.Runtime.Native;

/// <summary>
/// Memory-mapped I/O. Each call is one access of the stated width (never merged, split or elided).
/// Reads complete before later accesses start; writes come after every earlier store (buffers written
/// before a doorbell are visible to the device), like Linux's readl/writel.
/// </summary>
public static class Mmio
{
    public static byte Read8(ulong address) { Check(address, 1); return NativeRead8(address); }
    public static ushort Read16(ulong address) { Check(address, 2); return NativeRead16(address); }
    public static uint Read32(ulong address) { Check(address, 4); return NativeRead32(address); }
    public static ulong Read64(ulong address) { Check(address, 8); return NativeRead64(address); }

    public static void Write8(ulong address, byte value) { Check(address, 1); NativeWrite8(address, value); }
    public static void Write16(ulong address, ushort value) { Check(address, 2); NativeWrite16(address, value); }
    public static void Write32(ulong address, uint value) { Check(address, 4); NativeWrite32(address, value); }
    public static void Write64(ulong address, ulong value) { Check(address, 8); NativeWrite64(address, value); }

    // Device registers live in the board's device window and are naturally aligned; anything else is
    // a driver bug that would otherwise surface as a confusing abort.
    private static void Check(ulong address, uint width)
    {
        if ((address & (width - 1)) != 0)
            Fail("Mmio: unaligned register address", address);
        if (address < BoardMap.DeviceWindowBase || address > BoardMap.DeviceWindowEnd - width)
            Fail("Mmio: address outside the device window", address);
    }

    private static void Fail(string what, ulong address)
    {
        Panic.WriteHeader(what);
        Panic.WriteDetail("address", address);
        Panic.Stop();
    }

    // ---- Native shim -----------------------------------------------------------------------

    [DllImport("*", EntryPoint = "nano_mmio_read8"), SuppressGCTransition]
    private static extern byte NativeRead8(ulong address);

    [DllImport("*", EntryPoint = "nano_mmio_read16"), SuppressGCTransition]
    private static extern ushort NativeRead16(ulong address);

    [DllImport("*", EntryPoint = "nano_mmio_read32"), SuppressGCTransition]
    private static extern uint NativeRead32(ulong address);

    [DllImport("*", EntryPoint = "nano_mmio_read64"), SuppressGCTransition]
    private static extern ulong NativeRead64(ulong address);

    [DllImport("*", EntryPoint = "nano_mmio_write8"), SuppressGCTransition]
    private static extern void NativeWrite8(ulong address, byte value);

    [DllImport("*", EntryPoint = "nano_mmio_write16"), SuppressGCTransition]
    private static extern void NativeWrite16(ulong address, ushort value);

    [DllImport("*", EntryPoint = "nano_mmio_write32"), SuppressGCTransition]
    private static extern void NativeWrite32(ulong address, uint value);

    [DllImport("*", EntryPoint = "nano_mmio_write64"), SuppressGCTransition]
    private static extern void NativeWrite64(ulong address, ulong value);
}
