// Exception vectors. Firmware runs in EL1t (SP_EL0); every exception switches to SP_EL1, saves the
// full register state (compiled C# uses x0-x30 and q0-q31), calls the managed handler with a pointer
// to the saved frame, restores and returns. Frame layout = Nano.Runtime.Native.ExceptionFrame.
#include "board-map.h"
#include "macros.h"
#include "percpu.h"

#define FrameX0     0           // x0..x30 at 8 * n
#define FrameSp     248         // interrupted SP (SP_EL0, or SP_EL1 for EL1h sources)
#define FrameElr    256
#define FrameSpsr   264
#define FrameEsr    272
#define FrameFar    280
#define FrameFpsr   288
#define FrameFpcr   296
#define FrameKind   304         // vector index 0..15
#define FrameQ0     320         // q0..q31 at 320 + 16 * n
#define FrameSize   832

// An exception taken inside a handler with less than this much exception stack left is reported from the
// emergency stack instead: the frame (FrameSize) plus the fault report's own frames must fit above the guard
// page, or saving the frame faults on the guard, and each nested fault steps another frame down, past the
// guard and into the thread stack below it.
#define HandlerStackReserve 4096

// Exception kinds passed to the managed handler (vector offset / 0x80).
#define KindThreadSync      0
#define KindThreadIrq       1
#define KindThreadFiq       2
#define KindThreadSerror    3
#define KindHandlerSync     4
#define KindHandlerIrq      5
#define KindHandlerFiq      6
#define KindHandlerSerror   7

