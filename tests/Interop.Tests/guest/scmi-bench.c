/*
 * scmi-bench: round-trip latency of Linux's SCMI stack, timed inside the guest, for the commands ./nf bench times
 * on our firmware. Freestanding (no libc): raw AArch64 system calls, static buffers, built by build-guest.sh with
 * -nostdlib -static -ffreestanding into the initramfs as /bin/scmi-bench.
 *
 * Usage: scmi-bench ROUNDS. For each command it writes the whole message to raw/message and reads the reply back,
 * ROUNDS times after 64 untimed rounds, and prints "bench,latency.linux.NAME.{p50,p90,p99,min,max,count,rate},V,U"
 * (the lines tools/Nf/Bench/BenchOutputParser reads). A failure prints "bench-error,WHAT" and exits 1.
 *
 * One sample is CLOCK_MONOTONIC (a clock_gettime system call, no vDSO here) before write() and after the read()
 * that returns the reply: the write system call (raw mode copies the message into an xfer, registers its token,
 * sends it on the virtqueue and queues a waiter for its worker), the device's turn (QEMU, vhost-user, the platform),
 * the interrupt whose handler completes the xfer and copies the reply into raw mode's queue, the wakeup of this
 * task, and the read system call. Opening and closing raw/message (once per round) are outside the sample.
 */

typedef unsigned long u64;
typedef long s64;
typedef unsigned int u32;
typedef unsigned char u8;

/* arm64 asm-generic system call numbers (include/uapi/asm-generic/unistd.h). */
#define SYS_openat 56
#define SYS_close 57
#define SYS_read 63
#define SYS_write 64
#define SYS_exit 93
#define SYS_clock_gettime 113

#define AT_FDCWD (-100)
#define O_RDWR 2
#define CLOCK_MONOTONIC 1

#define MAX_ROUNDS 100000
#define WARMUP_ROUNDS 64

struct timespec_k {
    s64 tv_sec;
    s64 tv_nsec;
};

static s64 sys3(s64 number, s64 a, s64 b, s64 c)
{
    register s64 x8 __asm__("x8") = number;
    register s64 x0 __asm__("x0") = a;
    register s64 x1 __asm__("x1") = b;
    register s64 x2 __asm__("x2") = c;
    __asm__ volatile("svc #0" : "+r"(x0) : "r"(x8), "r"(x1), "r"(x2) : "memory", "cc");
    return x0;
}

static s64 sys4(s64 number, s64 a, s64 b, s64 c, s64 d)
{
    register s64 x8 __asm__("x8") = number;
    register s64 x0 __asm__("x0") = a;
    register s64 x1 __asm__("x1") = b;
    register s64 x2 __asm__("x2") = c;
    register s64 x3 __asm__("x3") = d;
    __asm__ volatile("svc #0" : "+r"(x0) : "r"(x8), "r"(x1), "r"(x2), "r"(x3) : "memory", "cc");
    return x0;
}

/* The compiler may emit calls to these for struct copies and clears. */
void *memset(void *destination, int value, unsigned long count)
{
    u8 *d = destination;
    while (count--)
        *d++ = (u8)value;
    return destination;
}

void *memcpy(void *destination, const void *source, unsigned long count)
{
    u8 *d = destination;
    const u8 *s = source;
    while (count--)
        *d++ = *s++;
    return destination;
}

static unsigned long length(const char *text)
{
    unsigned long n = 0;
    while (text[n])
        n++;
    return n;
}

static void out(const char *text) { sys3(SYS_write, 1, (s64)text, (s64)length(text)); }

static void out_number(u64 value)
{
    char digits[24];
    int i = sizeof digits;
    digits[--i] = 0;
    do {
        digits[--i] = (char)('0' + value % 10);
        value /= 10;
    } while (value);
    out(&digits[i]);
}

static __attribute__((noreturn)) void leave(int code)
{
    for (;;)
        sys3(SYS_exit, code, 0, 0);
}

static __attribute__((noreturn)) void fail(const char *what, const char *command, s64 detail)
{
    out("bench-error,linux ");
    out(command);
    out(": ");
    out(what);
    out(" (");
    if (detail < 0) {
        out("-");
        detail = -detail;
    }
    out_number((u64)detail);
    out(")\n");
    leave(1);
}

static u64 now_ns(void)
{
    struct timespec_k t;
    sys3(SYS_clock_gettime, CLOCK_MONOTONIC, (s64)&t, 0);
    return (u64)t.tv_sec * 1000000000UL + (u64)t.tv_nsec;
}

/* SCMI (DEN0056E) §4.1.2: message_id [7:0], message_type [9:8] (0: command), protocol_id [17:10], token [27:18]. */
static u32 header(u32 protocol, u32 message, u32 token)
{
    return (message & 0xff) | ((protocol & 0xff) << 10) | ((token & 0x3ff) << 18);
}

struct command {
    const char *name;
    u32 protocol;
    u32 message;
    u32 first_parameter;
    u32 parameter_bytes;
    u32 minimum_return_bytes;
};

/* The same three commands, with the same parameters, as firmware/Bench/BenchCommand.cs. */
static const struct command commands[] = {
    /* SCMI (DEN0056E) §4.2.2.1: BASE PROTOCOL_VERSION (0x0): no parameters, a 32-bit version. */
    { "base_version", 0x10, 0x0, 0, 0, 4 },
    /* SCMI (DEN0056E) §4.7.2.8: SENSOR_READING_GET (0x6): sensor_id 0, flags 0 (synchronous); at least a 64-bit value. */
    { "sensor_reading_get", 0x15, 0x6, 0, 8, 8 },
    /* SCMI (DEN0056E) §4.6.2.8: CLOCK_RATE_GET (0x6): clock_id 1, a 64-bit rate. */
    { "clock_rate_get", 0x14, 0x6, 1, 4, 8 },
};

