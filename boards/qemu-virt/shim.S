// The native shim behind Nano.Runtime.Native and Nano.CoreLib: only what C# cannot express
// (system registers, exact-width device accesses, barriers, exclusive accesses, non-local exit).
// Every function follows the AAPCS64 and is called directly by compiled C# (DllImport("*")).
#include "board-map.h"
#include "macros.h"
#include "percpu.h"

    .text

// ============================== Console: PL011 transmit, polled ===============================
#define Pl011Data       0x00
#define Pl011Flags      0x18
#define Pl011TxFull     5               // FR.TXFF

// void nano_uart_write(const uint8_t* bytes, size_t length)
// Lines from different CPUs do not interleave: the first write of a line takes the console line lock for
// this CPU, the write that ends with '\n' gives it back, and writes from the owning CPU (an interrupt
// handler's or a panic's included) pass. A CPU that waits longer than ConsoleStealSpins for a line that is
// never finished (a prompt waiting for input, a CPU stopped mid-line) takes the lock over.
#define ConsoleStealSpins 0x1000000
function nano_uart_write
    cbz     x1, 5f
    mrs     x5, tpidr_el1
    ldr     x5, [x5, #CpuIndex]
    add     w5, w5, #1                      // owner token: CPU index + 1 (0 = free)
    adr_l   x6, nano_console_owner
    ldar    w7, [x6]
    cmp     w7, w5
    b.eq    4f                              // this CPU's line continues
    mov     x8, #ConsoleStealSpins
6:  ldaxr   w7, [x6]
    cbnz    w7, 7f
    stlxr   w9, w5, [x6]
    cbnz    w9, 6b
    dmb     ish
    b       4f
7:  clrex
    subs    x8, x8, #1
    b.ne    6b
    stlr    w5, [x6]                        // the owner never finished its line: take it over
4:  mov     x2, #(Pl011Base & 0xffff)
    movk    x2, #(Pl011Base >> 16), lsl #16
1:  cbz     x1, 3f
2:  ldr     w3, [x2, #Pl011Flags]
    tbnz    w3, #Pl011TxFull, 2b
    ldrb    w3, [x0], #1
    strb    w3, [x2, #Pl011Data]
    sub     x1, x1, #1
    b       1b
3:  cmp     w3, #10                         // '\n'
    b.ne    5f
    stlr    wzr, [x6]                       // line complete: release (the data register writes come first)
5:  ret

// void nano_console_release(void): gives the line lock back if this CPU holds it (a CPU being stopped).
function nano_console_release
    mrs     x5, tpidr_el1
    ldr     x5, [x5, #CpuIndex]
    add     w5, w5, #1
    adr_l   x6, nano_console_owner
    ldar    w7, [x6]
    cmp     w7, w5
    b.ne    1f
    stlr    wzr, [x6]
1:  ret

// ============================== Power =========================================================
// void nano_power_exit(int code): semihosting SYS_EXIT_EXTENDED carries the code to QEMU's exit
// status; without semihosting the HLT traps, the vector skips it, and PSCI SYSTEM_OFF follows.
#define SemihostExitExtended    0x20
#define AdpStoppedApplicationExit 0x20026
#define PsciSystemOff           0x84000008

function nano_power_exit
    msr     daifset, #0xf
    sub     sp, sp, #16
    mov     x1, #(AdpStoppedApplicationExit & 0xffff)
    movk    x1, #(AdpStoppedApplicationExit >> 16), lsl #16
    sxtw    x2, w0
    stp     x1, x2, [sp]
    mov     w0, #SemihostExitExtended
    mov     x1, sp
    .global nano_semihost_trap
nano_semihost_trap:
    hlt     #0xf000
    mov     w0, #(PsciSystemOff & 0xffff)
    movk    w0, #(PsciSystemOff >> 16), lsl #16
    hvc     #0
1:  wfi
    b       1b

// ============================== Recovery: non-local exit ======================================
// A recovery point saves the callee-saved state on the caller's stack and links to the previous
// one; escaping restores it and returns the code from nano_recovery_run. No GC, no unwinding.
#define RecoveryX19     0               // x19..x30 (12 registers)
#define RecoveryD8      96              // d8..d15
#define RecoveryDaif    160
#define RecoveryPrevious 168
#define RecoverySize    176

// int nano_recovery_run(void (*body)(void))
function nano_recovery_run
    sub     sp, sp, #RecoverySize
    stp     x19, x20, [sp, #0]
    stp     x21, x22, [sp, #16]
    stp     x23, x24, [sp, #32]
    stp     x25, x26, [sp, #48]
    stp     x27, x28, [sp, #64]
    stp     x29, x30, [sp, #80]
    stp     d8, d9, [sp, #96]
    stp     d10, d11, [sp, #112]
    stp     d12, d13, [sp, #128]
    stp     d14, d15, [sp, #144]
    mrs     x1, daif
    mrs     x2, tpidr_el1                   // this CPU's chain (percpu.h)
    ldr     x3, [x2, #CpuRecoveryTop]
    stp     x1, x3, [sp, #RecoveryDaif]
    mov     x3, sp
    str     x3, [x2, #CpuRecoveryTop]
    ldr     w3, [x2, #CpuRecoveryCount]
    add     w3, w3, #1
    str     w3, [x2, #CpuRecoveryCount]
    mov     x29, sp                         // frame record for the body's back-chain
    blr     x0
    mov     w0, #0                          // the body returned normally
    b       recovery_pop

// Restores this CPU's innermost recovery point (CpuRecoveryTop) and returns w0 from its run.
recovery_restore:
    mrs     x2, tpidr_el1
    ldr     x3, [x2, #CpuRecoveryTop]
    mov     sp, x3
    ldr     x1, [sp, #RecoveryDaif]
    msr     daif, x1                        // interrupt masks as they were when Run began
recovery_pop:
    ldr     x3, [sp, #RecoveryPrevious]
    mrs     x2, tpidr_el1
    str     x3, [x2, #CpuRecoveryTop]
    ldr     w3, [x2, #CpuRecoveryCount]
    sub     w3, w3, #1
    str     w3, [x2, #CpuRecoveryCount]
    ldp     x19, x20, [sp, #0]
    ldp     x21, x22, [sp, #16]
    ldp     x23, x24, [sp, #32]
    ldp     x25, x26, [sp, #48]
    ldp     x27, x28, [sp, #64]
    ldp     x29, x30, [sp, #80]
    ldp     d8, d9, [sp, #96]
    ldp     d10, d11, [sp, #112]
    ldp     d12, d13, [sp, #128]
    ldp     d14, d15, [sp, #144]
    add     sp, sp, #RecoverySize
    ret

// void nano_recovery_escape(int code): never returns. From thread code (SP_EL0) it restores
// directly; from inside an exception handler (SP_EL1) it first lets the board finish any interrupt
// in service (nano_escape_hook), drops the handler stack and erets to thread mode, then restores.
function nano_recovery_escape
    mrs     x2, tpidr_el1
    ldr     x3, [x2, #CpuRecoveryTop]
    cbz     x3, nano_power_exit             // no recovery point: nothing to escape to
    mrs     x1, spsel
    cbz     x1, recovery_restore
    mov     w19, w0
    adr_l   x1, nano_escape_hook
    cbz     x1, 1f
    blr     x1
1:  mrs     x1, tpidr_el1
    ldr     x1, [x1, #CpuExceptionTop]
    mov     sp, x1
    adr_l   x1, recovery_restore
    msr     elr_el1, x1
    mov     x1, #0x3c4                      // EL1t with D, A, I, F masked; restore sets the saved DAIF
    msr     spsr_el1, x1
    mov     w0, w19
    eret

// int nano_recovery_depth(void)
function nano_recovery_depth
    mrs     x0, tpidr_el1
    ldr     w0, [x0, #CpuRecoveryCount]
    ret

    .weak   nano_escape_hook

// ============================== Atomics (fallbacks; the JIT normally expands these inline) =====
// Full-barrier semantics like .NET's Interlocked: acquire/release exclusives plus a trailing dmb.
function nano_atomic_cas32
1:  ldaxr   w3, [x0]
    cmp     w3, w2
    b.ne    2f
    stlxr   w4, w1, [x0]
    cbnz    w4, 1b
    b       3f
2:  clrex
3:  dmb     ish
    mov     w0, w3
    ret

function nano_atomic_cas64
1:  ldaxr   x3, [x0]
    cmp     x3, x2
    b.ne    2f
    stlxr   w4, x1, [x0]
    cbnz    w4, 1b
    b       3f
2:  clrex
3:  dmb     ish
    mov     x0, x3
    ret

function nano_atomic_swap32
1:  ldaxr   w3, [x0]
    stlxr   w4, w1, [x0]
    cbnz    w4, 1b
    dmb     ish
    mov     w0, w3
    ret

function nano_atomic_swap64
1:  ldaxr   x3, [x0]
    stlxr   w4, x1, [x0]
    cbnz    w4, 1b
    dmb     ish
    mov     x0, x3
    ret

function nano_atomic_add32
1:  ldaxr   w3, [x0]
    add     w5, w3, w1
    stlxr   w4, w5, [x0]
    cbnz    w4, 1b
    dmb     ish
    mov     w0, w3
    ret

function nano_atomic_add64
1:  ldaxr   x3, [x0]
    add     x5, x3, x1
    stlxr   w4, x5, [x0]
    cbnz    w4, 1b
    dmb     ish
    mov     x0, x3
    ret

// ============================== Barriers =======================================================
function nano_barrier_full
    dmb     ish
    ret

function nano_barrier_dmb_sy
    dmb     sy
    ret

function nano_barrier_dmb_st
    dmb     st
    ret

function nano_barrier_dmb_ld
    dmb     ld
    ret

function nano_barrier_dsb_sy
    dsb     sy
    ret

function nano_barrier_isb
    isb
    ret

// ============================== Device (MMIO) accesses =========================================
// Exactly one access of the given width. Reads are followed by a load barrier (later accesses wait
// for the device's answer), writes are preceded by a store barrier (earlier buffer writes reach
// memory before the device is told), as Linux's readX/writeX do.
function nano_mmio_read8
    ldrb    w0, [x0]
    dmb     oshld
    ret

function nano_mmio_read16
    ldrh    w0, [x0]
    dmb     oshld
    ret

function nano_mmio_read32
    ldr     w0, [x0]
    dmb     oshld
    ret

function nano_mmio_read64
    ldr     x0, [x0]
    dmb     oshld
    ret

function nano_mmio_write8
    dmb     oshst
    strb    w1, [x0]
    ret

function nano_mmio_write16
    dmb     oshst
    strh    w1, [x0]
    ret

function nano_mmio_write32
    dmb     oshst
    str     w1, [x0]
    ret

function nano_mmio_write64
    dmb     oshst
    str     x1, [x0]
    ret

// ============================== CPU ============================================================
function nano_cpu_wait_for_interrupt
    dsb     sy
    wfi
    ret

function nano_cpu_read_daif
    mrs     x0, daif
    ret

function nano_cpu_write_daif
    msr     daif, x0
    ret

// Masks IRQ and FIQ; returns the previous DAIF.
function nano_cpu_save_and_disable
    mrs     x0, daif
    msr     daifset, #3
    ret

function nano_cpu_disable_interrupts
    msr     daifset, #3
    ret

function nano_cpu_enable_interrupts
    msr     daifclr, #3
    ret

function nano_cpu_current_el
    mrs     x0, currentel
    lsr     x0, x0, #2
    ret

function nano_cpu_stack_pointer
    mov     x0, sp
    ret

// int nano_cpu_in_exception_handler(void): 1 inside an exception handler (IRQ or fault: SP_EL1 selected),
// 0 in thread code (EL1t, SP_EL0). The vectors never switch back to SP_EL0 before eret.
function nano_cpu_in_exception_handler
    mrs     x0, spsel
    and     x0, x0, #1
    ret

// ============================== FP/SIMD state probes (tests of the exception frame) ==========
// void nano_fp_scramble(uint64_t pattern): leaves every vector register, FPCR and FPSR as an interrupt
// handler that computes with them would: q0-q31 filled with the pattern (d8-d15 keep their low halves,
// as the AAPCS64 requires of a callee; their upper halves are not preserved), FPCR = round towards zero
// with flush-to-zero, FPSR = every cumulative exception flag. Only a frame that saves and restores the
// whole FP/SIMD state hides this from the interrupted code.
#define ScrambledFpcr   ((3 << 22) | (1 << 24))     // RMode = 0b11 (towards zero), FZ
#define ScrambledFpsr   0x9f                        // IDC, IXC, UFC, OFC, DZC, IOC
function nano_fp_scramble
    stp     d8, d9, [sp, #-64]!
    stp     d10, d11, [sp, #16]
    stp     d12, d13, [sp, #32]
    stp     d14, d15, [sp, #48]
    dup     v0.2d, x0
    .irp n, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
    mov     v\n\().16b, v0.16b
    .endr
    ldp     d10, d11, [sp, #16]             // writes the low half, zeroes the upper half
    ldp     d12, d13, [sp, #32]
    ldp     d14, d15, [sp, #48]
    ldp     d8, d9, [sp], #64
    mov     x1, #ScrambledFpcr
    msr     fpcr, x1
    mov     x1, #ScrambledFpsr
    msr     fpsr, x1
    ret

// uint64_t nano_fp_status_exchange(uint64_t value): sets FPSR, returns what it held.
function nano_fp_status_exchange
    mrs     x1, fpsr
    msr     fpsr, x0
    mov     x0, x1
    ret

// uint64_t nano_fp_control(void): FPCR.
function nano_fp_control
    mrs     x0, fpcr
    ret

// ============================== Address translation (diagnostics) ============================
// uint64_t nano_mmu_translate_read(uint64_t va): PAR_EL1 after a stage 1 EL1 read translation of va
// (Arm ARM D17.2.113: F = bit 0; when 0, PA[47:12], SH[8:7], ATTR[63:56] in MAIR_EL1's encoding).
function nano_mmu_translate_read
    at      s1e1r, x0
    isb
    mrs     x0, par_el1
    ret

// uint64_t nano_mmu_attribute_indirection(void): MAIR_EL1.
function nano_mmu_attribute_indirection
    mrs     x0, mair_el1
    ret

// ============================== Generic timer (EL1 virtual timer) ==============================
function nano_timer_counter
    isb                                     // do not read the counter early
    mrs     x0, cntvct_el0
    ret

function nano_timer_frequency
    mrs     x0, cntfrq_el0
    ret

function nano_timer_set_compare
    msr     cntv_cval_el0, x0
    isb
    ret

function nano_timer_set_control
    msr     cntv_ctl_el0, x0
    isb
    ret

function nano_timer_control
    mrs     x0, cntv_ctl_el0
    ret

// ============================== Image facts =================================================
function nano_board_device_tree
    adr_l   x0, nano_device_tree_address
    ldr     x0, [x0]
    ret

// void** nano_modules_bounds(void*** end)
function nano_modules_bounds
    adr_l   x1, __modules_end
    str     x1, [x0]
    adr_l   x0, __modules_start
    ret

// uint8_t* nano_heap_bounds(uint8_t** end)
function nano_heap_bounds
    ldr     x1, =__heap_end
    str     x1, [x0]
    adr_l   x0, __heap_start
    ret

// TypeNameEntry* nano_type_names(size_t* count): 16-byte rows { MethodTable*, const char* }.
function nano_type_names
    adr_l   x1, __nano_type_names_start
    adr_l   x2, __nano_type_names_end
    sub     x2, x2, x1
    lsr     x2, x2, #4
    str     x2, [x0]
    mov     x0, x1
    ret

// void nano_image_bounds(uint8_t** start, uint8_t** end) : loaded image extent
function nano_image_bounds
    adr_l   x2, __image_start
    str     x2, [x0]
    adr_l   x2, __image_end
    str     x2, [x1]
    ret

// The return address in the calling managed method's frame record (x29 chain).
function nano_caller_return_address
    ldr     x0, [x29, #8]
    ret

// ============================== Compiler/runtime contract ======================================
// Write barriers (x14 = destination, x15 = value; x13 = source for the by-ref form). Without a GC
// they are plain stores, with the post-increments the calling convention of these helpers promises.
function RhpAssignRefArm64
    str     x15, [x14], #8
    ret

function RhpCheckedAssignRefArm64
    str     x15, [x14], #8
    ret

function RhpByRefAssignRefArm64
    ldr     x15, [x13], #8
    str     x15, [x14], #8
    ret

    .data
    .balign 8
    .global __security_cookie
__security_cookie:
    .quad   0x2b992ddfa232d5e1              // any non-zero value; stackalloc frames check it
    .global RhpTrapThreads
RhpTrapThreads:
    .word   0                               // never set: no suspension requests without a GC
    .word   0

    .bss
    .balign 8
nano_console_owner:
    .word   0                               // CPU index + 1 of the CPU writing a line, 0 = none
    .word   0

// Every CPU's stacks are painted at boot with 0x4b4154534b415453 ("STAKSTAK"); a high-water mark is where the paint stops.

// nano_paint_stack(x1 = limit, x2 = top): boot only, before any call uses a stack; leaf, touches x1-x3.
    .text
function nano_paint_stack
    movz    x3, #0x5453
    movk    x3, #0x4b41, lsl #16
    movk    x3, #0x5453, lsl #32
    movk    x3, #0x4b41, lsl #48
1:  cmp     x1, x2
    b.hs    2f
    str     x3, [x1], #8
    b       1b
2:  ret

// uint64_t nano_stack_used(int exception_stack): bytes below the top of this CPU's stack that were ever
// written (the painted words from the limit upwards that are still intact are the part never reached).
function nano_stack_used
    mrs     x3, tpidr_el1
    ldr     x1, [x3, #CpuThreadLimit]
    ldr     x2, [x3, #CpuThreadTop]
    cbz     w0, 1f
    ldr     x1, [x3, #CpuExceptionLimit]
    ldr     x2, [x3, #CpuExceptionTop]
1:  movz    x3, #0x5453
    movk    x3, #0x4b41, lsl #16
    movk    x3, #0x5453, lsl #32
    movk    x3, #0x4b41, lsl #48
2:  cmp     x1, x2
    b.hs    3f
    ldr     x4, [x1]
    cmp     x4, x3
    b.ne    3f
    add     x1, x1, #8
    b       2b
3:  sub     x0, x2, x1
    ret

// uint64_t nano_stack_size(int exception_stack): the stack's size in bytes (the same on every CPU).
function nano_stack_size
    mrs     x3, tpidr_el1
    ldr     x1, [x3, #CpuThreadLimit]
    ldr     x2, [x3, #CpuThreadTop]
    cbz     w0, 1f
    ldr     x1, [x3, #CpuExceptionLimit]
    ldr     x2, [x3, #CpuExceptionTop]
1:  sub     x0, x2, x1
    ret

// uint64_t nano_stack_top(int exception_stack): the address above this CPU's stack's first word.
function nano_stack_top
    mrs     x3, tpidr_el1
    ldr     x1, [x3, #CpuThreadTop]
    cbz     w0, 1f
    ldr     x1, [x3, #CpuExceptionTop]
1:  mov     x0, x1
    ret

// void nano_stack_guards(uint8_t** thread_guard, uint8_t** exception_guard): this CPU's unmapped pages.
function nano_stack_guards
    mrs     x3, tpidr_el1
    ldr     x2, [x3, #CpuThreadLimit]
    sub     x2, x2, #4096
    str     x2, [x0]
    ldr     x2, [x3, #CpuExceptionLimit]
    sub     x2, x2, #4096
    str     x2, [x1]
    ret
