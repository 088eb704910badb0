// scmi-guest: a minimal AArch64 guest for the vhost-user-scmi integration test.
// Finds the virtio-mmio SCMI device (device id 32), does the modern (version 2) init with VERSION_1 and
// P2A_CHANNELS, sets up cmdq and eventq with 8-entry rings in .bss, sends one SCMI BASE PROTOCOL_VERSION
// command, waits for the reply, prints the result on the PL011 and powers off with PSCI SYSTEM_OFF.
// Failures print "scmi-guest: FAIL <what>" and exit through semihosting with a non-zero code.
// Assembled with --defsym LEGACY=1 it drives the legacy (version 1) register layout instead: QEMU's
// default, where queues are given by page frame number and no VERSION_1 is negotiated.
        .ifndef LEGACY
        .equ LEGACY, 0
        .endif

        .equ UART_DR,           0x09000000
        .equ MMIO_BASE,         0x0a000000
        .equ MMIO_STRIDE,       0x200
        .equ MMIO_SLOTS,        32
        // virtio 1.3 §4.2.2 MMIO device register layout
        .equ REG_MAGIC,         0x000
        .equ REG_VERSION,       0x004
        .equ REG_DEVICE_ID,     0x008
        .equ REG_DEV_FEATURES,  0x010
        .equ REG_DEV_FEAT_SEL,  0x014
        .equ REG_DRV_FEATURES,  0x020
        .equ REG_DRV_FEAT_SEL,  0x024
        .equ REG_QUEUE_SEL,     0x030
        .equ REG_QUEUE_NUM_MAX, 0x034
        .equ REG_QUEUE_NUM,     0x038
        .equ REG_QUEUE_READY,   0x044
        .equ REG_GUEST_PAGE_SIZE, 0x028                 // legacy only
        .equ REG_QUEUE_ALIGN,   0x03c                   // legacy only
        .equ REG_QUEUE_PFN,     0x040                   // legacy only
        .equ REG_QUEUE_NOTIFY,  0x050
        .equ REG_STATUS,        0x070
        .equ REG_DESC_LOW,      0x080
        .equ REG_DESC_HIGH,     0x084
        .equ REG_DRIVER_LOW,    0x090
        .equ REG_DRIVER_HIGH,   0x094
        .equ REG_DEVICE_LOW,    0x0a0
        .equ REG_DEVICE_HIGH,   0x0a4
        .equ VIRTIO_MAGIC,      0x74726976
        .equ SCMI_DEVICE_ID,    32
        // virtio 1.3 §2.1 device status bits
        .equ STATUS_ACK,        1
        .equ STATUS_DRIVER,     2
        .equ STATUS_DRIVER_OK,  4
        .equ STATUS_FEATURES_OK, 8
        .equ QUEUE_SIZE,        8
        .equ DESC_F_NEXT,       1
        .equ DESC_F_WRITE,      2
        // SCMI header: message id 0 (PROTOCOL_VERSION), type 0, protocol 0x10 (base), token 0
        .equ SCMI_BASE_VERSION_HDR, (0x10 << 10)
        .equ PSCI_SYSTEM_OFF,   0x84000008

        .section .text.start, "ax"
        .global _start
_start:
        ldr     x0, =stack_top
        mov     sp, x0
        adr     x0, msg_hello
        bl      puts

        // ---- find the device ----
        mov     x19, #MMIO_BASE
        mov     x20, #0
