// qemu-virt board map: every address, size and interrupt number of the board, in one place.
// Read by the boot stub and the linker script (C preprocessor); the image build turns each
// "#define Name ADDRESS(x)" / "NUMBER(x)" line into a C# constant of Nano.Runtime.Native.BoardMap.
#ifndef NANO_BOARD_MAP_H
#define NANO_BOARD_MAP_H

#ifndef ADDRESS
#define ADDRESS(x) x
#define NUMBER(x) x
#endif

// ---- Memory ----------------------------------------------------------------------------------
#define RamBase ADDRESS(0x40000000)               // start of RAM
#define RamMinimumSize ADDRESS(0x08000000)        // 128 MiB: the least the launch profile gives (heap end until the DTB says more)
#define MappedRamEnd ADDRESS(0x100000000)         // mmu.S maps RAM as Normal memory up to 4 GiB
#define DeviceTreeBase ADDRESS(0x40000000)        // QEMU places the DTB at the start of RAM (also passed in x0)
#define ImageBase ADDRESS(0x40100000)             // link and load address of image.elf
#define FlashBase ADDRESS(0x00000000)             // flash bank 0 (pflash unit 0): where flash.img is mapped and the CPU starts
#define FlashBankSize ADDRESS(0x04000000)         // 64 MiB: the size flash.img is padded to (QEMU requires it exactly)
#define StackSize ADDRESS(0x10000)                // thread stack (SP_EL0)
#define ExceptionStackSize ADDRESS(0x8000)        // exception handler stack (SP_EL1)
#define EmergencyStackSize ADDRESS(0x2000)        // per CPU: reports a fault that found its exception stack exhausted
#define StackSlotSize ADDRESS(0x1A000)            // per CPU: guard page, thread stack, guard page, exception stack
#define MaxCpus NUMBER(8)                         // CPUs the image has stacks for (QEMU -smp 1..8)

// ---- Device window: mapped Device-nGnRE; everything below it (flash, page 0) stays unmapped ----
#define DeviceWindowBase ADDRESS(0x08000000)
#define DeviceWindowEnd ADDRESS(0x40000000)

// ---- Devices ---------------------------------------------------------------------------------
#define GicDistributorBase ADDRESS(0x08000000)    // GIC distributor (GICD), v2 and v3 (the driver reads it from the device tree)
#define GicCpuInterfaceBase ADDRESS(0x08010000)   // GICv2 CPU interface (GICC)
#define GicRedistributorBase ADDRESS(0x080A0000)  // GICv3 redistributors (GICR), 128 KiB per CPU (gic-version=3; the driver reads it from the device tree)
#define Pl011Base ADDRESS(0x09000000)             // PL011 UART0, the console
#define VirtioMmioBase ADDRESS(0x0a000000)        // virtio-mmio transport slot 0
#define VirtioMmioStride ADDRESS(0x200)           // bytes between slots
#define VirtioMmioSlotCount NUMBER(32)            // slots 0..31; QEMU fills -device entries from slot 31 down

// ---- Interrupt routing (GIC INTIDs) -----------------------------------------------------------
#define VirtualTimerIntid NUMBER(27)              // PPI 11: EL1 virtual timer (CNTV)
#define WakeCpuSgi NUMBER(14)                     // SGI 14: wakes an idle CPU sleeping in WFI when work is posted to it
#define StopCpuSgi NUMBER(15)                     // SGI 15: a panicking CPU stops the others (0..13 are the program's)
#define Pl011Intid NUMBER(33)                     // SPI 1
#define VirtioMmioFirstIntid NUMBER(48)           // SPI 16 + slot: slot n raises INTID 48 + n (edge)

#endif
