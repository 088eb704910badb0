// The IRQ frame saves and restores the whole FP/SIMD state: a handler that leaves junk in q0-q31, FPCR and
// FPSR (nano_fp_scramble) must be invisible to the thread it interrupted, which computes with them.
using System.Runtime.InteropServices;
using Nano.TestFramework;

namespace Runtime.Concurrency.Tests;

[TestClass]
public static unsafe class FloatingPointContextTests
{
    private const int Terms = 4000;
    private const ulong ScramblePattern = 0x7FF4_DEAD_7FF4_BEEF;   // a signalling NaN in each half
    private const ulong CumulativeFlags = 0x9F;                    // FPSR IDC, IXC, UFC, OFC, DZC, IOC

    private struct Quad
    {
        public ulong Low;
        public ulong High;
    }

    private static void Scramble() => NativeScramble(ScramblePattern);

    private static ulong Bits(double value) => *(ulong*)&value;

    // A harmonic sum: each term rounds (so FPCR's rounding mode shows in the result) and the running sum
    // lives in a vector register across the whole loop.
    private static double HarmonicSum(int terms)
    {
        double sum = 0;
        for (int i = 1; i <= terms; i++)
            sum += 1.0 / i;
        return sum;
    }

    [TestMethod]
    public static void Vector_registers_and_FPCR_survive_interrupts()
    {
        double expected = HarmonicSum(Terms);   // before any scrambling handler runs
        PeriodicInterrupt.Start(&Scramble);
        double raced = 0;
        bool allEqual = true;
        for (int round = 0; PeriodicInterrupt.KeepRacing(round, 8); round++)
        {
            raced = HarmonicSum(Terms);
            allEqual &= Bits(raced) == Bits(expected);
        }
        int interrupts = PeriodicInterrupt.Stop();
        Assert.IsTrue(interrupts >= PeriodicInterrupt.MinimumCalls, "the handler raced the thread");
        Assert.AreEqual(0UL, NativeControl() & ((3UL << 22) | (1UL << 24)), "FPCR: round to nearest, no flush-to-zero");
        Assert.IsTrue(allEqual, "every sum computed under interrupts equals the quiet one");
    }

    [TestMethod]
    public static void Sixteen_byte_copies_through_q_registers_survive_interrupts()
    {
        Quad* source = stackalloc Quad[64];
        Quad* target = stackalloc Quad[64];
        for (int i = 0; i < 64; i++)
        {
            source[i].Low = 0x0101_0101_0101_0101UL * (ulong)(i + 1);
            source[i].High = ~source[i].Low;
        }
        int mismatches = 0;
        PeriodicInterrupt.Start(&Scramble);
        for (int round = 0; PeriodicInterrupt.KeepRacing(round, 400); round++)
        {
            for (int i = 0; i < 64; i++)
                target[i] = source[i];
            for (int i = 0; i < 64; i++)
            {
                if (target[i].Low != source[i].Low || target[i].High != source[i].High)
                    mismatches++;
            }
        }
        int interrupts = PeriodicInterrupt.Stop();
        Assert.IsTrue(interrupts >= PeriodicInterrupt.MinimumCalls, "the handler raced the thread");
        Assert.AreEqual(0, mismatches, "16-byte copies corrupted");
    }

    [TestMethod]
    public static void FPSR_flags_of_the_handler_do_not_leak_into_the_thread()
    {
        NativeStatusExchange(0);
        double exact = 0;
        PeriodicInterrupt.Start(&Scramble);
        int terms = 0;
        for (; PeriodicInterrupt.KeepRacing(terms, Terms * 4); terms++)
            exact += 1.0;                       // exact: raises no flag itself
        int interrupts = PeriodicInterrupt.Stop();
        ulong status = NativeStatusExchange(0);
        Assert.IsTrue(interrupts >= PeriodicInterrupt.MinimumCalls, "the handler raced the thread");
        Assert.AreEqual(Bits((double)terms), Bits(exact), "the sum");
        Assert.AreEqual(0UL, status & CumulativeFlags, "FPSR as the thread left it");
    }

    // ---- Board shim probes ----------------------------------------------------------------------

    [DllImport("*", EntryPoint = "nano_fp_scramble"), SuppressGCTransition]
    private static extern void NativeScramble(ulong pattern);

    [DllImport("*", EntryPoint = "nano_fp_status_exchange"), SuppressGCTransition]
    private static extern ulong NativeStatusExchange(ulong value);

    [DllImport("*", EntryPoint = "nano_fp_control"), SuppressGCTransition]
    private static extern ulong NativeControl();
}
