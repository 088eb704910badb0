// MMU set-up: 4 KiB granule, 39-bit VA starting at level 1, identity map.
//   0x00000000-0x07ffffff  unmapped (flash; page 0 so null dereferences fault)
//   DeviceWindowBase-End   Device-nGnRE, execute-never (GIC, UART, virtio-mmio, PCIe windows)
//   0x40000000-0x7fffffff  Normal write-back cacheable RAM in 2 MiB blocks, except the block holding
//                          the stacks, mapped with 4 KiB pages so each CPU's two stack guard pages stay unmapped
//   0x80000000-0xffffffff  Normal RAM in 1 GiB blocks (larger -m values)
// Until the device tree is read all of it is mapped; board bring-up then calls nano_mmu_unmap_ram_from
// with the end of RAM the tree reports, and everything above it faults (no RAM there).
#include "board-map.h"
#include "macros.h"

// MAIR_EL1 attribute indexes.
#define AttrDeviceNgnrne 0      // 0x00
#define AttrDeviceNgnre  1      // 0x04
#define AttrNormal       2      // 0xff: inner/outer write-back, read/write allocate
#define MairValue        0x00ff0400

// Descriptor bits: block (0b01) or page/table (0b11), AttrIndx[4:2], AP[7:6] = 00 (EL1 read/write),
// SH[9:8], AF[10] (accessed, so no access-flag faults), PXN[53] and UXN[54] (as 0x60 << 48).
#define BlockNormal      (0x1 | (AttrNormal << 2) | (0x3 << 8) | (1 << 10))
#define PageNormal       (0x3 | (AttrNormal << 2) | (0x3 << 8) | (1 << 10))
#define BlockDeviceLow   (0x1 | (AttrDeviceNgnre << 2) | (1 << 10))
#define ExecuteNeverHigh 0x60
#define TableDescriptor  0x3

// TCR_EL1: T0SZ = 25 (39-bit), IRGN0/ORGN0 = write-back, SH0 = inner shareable, TG0 = 4 KiB,
// EPD1 = 1 (no TTBR1 walks), IPS = 40-bit.
#define TcrValue         (25 | (1 << 8) | (1 << 10) | (3 << 12) | (1 << 23))
#define TcrIps40         2

    .text
function nano_mmu_enable
    // ---- All four tables start invalid (a NOLOAD section nobody else clears) ----
    adr_l   x0, nano_level1_table
    add     x3, x0, #(4 * 4096)