find:
        ldr     w1, [x19, #REG_MAGIC]
        ldr     w2, =VIRTIO_MAGIC
        cmp     w1, w2
        b.ne    next_slot
        ldr     w1, [x19, #REG_DEVICE_ID]
        cmp     w1, #SCMI_DEVICE_ID
        b.eq    found
next_slot:
        add     x19, x19, #MMIO_STRIDE
        add     x20, x20, #1
        cmp     x20, #MMIO_SLOTS
        b.lt    find
        adr     x0, msg_nodev
        mov     x1, #3
        b       fail
found:
        ldr     w1, [x19, #REG_VERSION]
        .if LEGACY
        cmp     w1, #1
        .else
        cmp     w1, #2
        .endif
        b.eq    1f
        adr     x0, msg_version_mismatch
        mov     x1, #4
        b       fail
1:
        // ---- virtio 1.3 §3.1.1 driver initialization (§4.2.4 for legacy) ----
        str     wzr, [x19, #REG_STATUS]                 // reset
        mov     w1, #STATUS_ACK
        str     w1, [x19, #REG_STATUS]
        mov     w1, #(STATUS_ACK | STATUS_DRIVER)
        str     w1, [x19, #REG_STATUS]
        .if LEGACY
        str     wzr, [x19, #REG_DRV_FEAT_SEL]           // legacy: feature word 0 only, P2A_CHANNELS (bit 0)
        mov     w1, #1
        str     w1, [x19, #REG_DRV_FEATURES]
        mov     w1, #4096
        str     w1, [x19, #REG_GUEST_PAGE_SIZE]
        b       3f
        .else
        mov     w1, #1                                  // feature word 1: VERSION_1 is bit 32
        str     w1, [x19, #REG_DEV_FEAT_SEL]
        ldr     w2, [x19, #REG_DEV_FEATURES]
        tbnz    w2, #0, 2f
        adr     x0, msg_noversion1
        mov     x1, #5
        b       fail
2:
        str     wzr, [x19, #REG_DRV_FEAT_SEL]           // word 0: VIRTIO_SCMI_F_P2A_CHANNELS (bit 0)
        mov     w1, #1
        str     w1, [x19, #REG_DRV_FEATURES]
        str     w1, [x19, #REG_DRV_FEAT_SEL]            // word 1: VERSION_1
        str     w1, [x19, #REG_DRV_FEATURES]
        mov     w1, #(STATUS_ACK | STATUS_DRIVER | STATUS_FEATURES_OK)
        str     w1, [x19, #REG_STATUS]
        ldr     w2, [x19, #REG_STATUS]
        tbnz    w2, #3, 3f
        adr     x0, msg_features
        mov     x1, #6
        b       fail
        .endif
3:
        mov     w0, #0
        ldr     x1, =cmdq
        bl      setup_queue
        mov     w0, #1
        ldr     x1, =eventq
        bl      setup_queue
        .if LEGACY
        mov     w1, #(STATUS_ACK | STATUS_DRIVER | STATUS_DRIVER_OK)
        .else
        mov     w1, #(STATUS_ACK | STATUS_DRIVER | STATUS_FEATURES_OK | STATUS_DRIVER_OK)
        .endif
        str     w1, [x19, #REG_STATUS]
        adr     x0, msg_ready
        bl      puts

        // ---- one SCMI command: BASE PROTOCOL_VERSION ----
        ldr     x2, =request
        ldr     w3, =SCMI_BASE_VERSION_HDR
        str     w3, [x2]
        ldr     x4, =reply
        mov     w5, #0xeeee
        str     w5, [x4]                                // so a header echo is visible
        ldr     x1, =cmdq                               // desc[0]: request, readable, NEXT -> 1
        str     x2, [x1, #0]
        mov     w5, #4
        str     w5, [x1, #8]
        mov     w5, #DESC_F_NEXT
        strh    w5, [x1, #12]
        mov     w5, #1
        strh    w5, [x1, #14]
        str     x4, [x1, #16]                           // desc[1]: reply area, writable
        mov     w5, #16
        str     w5, [x1, #24]
        mov     w5, #DESC_F_WRITE
        strh    w5, [x1, #28]
        strh    wzr, [x1, #30]
        add     x6, x1, #(16 * QUEUE_SIZE)              // avail ring
        strh    wzr, [x6, #4]                           // ring[0] = head 0
        dmb     ish                                     // virtio 1.3 §2.7.13.3: barrier before idx
        mov     w5, #1
        strh    w5, [x6, #2]                            // avail idx = 1
        dmb     ish
        str     wzr, [x19, #REG_QUEUE_NOTIFY]           // kick cmdq

        // wait up to ~5 s (generic timer) for used idx to become 1
        mrs     x7, cntfrq_el0
        mov     x8, #5
        mul     x7, x7, x8
        mrs     x8, cntvct_el0
        add     x7, x7, x8
        ldr     x9, =cmdq_used
wait:
        ldrh    w5, [x9, #2]
        cmp     w5, #1
        b.eq    got_reply
        mrs     x8, cntvct_el0
        cmp     x8, x7
        b.lo    wait
        adr     x0, msg_timeout
        mov     x1, #7
        b       fail
got_reply:
        dmb     ish
        ldr     w5, [x9, #8]                            // used.ring[0].len
        cmp     w5, #8
        b.hs    4f
        adr     x0, msg_short
        mov     x1, #8
        b       fail
4:
        ldr     w5, [x4]                                // header echo
        ldr     w3, =SCMI_BASE_VERSION_HDR
        cmp     w5, w3
        b.eq    5f
        adr     x0, msg_header
        mov     x1, #9
        b       fail
5:
        ldr     w0, [x4, #4]                            // status
        ldr     w1, [x4, #8]                            // version (when status is SUCCESS)
        mov     w20, w0
        mov     w21, w1
        adr     x0, msg_reply
        bl      puts
        mov     w0, w20
        bl      puthex
        adr     x0, msg_version
        bl      puts
        mov     w0, w21
        bl      puthex
        adr     x0, msg_newline
        bl      puts
        str     wzr, [x19, #REG_STATUS]                 // reset the device before leaving
        adr     x0, msg_done
        bl      puts
        ldr     x0, =PSCI_SYSTEM_OFF
        hvc     #0
        b       .

// setup_queue(w0 = index, x1 = ring base): desc at +0, avail at +16*N, used at +4096
setup_queue:
        str     w0, [x19, #REG_QUEUE_SEL]
        ldr     w2, [x19, #REG_QUEUE_NUM_MAX]
        cmp     w2, #QUEUE_SIZE
        b.hs    1f
        adr     x0, msg_queuemax
        mov     x1, #10
        b       fail
1:
        mov     w2, #QUEUE_SIZE
        str     w2, [x19, #REG_QUEUE_NUM]
        .if LEGACY
        // virtio 1.3 §4.2.4: legacy rings are contiguous: descriptors, avail, then used at QueueAlign.
        // With 8 entries and 4096 alignment this is the same layout as below (used at +4096).
        mov     w2, #4096
        str     w2, [x19, #REG_QUEUE_ALIGN]
        lsr     x3, x1, #12
        str     w3, [x19, #REG_QUEUE_PFN]
        .else
        str     w1, [x19, #REG_DESC_LOW]
        lsr     x3, x1, #32
        str     w3, [x19, #REG_DESC_HIGH]
        add     x3, x1, #(16 * QUEUE_SIZE)
        str     w3, [x19, #REG_DRIVER_LOW]
        lsr     x3, x3, #32
        str     w3, [x19, #REG_DRIVER_HIGH]
        add     x3, x1, #4096
        str     w3, [x19, #REG_DEVICE_LOW]
        lsr     x3, x3, #32
        str     w3, [x19, #REG_DEVICE_HIGH]
        mov     w2, #1
        str     w2, [x19, #REG_QUEUE_READY]
        .endif
        ret

// puts(x0 = NUL-terminated string)
puts:
        mov     x2, #UART_DR
1:      ldrb    w1, [x0], #1
        cbz     w1, 2f
        str     w1, [x2]
        b       1b
2:      ret

// puthex(w0): eight hex digits
puthex:
        mov     x2, #UART_DR
        mov     w3, #28
1:      lsr     w1, w0, w3
        and     w1, w1, #0xf
        cmp     w1, #10
        add     w4, w1, #'0'
        add     w5, w1, #('a' - 10)
        csel    w1, w4, w5, lo
        str     w1, [x2]
        subs    w3, w3, #4
        b.ge    1b
        ret

// fail(x0 = message, x1 = exit code): print, then semihosting SYS_EXIT_EXTENDED, then PSCI as a fallback
fail:
        mov     x20, x1
        mov     x21, x0
        adr     x0, msg_fail
        bl      puts
        mov     x0, x21
        bl      puts
        adr     x0, msg_newline
        bl      puts
        ldr     x1, =exit_block
        ldr     x2, =0x20026                            // ADP_Stopped_ApplicationExit
        str     x2, [x1]
        str     x20, [x1, #8]
        mov     x0, #0x20                               // SYS_EXIT_EXTENDED
        hlt     #0xf000
        ldr     x0, =PSCI_SYSTEM_OFF
        hvc     #0
        b       .

        .section .rodata
msg_hello:      .asciz "scmi-guest: start\n"
msg_ready:      .asciz "scmi-guest: device ready\n"
msg_reply:      .asciz "scmi-guest: reply status 0x"
msg_version:    .asciz " version 0x"
msg_done:       .asciz "scmi-guest: done\n"
msg_newline:    .asciz "\n"
msg_fail:       .asciz "scmi-guest: FAIL "
msg_nodev:      .asciz "no virtio-mmio device with id 32"
        .if LEGACY
msg_version_mismatch: .asciz "device is not legacy (version 1); this image is the legacy build"
        .else
msg_version_mismatch: .asciz "device is legacy (version 1); use force-legacy=false"
        .endif
msg_noversion1: .asciz "device does not offer VERSION_1"
msg_features:   .asciz "FEATURES_OK not accepted"
msg_queuemax:   .asciz "queue too small"
msg_timeout:    .asciz "no reply within 5 s"
msg_short:      .asciz "reply shorter than 8 bytes"
msg_header:     .asciz "reply header does not echo the request"

        .bss
        .balign 4096
cmdq:           .skip 4096                              // descriptors + avail ring
cmdq_used:      .skip 4096                              // used ring
eventq:         .skip 8192
request:        .skip 64
reply:          .skip 64
exit_block:     .skip 16
        .balign 16
                .skip 16384
stack_top:
