// How an assertion leaves the running test: a non-local exit to the runner's recovery point with a
// code saying why. The codes stay clear of the panic code (2), which the board's fault path uses.
using System;
using Nano.Runtime.Native;

namespace Nano.TestFramework;

internal static class TestEscape
{
    /// <summary>An assertion failed; the message is in <see cref="FailureMessage"/>.</summary>
    public const int Failed = 0x7E570001;

    /// <summary>The test called SkipTest; the reason is in <see cref="FailureMessage"/>.</summary>
    public const int Skipped = 0x7E570002;

    /// <summary>Leaves the running test with <paramref name="code"/>. Outside any test (no recovery point)
    /// this ends the machine with the test-failed exit code instead.</summary>
    public static void Leave(int code)
    {
        if (Recovery.Depth == 0)
            Power.Exit(ExitCodes.TestFailed);
        Recovery.Escape(code);
    }
}