static u64 samples[MAX_ROUNDS];
static u32 token;

static void put32(u8 *at, u32 value)
{
    at[0] = (u8)value;
    at[1] = (u8)(value >> 8);
    at[2] = (u8)(value >> 16);
    at[3] = (u8)(value >> 24);
}

static u32 get32(const u8 *at) { return at[0] | (u32)at[1] << 8 | (u32)at[2] << 16 | (u32)at[3] << 24; }

static const char raw_message[] = "/sys/kernel/debug/scmi/0/raw/message";

/*
 * One round trip; the time from before the write to after the reply's read, in nanoseconds. Each round opens
 * raw/message anew (untimed): the file is not seekable, a write lands at the file position the previous reply's
 * read left behind, and raw mode would then send its buffer's stale start instead of this message.
 */
static u64 round_trip(const struct command *c)
{
    u8 message[16];
    u8 reply[128];
    /* raw mode registers the token as given: increasing tokens never meet one its worker has not released yet. */
    u32 sent = header(c->protocol, c->message, token++);
    put32(message, sent);
    put32(message + 4, c->first_parameter);
    put32(message + 8, 0);
    u64 size = 4 + c->parameter_bytes;
    s64 fd = sys4(SYS_openat, AT_FDCWD, (s64)raw_message, O_RDWR, 0);
    if (fd < 0)
        fail("open /sys/kernel/debug/scmi/0/raw/message", c->name, fd);

    u64 start = now_ns();
    s64 written = sys3(SYS_write, fd, (s64)message, (s64)size);
    s64 got = sys3(SYS_read, fd, (s64)reply, sizeof reply);
    u64 end = now_ns();

    sys3(SYS_close, fd, 0, 0);
    if (written != (s64)size)
        fail("write to raw/message", c->name, written);
    if (got < 8 + (s64)c->minimum_return_bytes)
        fail("short or failed read of the reply", c->name, got);
    /* The reply carries the command's header (token included) and SCMI status SUCCESS (0). */
    if (get32(reply) != sent)
        fail("reply to another message", c->name, get32(reply));
    if (get32(reply + 4) != 0)
        fail("status", c->name, (s64)(int)get32(reply + 4));
    return end - start;
}

/* Heap sort in place: no recursion, no allocation (the same as firmware/Bench/Percentiles.cs). */
static void sift_down(u64 *values, u64 root, u64 count)
{
    for (;;) {
        u64 child = 2 * root + 1;
        if (child >= count)
            return;
        if (child + 1 < count && values[child + 1] > values[child])
            child++;
        if (values[root] >= values[child])
            return;
        u64 kept = values[root];
        values[root] = values[child];
        values[child] = kept;
        root = child;
    }
}

static void sort(u64 *values, u64 count)
{
    for (u64 i = count / 2; i-- > 0;)
        sift_down(values, i, count);
    for (u64 end = count; end-- > 1;) {
        u64 kept = values[0];
        values[0] = values[end];
        values[end] = kept;
        sift_down(values, 0, end);
    }
}

/* Nearest rank: the smallest sample with at least PERCENT % of the samples at or below it. */
static u64 percentile(const u64 *sorted, u64 count, u64 percent)
{
    u64 rank = (count * percent + 99) / 100;
    return sorted[rank < 1 ? 0 : rank - 1];
}

static void figure(const char *command, const char *what, u64 value, const char *unit)
{
    out("bench,latency.linux.");
    out(command);
    out(".");
    out(what);
    out(",");
    out_number(value);
    out(",");
    out(unit);
    out("\n");
}

static u64 parse(const char *text)
{
    u64 value = 0;
    if (!text || !*text)
        return 0;
    for (; *text; text++) {
        if (*text < '0' || *text > '9')
            return 0;
        value = value * 10 + (u64)(*text - '0');
    }
    return value;
}

static int run(int argc, char **argv)
{
    u64 rounds = argc > 1 ? parse(argv[1]) : 0;
    if (rounds == 0 || rounds > MAX_ROUNDS) {
        out("bench-error,linux: usage scmi-bench ROUNDS (1..100000)\n");
        return 1;
    }
    for (u64 k = 0; k < sizeof commands / sizeof commands[0]; k++) {
        const struct command *c = &commands[k];
        for (u64 i = 0; i < WARMUP_ROUNDS; i++)
            round_trip(c);
        u64 started = now_ns();
        for (u64 i = 0; i < rounds; i++)
            samples[i] = round_trip(c);
        u64 elapsed = now_ns() - started;
        sort(samples, rounds);
        figure(c->name, "p50", percentile(samples, rounds, 50), "ns");
        figure(c->name, "p90", percentile(samples, rounds, 90), "ns");
        figure(c->name, "p99", percentile(samples, rounds, 99), "ns");
        figure(c->name, "min", samples[0], "ns");
        figure(c->name, "max", samples[rounds - 1], "ns");
        figure(c->name, "count", rounds, "commands");
        figure(c->name, "rate", rounds * 1000000000UL / (elapsed ? elapsed : 1), "commands/s");
    }
    return 0;
}

/* The kernel starts us with sp at argc, then argv[]: hand both to run(). */
__attribute__((used)) static void start_c(u64 *stack)
{
    leave(run((int)stack[0], (char **)(stack + 1)));
}

__asm__(".text\n"
        ".global _start\n"
        "_start:\n"
        "    mov x29, #0\n"
        "    mov x30, #0\n"
        "    mov x0, sp\n"
        "    bl start_c\n"
        "    b .\n");
