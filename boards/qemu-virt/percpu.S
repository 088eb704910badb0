// Per-CPU state the assembly needs (stacks, recovery chain), the CPU's identity, PSCI calls and events.
// Each CPU's TPIDR_EL1 holds the address of its own block in nano_cpu_blocks (layout: percpu.h).
#include "board-map.h"
#include "macros.h"
#include "percpu.h"

    .text
// void nano_cpu_blocks_init(void): CPU 0 at boot, after .bss is zeroed and before any stack is used: fills
// every CPU's block from the linker's stack slots and points TPIDR_EL1 at block 0. Leaf; touches x0-x7.
function nano_cpu_blocks_init
    adr_l   x0, nano_cpu_blocks
    adr_l   x1, __stacks_start
    adr_l   x2, nano_emergency_stacks
    mov     x3, #0
    ldr     x6, =StackSlotSize
1:  str     x3, [x0, #CpuIndex]
    add     x4, x1, #4096
    str     x4, [x0, #CpuThreadLimit]
    ldr     x7, =StackSize
    add     x4, x4, x7
    str     x4, [x0, #CpuThreadTop]
    add     x4, x4, #4096
    str     x4, [x0, #CpuExceptionLimit]
    ldr     x7, =ExceptionStackSize
    add     x4, x4, x7
    str     x4, [x0, #CpuExceptionTop]
    ldr     x7, =EmergencyStackSize
    add     x2, x2, x7
    str     x2, [x0, #CpuEmergencyTop]
    add     x1, x1, x6
    add     x0, x0, #(1 << CpuBlockShift)
    add     x3, x3, #1
    cmp     x3, #MaxCpus
    b.lo    1b
    adr_l   x0, nano_cpu_blocks
    msr     tpidr_el1, x0
    ret

// uint32_t nano_cpu_index(void): the running CPU's index, 0..MaxCpus-1.
function nano_cpu_index
    mrs     x0, tpidr_el1
    ldr     x0, [x0, #CpuIndex]
    ret

// int* nano_cpu_online_word(void): the count of CPUs that finished bring-up (CPU 0 included once it has).
function nano_cpu_online_word
    adr_l   x0, nano_cpus_online
    ret

// uint64_t nano_cpu_affinity(void): MPIDR_EL1's affinity fields (Aff3 in bits 39..32, Aff2..Aff0 in 23..0),
// the value PSCI and the device tree's /cpus reg name a CPU by.
function nano_cpu_affinity
    mrs     x0, mpidr_el1
    and     x1, x0, #0xff00000000
    and     x0, x0, #0xffffff
    orr     x0, x0, x1
    ret

// void nano_cpu_send_event(void): wakes every CPU waiting in WFE (after the stores it must see).
function nano_cpu_send_event
    dsb     ish
    sev
    ret

// void nano_cpu_wait_for_event(void): sleeps until an event or an interrupt (may return at once).
function nano_cpu_wait_for_event
    wfe
    ret

// void nano_cpu_clean_blocks(void): writes the CPU blocks back to the point of coherency, so a CPU that
// starts with its MMU and data cache off reads what CPU 0 wrote through its cache.
function nano_cpu_clean_blocks
    adr_l   x0, nano_cpu_blocks
    add     x1, x0, #(MaxCpus << CpuBlockShift)
1:  dc      cvac, x0
    add     x0, x0, #64
    cmp     x0, x1
    b.lo    1b
    dsb     sy
    ret

// int64_t nano_psci_call(uint64_t function, uint64_t a1, uint64_t a2, uint64_t a3, int use_smc): one PSCI
// call through the conduit the device tree's /psci node names ("hvc" or "smc").
// PSCI (DEN0022) §5.2.1 / SMCCC: function id in w0, arguments in x1..x3, the result in x0.
function nano_psci_call
    cbnz    w4, 1f
    hvc     #0
    ret
1:  smc     #0
    ret

    .bss
    .balign 64
    .global nano_cpu_blocks
nano_cpu_blocks:
    .space  MaxCpus << CpuBlockShift
    .balign 16
nano_emergency_stacks:
    .space  EmergencyStackSize * MaxCpus
    .balign 8
nano_cpus_online:
    .word   0
    .word   0

    .text
// int64_t nano_secondary_start(uint64_t target_affinity, uint64_t index, int use_smc): PSCI CPU_ON for the CPU
// with that affinity, entering nano_secondary_entry (boot.S) with x0 = index. Returns PSCI's status (0 = started).
// PSCI (DEN0022) §5.1.4: CPU_ON (SMC64 0xC4000003) takes target_cpu, entry_point_address, context_id.
#define PsciCpuOn64 0xC4000003
function nano_secondary_start
    mov     w4, w2
    mov     x3, x1
    mov     x1, x0
    adr_l   x2, nano_secondary_entry
    movz    w0, #(PsciCpuOn64 & 0xffff)
    movk    w0, #(PsciCpuOn64 >> 16), lsl #16
    b       nano_psci_call
