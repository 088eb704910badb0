// Assembly helpers shared by the board's .S files.
#ifndef NANO_MACROS_H
#define NANO_MACROS_H

// Address of a symbol anywhere within +-4 GiB (PC-relative, no literal pool).
.macro adr_l reg, symbol
    adrp    \reg, \symbol
    add     \reg, \reg, :lo12:\symbol
.endm

// A global function symbol with its type, so the map and the disassembly show it.
.macro function name
    .global \name
    .type   \name, %function
    .balign 4
\name:
.endm

#endif
