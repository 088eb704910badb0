// qemu-virt bring-up, in order. The boot stub (boot.S) has already set up stacks, vectors, FP/SIMD
// and the MMU, and the corelib its heap and statics; this wires the devices before the program runs.
using System.Runtime.InteropServices;
using Nano.Runtime;

namespace Nano.Runtime.Native;

internal static class BoardBringUp
{
    public const string Name = "qemu-virt";

    /// <summary>End of RAM: the device tree's, once bring-up has read it; the guaranteed minimum before.</summary>
    public static ulong RamEnd { get; private set; } = BoardMap.RamBase + BoardMap.RamMinimumSize;

    [UnmanagedCallersOnly(EntryPoint = "nano_board_init")]
    private static void Initialize()
    {
        // ---- RAM: the heap up to the end of the RAM QEMU gave us (the device tree's /memory), within the
        //      map; everything mapped above that end unmapped, so a stray access faults ----
        ulong ramEnd = RamFromDeviceTree.FindRamEnd(Board.DeviceTreeAddress);
        if (ramEnd > BoardMap.RamBase && ramEnd <= BoardMap.MappedRamEnd)
        {
            Heap.SetEnd(ramEnd);
            RamEnd = ramEnd;
            NativeUnmapRamFrom(ramEnd);
        }

        // ---- Interrupt controller: the GIC the image was built for, found in the device tree; its distributor
        //      (once, here on CPU 0) and this CPU's interface, everything disabled ----
        InterruptController.InitDistributor(Board.DeviceTreeAddress);
        InterruptController.InitCpuInterface();

        // ---- Virtual timer: stopped; its PPI (INTID 27) routed to Clock ----
        Clock.Initialize();

        // ---- The other CPUs: the stop SGI a panic sends, the wake SGI work is posted with, then every CPU the
        //      device tree lists (PSCI CPU_ON) ----
        CpuStop.Initialize();
        CpuWork.Initialize();
        Cpu.MarkOnline();
        SecondaryCpus.StartAll(Board.DeviceTreeAddress);

        // ---- Console: PL011 at Pl011Base needs no set-up under QEMU (polled transmit only) ----

        // ---- Interrupts on: from here devices may interrupt the program ----
        Cpu.EnableInterrupts();
    }

    [DllImport("*", EntryPoint = "nano_mmu_unmap_ram_from"), SuppressGCTransition]
    private static extern void NativeUnmapRamFrom(ulong end);
}
