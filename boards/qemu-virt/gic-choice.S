// The GIC architecture this image is built for: Board.targets assembles this file once per board variant,
// with NANO_GIC_VERSION 2 (image.elf) or 3 (gicv3/image.elf); everything else is shared.
#include "macros.h"

#ifndef NANO_GIC_VERSION
#define NANO_GIC_VERSION 2
#endif

    .text
// uint64_t nano_board_gic_version(void)
function nano_board_gic_version
    mov     x0, #NANO_GIC_VERSION
    ret
