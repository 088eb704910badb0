// A stack overflow inside an interrupt handler: the exception stack's guard page must stop it, the report must
// not be written over the thread stack that lies just below that guard, and the run goes on.
using System;
using System.Runtime.InteropServices;
using System.Threading;
using Nano.Runtime;
using Nano.Runtime.Native;
using Nano.TestFramework;

namespace Runtime.Tests;

[TestClass]
public static unsafe class ExceptionStackTests
{
    // Bytes above this test's own frame: the runner's frames up to the top of the thread stack, which ends
    // where the exception stack's guard page begins. Nothing writes them while the test runs.
    private const ulong OwnFrameBytes = 256;

    private static ulong s_sink;
    private static byte[] s_before = null!;

    [Setup]
    public static void AllocateSnapshot() => s_before = new byte[4096];

    private static ulong RecurseInHandler(ulong depth)
    {
        Span<byte> frame = stackalloc byte[256];
        frame[(int)(depth & 255)] = (byte)depth;
        return RecurseInHandler(depth + 1) + frame[3];
    }

    private static void OverflowInHandler() => Volatile.Write(ref s_sink, RecurseInHandler(1));

    private static void WaitForOverflowInHandler()
    {
        Clock.SetTimeout(100, &OverflowInHandler);
        ulong end = Clock.Ticks + Clock.MicrosecondsToTicks(1_000_000);
        while (Clock.Ticks < end)
        {
        }
    }

    [TestMethod]
    public static void A_stack_overflow_in_a_handler_stops_at_the_guard_and_spares_the_thread_stack()
    {
        byte* threadGuard, exceptionGuard;
        NativeStackGuards(&threadGuard, &exceptionGuard);
        byte* watched = (byte*)(Cpu.StackPointer + OwnFrameBytes);
        int watchedBytes = (int)(exceptionGuard - watched);
        Assert.IsTrue(watchedBytes > 0 && watchedBytes <= s_before.Length, "the runner's frames fit the snapshot");
        new ReadOnlySpan<byte>(watched, watchedBytes).CopyTo(s_before);

        Assert.AreEqual(Panic.ExitCode, Recovery.Run(&WaitForOverflowInHandler));
        Assert.AreEqual("stack overflow", Panic.LastReason);

        int changed = 0;
        for (int i = 0; i < watchedBytes; i++)
        {
            if (watched[i] != s_before[i])
                changed++;
        }
        Assert.AreEqual(0, changed, "bytes of the thread stack's top written by the handler's overflow");
        Assert.IsTrue(Cpu.InterruptsEnabled, "thread mode again, unmasked");
    }

    [DllImport("*", EntryPoint = "nano_stack_guards"), SuppressGCTransition]
    private static extern void NativeStackGuards(byte** threadGuard, byte** exceptionGuard);
}
