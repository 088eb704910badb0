// The stacks' high-water marks: painted at boot, so a mark grows when a deeper frame writes, never shrinks,
// and stays well short of the stack's size in a program this small.
using System;
using System.Runtime.CompilerServices;
using Nano.Runtime.Native;
using Nano.TestFramework;

namespace Runtime.Memory.Tests;

[TestClass]
public static class StackUsageTests
{
    private const int DeepBytes = 16 * 1024;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int TouchDeepFrame()
    {
        // Written through, so the compiler keeps the frame and every painted word under it is overwritten.
        Span<byte> frame = stackalloc byte[DeepBytes];
        frame.Fill(1);
        return frame[DeepBytes - 1] + frame[0];
    }

    [TestMethod]
    public static void A_deeper_frame_raises_the_thread_mark_and_the_mark_stays_after_it_returns()
    {
        ulong depthHere = StackUsage.ThreadTop - Cpu.StackPointer;
        Assert.IsTrue(StackUsage.ThreadUsed >= depthHere, "the mark covers the frames live now");
        Assert.IsTrue(depthHere + DeepBytes < StackUsage.ThreadSize, "room for the deep frame");
        Assert.AreEqual(2, TouchDeepFrame());
        ulong after = StackUsage.ThreadUsed;
        Assert.IsTrue(after >= depthHere + DeepBytes, "the mark covers the deep frame");
        Assert.IsTrue(after < StackUsage.ThreadSize, "the mark is inside the stack");
        Assert.AreEqual(after, StackUsage.ThreadUsed, "the mark does not shrink");
    }

    [TestMethod]
    public static void Stack_sizes_are_the_linker_script_s()
    {
        Assert.AreEqual(64UL * 1024, StackUsage.ThreadSize);
        Assert.AreEqual(32UL * 1024, StackUsage.ExceptionSize);
        Assert.IsTrue(StackUsage.ExceptionUsed < StackUsage.ExceptionSize, "the exception stack's mark is inside it");
    }
}
