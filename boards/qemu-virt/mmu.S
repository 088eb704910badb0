// MMU set-up: 4 KiB granule, 39-bit VA starting at level 1, identity map.
//   0x00000000-0x07ffffff  unmapped (flash; page 0 so null dereferences fault)
//   DeviceWindowBase-End   Device-nGnRE, execute-never (GIC, UART, virtio-mmio, PCIe windows)
//   0x40000000-0xffffffff  Normal write-back cacheable RAM (1 GiB blocks; QEMU RAM starts at 1 GiB)
#include "board-map.h"
#include "macros.h"

// MAIR_EL1 attribute indexes.
#define AttrDeviceNgnrne 0      // 0x00
#define AttrDeviceNgnre  1      // 0x04
#define AttrNormal       2      // 0xff: inner/outer write-back, read/write allocate
#define MairValue        0x00ff0400

// Block descriptor bits: valid block (0b01), AttrIndx[4:2], AP[7:6] = 00 (EL1 read/write),
// SH[9:8], AF[10] (accessed, so no access-flag faults), PXN[53], UXN[54].
#define BlockNormal      (0x1 | (AttrNormal << 2) | (0x3 << 8) | (1 << 10))
#define BlockDeviceLow   (0x1 | (AttrDeviceNgnre << 2) | (1 << 10))
#define BlockDeviceHigh  0x60                           // PXN | UXN, as bits 53/54 >> 48
#define TableDescriptor  0x3

// TCR_EL1: T0SZ = 25 (39-bit), IRGN0/ORGN0 = write-back, SH0 = inner shareable, TG0 = 4 KiB,
// EPD1 = 1 (no TTBR1 walks), IPS = 40-bit.
#define TcrValue         (25 | (1 << 8) | (1 << 10) | (3 << 12) | (1 << 23))
#define TcrIps40         2

    .text
function nano_mmu_enable
    adr_l   x0, nano_level1_table
    adr_l   x1, nano_level2_low_table

    // Both tables start invalid (they live in a NOLOAD section nobody else clears).
    mov     x2, x0
    add     x3, x0, #8192
0:  stp     xzr, xzr, [x2], #16
    cmp     x2, x3
    b.lo    0b

    // Level 1 entry 0 (first GiB) points at the level 2 table for the device window.
    orr     x2, x1, #TableDescriptor
    str     x2, [x0]

    // Level 1 entries 1..3: RAM as 1 GiB Normal blocks.
    mov     x3, #1
1:  lsl     x2, x3, #30
    mov     x4, #BlockNormal
    orr     x2, x2, x4
    str     x2, [x0, x3, lsl #3]
    add     x3, x3, #1
    cmp     x3, #4
    b.lo    1b

    // Level 2 (2 MiB blocks) across the device window; entries below it stay invalid.
    mov     x3, #(DeviceWindowBase >> 21)
    mov     x5, #(DeviceWindowEnd >> 21)
    mov     x4, #BlockDeviceLow
    movk    x4, #(BlockDeviceHigh << 0), lsl #48
2:  lsl     x2, x3, #21
    orr     x2, x2, x4
    str     x2, [x1, x3, lsl #3]
    add     x3, x3, #1
    cmp     x3, x5
    b.lo    2b

    // Attributes, translation control, table base.
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

    // SCTLR_EL1: M (MMU), C (data cache), I (instruction cache) on; A (alignment check) and
    // WXN off: compiled code makes unaligned accesses to Normal memory.
    mrs     x2, sctlr_el1
    mov     x3, #((1 << 0) | (1 << 2) | (1 << 12))
    orr     x2, x2, x3
    bic     x2, x2, #(1 << 1)
    bic     x2, x2, #(1 << 19)
    msr     sctlr_el1, x2
    isb
    ret

    .section .page_tables, "aw", %nobits
    .balign 4096
nano_level1_table:
    .space  4096
nano_level2_low_table:
    .space  4096
