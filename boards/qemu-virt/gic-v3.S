// GICv3 CPU interface: the ICC_*_EL1 system registers (GICv3 §12.1: reached by MRS/MSR, not memory-mapped),
// one entry point each for GicV3.cs. Encodings are spelled out (op0_op1_CRn_CRm_op2) so any assembler takes them.
#include "macros.h"

#define ICC_PMR_EL1     S3_0_C4_C6_0
#define ICC_IAR1_EL1    S3_0_C12_C12_0
#define ICC_EOIR1_EL1   S3_0_C12_C12_1
#define ICC_BPR1_EL1    S3_0_C12_C12_3
#define ICC_SRE_EL1     S3_0_C12_C12_5
#define ICC_IGRPEN1_EL1 S3_0_C12_C12_7
#define ICC_SGI1R_EL1   S3_0_C12_C11_5

    .text
// uint32_t nano_gicv3_affinity(void): MPIDR_EL1's Aff3.Aff2.Aff1.Aff0 packed as GICR_TYPER[63:32] holds them.
function nano_gicv3_affinity
    mrs     x1, mpidr_el1
    and     x0, x1, #0xffffff               // Aff2.Aff1.Aff0
    lsr     x1, x1, #32
    and     x1, x1, #0xff                   // Aff3
    orr     x0, x0, x1, lsl #24
    ret

function nano_gicv3_read_sre
    mrs     x0, ICC_SRE_EL1
    ret

// GICv3 §12.2.13 ICC_SRE_EL1: a write is followed by an ISB before the change is relied on.
function nano_gicv3_write_sre
    msr     ICC_SRE_EL1, x0
    isb
    ret

function nano_gicv3_write_pmr
    msr     ICC_PMR_EL1, x0
    isb
    ret

function nano_gicv3_write_bpr1
    msr     ICC_BPR1_EL1, x0
    isb
    ret

function nano_gicv3_write_igrpen1
    msr     ICC_IGRPEN1_EL1, x0
    isb
    ret

// A system-register write is not ordered against memory: the DSB makes this CPU's stores visible before the
// SGI can reach its target (the target reads what the sender wrote); the ISB makes the write take effect now.
function nano_gicv3_send_sgi
    dsb     ishst
    msr     ICC_SGI1R_EL1, x0
    isb
    ret

// Acknowledge reads the INTID and makes it active. A system-register read is not ordered against later memory
// accesses, so a DSB makes the acknowledge complete before the handler touches the device (or its memory).
function nano_gicv3_acknowledge
    mrs     x0, ICC_IAR1_EL1
    dsb     sy
    ret

// EOImode 0: one write drops the running priority and deactivates the INTID; the ISB makes it take effect
// before the IRQ mask is lifted on return from the exception.
function nano_gicv3_end_of_interrupt
    msr     ICC_EOIR1_EL1, x0
    isb
    ret
