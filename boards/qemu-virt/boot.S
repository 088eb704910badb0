// Boot stub: QEMU enters _start at EL1 with the MMU off, either at the link address (-kernel, x0 = DTB
// address or 0) or at the start of flash (flash.img, x0 = 0). Set up the CPU, memory and stacks, then hand
// over to managed code and exit with what the program returns.
#include "board-map.h"
#include "macros.h"
#include "percpu.h"

    .section .text.boot, "ax"
function _start
    // ---- CPU 0 boots; any other CPU entering here parks (PSCI starts them at nano_secondary_entry) ----
    mrs     x1, mpidr_el1
    and     x1, x1, #0xff
    cbnz    x1, park

    // ---- Flash boot: relocation to RAM (firmware/README.md "Boot from flash") --------------------------
    // flash.img is image.bin at offset 0 of flash bank 0: running below the link address means running from
    // flash. Copy the loaded image (code, read-only data, .data) to its link address in RAM and continue
    // there; .bss is cleared below as for any boot. Nothing in between touches RAM or the stack, and the
    // MMU is off, so the copy needs only position-independent code (adr, literals).
    adr     x1, _start                      // where this code runs
    ldr     x2, =__image_start              // where it is linked (ImageBase)
    cmp     x1, x2
    b.eq    3f                              // loaded at the link address (-kernel): nothing to move
    ldr     x3, =__image_end
    add     x3, x3, #15
    bic     x3, x3, #15                     // whole 16-byte steps; the tail lands in .bss, zeroed below
1:  cmp     x2, x3
    b.hs    2f
    ldp     x4, x5, [x1], #16
    stp     x4, x5, [x2], #16
    b       1b
2:  dsb     sy                              // the copy complete before instructions are fetched from it
    ic      iallu
    dsb     sy
    isb
    // QEMU leaves the device tree at the start of RAM for firmware and no address in x0.
    mov     x0, #DeviceTreeBase
    ldr     x1, =3f
    br      x1                              // on to the copy, at the link address
3:
    // ---- End of the flash boot path -------------------------------------------------------------

    mov     x19, x0                         // DTB address (0: the board's DeviceTreeBase), kept across the set-up

    // ---- Mask every exception source until the GIC and handlers are ready ---------------------
    msr     daifset, #0xf

    // ---- FP/SIMD on: compiled C# copies and compares with q registers ---------------------------
    mov     x1, #(3 << 20)                  // CPACR_EL1.FPEN = 0b11: no trapping at EL0/EL1
    msr     cpacr_el1, x1
    isb

    // ---- Zero .bss (QEMU's loader does too; a real loader need not) -----------------------------
    adr_l   x1, __bss_start
    adr_l   x2, __bss_end
1:  cmp     x1, x2
    b.hs    2f
    stp     xzr, xzr, [x1], #16
    b       1b
2:  adr_l   x1, nano_device_tree_address
    str     x19, [x1]

    // ---- Every CPU's block (stacks, recovery chain; percpu.S), TPIDR_EL1 = CPU 0's ------------------
    bl      nano_cpu_blocks_init

    // ---- Vectors and stacks: handlers run on SP_EL1, everything else on SP_EL0 (EL1t) -----------
    adr_l   x1, nano_vectors
    msr     vbar_el1, x1
    adr_l   x1, __exception_stack_top
    mov     sp, x1                          // still SPSel = 1: this sets SP_EL1
    adr_l   x1, __stack_top
    msr     sp_el0, x1
    msr     spsel, #0                       // from here on sp is SP_EL0
    isb

    // ---- Paint every CPU's stacks (nothing is on them yet) so their high-water marks can be read later ----
    adr_l   x1, __stacks_start
    adr_l   x2, __stacks_end
    bl      nano_paint_stack

    // ---- MMU: identity map, RAM Normal cacheable, devices Device-nGnRE, page 0 unmapped --------
    bl      nano_mmu_enable

    // ---- Managed code: runtime, board, program --------------------------------------------------
    bl      nano_corelib_init               // heap, statics, eager constructors (Nano.CoreLib)
    bl      nano_board_init                 // GIC, timer, interrupts on (Nano.Runtime.Native)
    bl      nano_program_main               // the firmware program or the test runner; w0 = exit code
    bl      nano_power_exit                 // does not return

park:
    wfe
    b       park

// ================================ Secondary CPUs =================================================
// PSCI CPU_ON enters here (MMU and caches off, EL1) with x0 = the context id CPU 0 passed: this CPU's
// index. PSCI (DEN0022) §5.6: "the context_id ... must be present in x0 when the core starts".
// The CPU takes its block, vectors and stacks, turns its MMU on with CPU 0's tables, and enters managed
// code (nano_secondary_main: GIC CPU interface, timer, then the work loop), which does not return.
function nano_secondary_entry
    msr     daifset, #0xf
    mov     x1, #(3 << 20)                  // CPACR_EL1.FPEN = 0b11, as on CPU 0
    msr     cpacr_el1, x1
    isb
    cmp     x0, #MaxCpus
    b.hs    park                            // no block for it: never started that way by nano_secondary_start
    adr_l   x1, nano_cpu_blocks
    add     x1, x1, x0, lsl #CpuBlockShift
    msr     tpidr_el1, x1
    adr_l   x2, nano_vectors
    msr     vbar_el1, x2
    ldr     x2, [x1, #CpuExceptionTop]
    mov     sp, x2                          // SP_EL1
    ldr     x2, [x1, #CpuThreadTop]
    msr     sp_el0, x2
    msr     spsel, #0
    isb
    mov     x19, x0
    bl      nano_mmu_enable_secondary
    mov     w0, w19
    bl      nano_secondary_main             // managed (Nano.Runtime.Native), never returns
    b       park

    .section .bss
    .balign 8
    .global nano_device_tree_address
nano_device_tree_address:
    .quad   0