.macro save_frame kind
    sub     sp, sp, #FrameSize
    stp     x0, x1, [sp, #0]
    stp     x2, x3, [sp, #16]
    stp     x4, x5, [sp, #32]
    stp     x6, x7, [sp, #48]
    stp     x8, x9, [sp, #64]
    stp     x10, x11, [sp, #80]
    stp     x12, x13, [sp, #96]
    stp     x14, x15, [sp, #112]
    stp     x16, x17, [sp, #128]
    stp     x18, x19, [sp, #144]
    stp     x20, x21, [sp, #160]
    stp     x22, x23, [sp, #176]
    stp     x24, x25, [sp, #192]
    stp     x26, x27, [sp, #208]
    stp     x28, x29, [sp, #224]
    str     x30, [sp, #240]
    .if \kind < 4
    mrs     x0, sp_el0
    .else
    add     x0, sp, #FrameSize
    .endif
    mrs     x1, elr_el1
    stp     x0, x1, [sp, #FrameSp]
    mrs     x0, spsr_el1
    mrs     x1, esr_el1
    stp     x0, x1, [sp, #FrameSpsr]
    mrs     x0, far_el1
    mrs     x1, fpsr
    stp     x0, x1, [sp, #FrameFar]
    mrs     x0, fpcr
    mov     x1, #\kind
    stp     x0, x1, [sp, #FrameFpcr]
    add     x0, sp, #FrameQ0
    stp     q0, q1, [x0, #0]
    stp     q2, q3, [x0, #32]
    stp     q4, q5, [x0, #64]
    stp     q6, q7, [x0, #96]
    stp     q8, q9, [x0, #128]
    stp     q10, q11, [x0, #160]
    stp     q12, q13, [x0, #192]
    stp     q14, q15, [x0, #224]
    stp     q16, q17, [x0, #256]
    stp     q18, q19, [x0, #288]
    stp     q20, q21, [x0, #320]
    stp     q22, q23, [x0, #352]
    stp     q24, q25, [x0, #384]
    stp     q26, q27, [x0, #416]
    stp     q28, q29, [x0, #448]
    stp     q30, q31, [x0, #480]
    mov     x0, sp
.endm

    .text
// Restores the frame at sp (ELR/SPSR possibly edited by the handler) and returns from the exception.
function nano_exception_return
    add     x0, sp, #FrameQ0
    ldp     q0, q1, [x0, #0]
    ldp     q2, q3, [x0, #32]
    ldp     q4, q5, [x0, #64]
    ldp     q6, q7, [x0, #96]
    ldp     q8, q9, [x0, #128]
    ldp     q10, q11, [x0, #160]
    ldp     q12, q13, [x0, #192]
    ldp     q14, q15, [x0, #224]
    ldp     q16, q17, [x0, #256]
    ldp     q18, q19, [x0, #288]
    ldp     q20, q21, [x0, #320]
    ldp     q22, q23, [x0, #352]
    ldp     q24, q25, [x0, #384]
    ldp     q26, q27, [x0, #416]
    ldp     q28, q29, [x0, #448]
    ldp     q30, q31, [x0, #480]
    ldp     x0, x1, [sp, #FrameFpcr - 8]    // FrameFpsr, FrameFpcr
    msr     fpsr, x0
    msr     fpcr, x1
    ldr     x0, [sp, #FrameElr]
    msr     elr_el1, x0
    ldr     x0, [sp, #FrameSpsr]
    msr     spsr_el1, x0
    ldp     x0, x1, [sp, #0]
    ldp     x2, x3, [sp, #16]
    ldp     x4, x5, [sp, #32]
    ldp     x6, x7, [sp, #48]
    ldp     x8, x9, [sp, #64]
    ldp     x10, x11, [sp, #80]
    ldp     x12, x13, [sp, #96]
    ldp     x14, x15, [sp, #112]
    ldp     x16, x17, [sp, #128]
    ldp     x18, x19, [sp, #144]
    ldp     x20, x21, [sp, #160]
    ldp     x22, x23, [sp, #176]
    ldp     x24, x25, [sp, #192]
    ldp     x26, x27, [sp, #208]
    ldp     x28, x29, [sp, #224]
    ldr     x30, [sp, #240]
    add     sp, sp, #FrameSize
    eret

// Synchronous exceptions. The one expected trap, HLT for semihosting when QEMU runs without
// semihosting, is skipped here (x0 = -1, "not handled") so Power.Exit can fall back to PSCI.
.macro sync_entry kind
    save_frame \kind
    ldr     x1, [sp, #FrameElr]
    adr_l   x2, nano_semihost_trap
    cmp     x1, x2
    b.ne    1f
    add     x1, x1, #4
    str     x1, [sp, #FrameElr]
    mov     x1, #-1
    str     x1, [sp, #FrameX0]
    b       nano_exception_return
1:  bl      nano_exception              // managed: reports, then escapes or exits (no return)
    b       nano_exception_return
.endm

.macro irq_entry kind
    save_frame \kind
    bl      nano_irq                    // managed: acknowledge, dispatch, end of interrupt
    b       nano_exception_return
.endm

.macro unexpected_entry kind
    save_frame \kind
    bl      nano_exception
    b       nano_exception_return
.endm

// Handler-mode entries first check the room left on this CPU's exception stack (sp is SP_EL1 here).
// TPIDRRO_EL0 (nothing runs at EL0) holds x0 while x0 holds the limit, so no interrupted register is lost;
// TPIDR_EL1 points at this CPU's block (percpu.h).
.macro check_exception_stack kind
    msr     tpidrro_el0, x0
    mrs     x0, tpidr_el1
    ldr     x0, [x0, #CpuExceptionLimit]
    add     x0, x0, #HandlerStackReserve
    cmp     sp, x0
    mrs     x0, tpidrro_el0
    b.lo    exception_stack_exhausted_\kind
.endm

// Reports a fault whose frame would not fit on the exception stack from this CPU's emergency stack. The
// report escapes to Recovery.Run (which resets SP_EL1 to the top of the exception stack) or stops the machine.
.macro exhausted_entry kind
exception_stack_exhausted_\kind:
    msr     tpidrro_el0, x0
    mrs     x0, tpidr_el1
    ldr     x0, [x0, #CpuEmergencyTop]
    mov     sp, x0
    mrs     x0, tpidrro_el0
    save_frame \kind
    bl      nano_exception
    b       nano_exception_return
.endm

el1t_sync:      sync_entry KindThreadSync
el1t_irq:       irq_entry KindThreadIrq
el1t_fiq:       unexpected_entry KindThreadFiq
el1t_serror:    unexpected_entry KindThreadSerror
el1h_sync:      check_exception_stack KindHandlerSync
                sync_entry KindHandlerSync
el1h_irq:       check_exception_stack KindHandlerIrq
                irq_entry KindHandlerIrq
el1h_fiq:       check_exception_stack KindHandlerFiq
                unexpected_entry KindHandlerFiq
el1h_serror:    check_exception_stack KindHandlerSerror
                unexpected_entry KindHandlerSerror
lower_any:      unexpected_entry 8

                exhausted_entry KindHandlerSync
                exhausted_entry KindHandlerIrq
                exhausted_entry KindHandlerFiq
                exhausted_entry KindHandlerSerror


    .section .text.vectors, "ax"
    .balign 2048
    .global nano_vectors
nano_vectors:
    // Current EL with SP_EL0 (EL1t: firmware code)
    .balign 0x80
    b       el1t_sync
    .balign 0x80
    b       el1t_irq
    .balign 0x80
    b       el1t_fiq
    .balign 0x80
    b       el1t_serror
    // Current EL with SP_EL1 (EL1h: inside a handler, or before the switch to SP_EL0)
    .balign 0x80
    b       el1h_sync
    .balign 0x80
    b       el1h_irq
    .balign 0x80
    b       el1h_fiq
    .balign 0x80
    b       el1h_serror
    // Lower EL, AArch64 and AArch32: nothing runs below EL1
    .rept 8
    .balign 0x80
    b       lower_any
    .endr
