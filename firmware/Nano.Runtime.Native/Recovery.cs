// Non-local exit for the test framework: run a body, come back here from anywhere below it.
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using Nano.Runtime;

namespace Nano.Runtime.Native;

/// <summary>
/// setjmp/longjmp-style recovery points. <see cref="Run"/> calls a body and returns 0 when it returns,
/// or the code passed to <see cref="Escape"/> anywhere below it. While a Run is active a fault or panic
/// prints its PANIC lines and escapes with code 2 instead of stopping the machine. After an escape the
/// CPU is back in thread mode on the Run caller's stack, with the interrupt masks it had at Run.
/// Nothing is unwound: no finally blocks run, and nothing allocated below is released.
/// </summary>
// Safety: the body is a managed function pointer, null-checked; the shim keeps each recovery point on
// the stack of the Run that owns it and restores it only while that Run is still active.
public static unsafe class Recovery
{
    /// <summary>Calls <paramref name="body"/>; returns 0 if it returns, else the escape code (never 0).
    /// Context: thread only. A recovery point on the exception stack would be lost when an escape leaves
    /// handler mode (and would end the interrupt in service early), so Run inside a handler panics.</summary>
    public static int Run(delegate*<void> body)
    {
        if (body is null)
            Panic.Fail("Recovery.Run: null body");
        if (Cpu.InExceptionHandler)
            Panic.Fail("Recovery.Run inside an interrupt handler");
        return NativeRun(body);
    }

    /// <summary>Returns control to the innermost active <see cref="Run"/>, which returns <paramref name="code"/>.
    /// With no Run active the machine stops with <paramref name="code"/> as its exit code.</summary>
    [DoesNotReturn]
    public static void Escape(int code)
    {
        if (code == 0)
            Panic.Fail("Recovery.Escape: code 0 means 'returned normally'");
        NativeEscape(code);
        while (true) { }
    }

    /// <summary>True while at least one <see cref="Run"/> is active.</summary>
    public static bool IsActive => NativeDepth() > 0;

    /// <summary>Number of nested active <see cref="Run"/> calls.</summary>
    public static int Depth => NativeDepth();

    // ---- Native shim -----------------------------------------------------------------------

    [DllImport("*", EntryPoint = "nano_recovery_run"), SuppressGCTransition]
    private static extern int NativeRun(delegate*<void> body);

    [DllImport("*", EntryPoint = "nano_recovery_escape"), SuppressGCTransition]
    private static extern void NativeEscape(int code);

    [DllImport("*", EntryPoint = "nano_recovery_depth"), SuppressGCTransition]
    private static extern int NativeDepth();
}