0:  stp     xzr, xzr, [x0], #16
    cmp     x0, x3
    b.lo    0b

    adr_l   x0, nano_level1_table
    adr_l   x1, nano_level2_device_table
    adr_l   x6, nano_level2_ram_table
    adr_l   x7, nano_level3_stack_table

    // ---- Level 1: GiB 0 -> device table, GiB 1 -> RAM table, GiB 2..3 -> Normal blocks ----
    orr     x2, x1, #TableDescriptor
    str     x2, [x0]
    orr     x2, x6, #TableDescriptor
    str     x2, [x0, #8]
    mov     x3, #2
    mov     x4, #BlockNormal
1:  lsl     x2, x3, #30
    orr     x2, x2, x4
    str     x2, [x0, x3, lsl #3]
    add     x3, x3, #1
    cmp     x3, #4
    b.lo    1b

    // ---- Level 2, GiB 0: the device window in 2 MiB Device blocks; below it stays invalid ----
    mov     x3, #(DeviceWindowBase >> 21)
    mov     x5, #(DeviceWindowEnd >> 21)
    mov     x4, #BlockDeviceLow
    movk    x4, #(ExecuteNeverHigh << 0), lsl #48
2:  lsl     x2, x3, #21
    orr     x2, x2, x4
    str     x2, [x1, x3, lsl #3]
    add     x3, x3, #1
    cmp     x3, x5
    b.lo    2b

    // ---- Level 2, GiB 1: RAM in 2 MiB Normal blocks ----
    mov     x3, #0
    mov     x4, #BlockNormal
    mov     x5, #RamBase
3:  add     x2, x5, x3, lsl #21
    orr     x2, x2, x4
    str     x2, [x6, x3, lsl #3]
    add     x3, x3, #1
    cmp     x3, #512
    b.lo    3b

    // ---- The stacks' 2 MiB block: 4 KiB pages; in each CPU's slot the page at the slot's start (below the
    //      thread stack) and the one above the thread stack (below the exception stack) stay invalid ----
    adr_l   x8, __stacks_start
    lsr     x9, x8, #21
    lsl     x9, x9, #21                     // base of the stacks' block
    mov     x3, #0
    mov     x4, #PageNormal
    adr_l   x10, __stacks_end
    ldr     x11, =StackSlotSize
    ldr     x12, =(4096 + StackSize)        // offset of the exception stack's guard within a slot
4:  add     x2, x9, x3, lsl #12
    cmp     x2, x8
    b.lo    6f                              // below the slots: plain RAM
    cmp     x2, x10
    b.hs    6f                              // above the slots: plain RAM
    sub     x13, x2, x8
    udiv    x14, x13, x11
    msub    x13, x14, x11, x13              // offset within the slot
    cbz     x13, 5f
    cmp     x13, x12
    b.eq    5f
6:  orr     x2, x2, x4
    str     x2, [x7, x3, lsl #3]
5:  add     x3, x3, #1
    cmp     x3, #512
    b.lo    4b
    ubfx    x3, x8, #21, #9                 // index of that block within GiB 1
    orr     x2, x7, #TableDescriptor
    str     x2, [x6, x3, lsl #3]

    // ---- Attributes, translation control, table base: falls through into what every CPU does ----

// void nano_mmu_enable_secondary(void): a CPU started after CPU 0 built the tables turns its MMU on with
// them (same attributes, translation control and table base). Touches x0-x3 only, uses no stack.
function nano_mmu_enable_secondary
    adr_l   x0, nano_level1_table
    ldr     x2, =MairValue
    msr     mair_el1, x2
    ldr     x2, =TcrValue
    mov     x3, #TcrIps40
    bfi     x2, x3, #32, #3
    msr     tcr_el1, x2
    msr     ttbr0_el1, x0
    dsb     ish                             // table writes visible to the walker
    tlbi    vmalle1
    dsb     ish
    isb

    // ---- SCTLR_EL1: M (MMU), C (data cache), I (instruction cache) on; A (alignment check) and
    //      WXN off: compiled code makes unaligned accesses to Normal memory ----
    mrs     x2, sctlr_el1
    mov     x3, #((1 << 0) | (1 << 2) | (1 << 12))
    orr     x2, x2, x3
    bic     x2, x2, #(1 << 1)
    bic     x2, x2, #(1 << 19)
    msr     sctlr_el1, x2
    isb
    ret

// void nano_mmu_unmap_ram_from(uint64_t end): invalidates the 2 MiB blocks of GiB 1 from the one holding
// end (rounded up to 2 MiB) and the 1 GiB blocks of GiB 2..3 that start at or above end, then drops the
// stale TLB entries. Only valid descriptors become invalid, so no break-before-make sequence is needed.
// (A RAM end inside GiB 2..3 keeps the rest of that GiB mapped: there is no level-2 table for it.)
function nano_mmu_unmap_ram_from
    mov     x1, #RamBase
    subs    x2, x0, x1
    b.ls    3f                              // at or below the start of RAM: not a RAM end, ignore
    mov     x4, #0x1fffff
    add     x2, x2, x4
    lsr     x2, x2, #21                     // first 2 MiB block past the end
    adr_l   x3, nano_level2_ram_table
1:  cmp     x2, #512
    b.hs    2f
    str     xzr, [x3, x2, lsl #3]
    add     x2, x2, #1
    b       1b
2:  adr_l   x3, nano_level1_table
    mov     x2, #2
4:  lsl     x4, x2, #30
    cmp     x4, x0
    b.lo    5f
    str     xzr, [x3, x2, lsl #3]
5:  add     x2, x2, #1
    cmp     x2, #4
    b.lo    4b
    dsb     ishst                           // descriptor writes visible to the walker
    tlbi    vmalle1is                       // every CPU's stale entries (inner shareable broadcast)
    dsb     ish
    isb
3:  ret

    .section .page_tables, "aw", %nobits
    .balign 4096
nano_level1_table:
    .space  4096
nano_level2_device_table:
    .space  4096
nano_level2_ram_table:
    .space  4096
nano_level3_stack_table:
    .space  4096
