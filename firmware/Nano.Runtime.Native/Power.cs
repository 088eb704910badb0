// Ending the machine with an exit code the host can see.
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;

namespace Nano.Runtime.Native;

/// <summary>Machine power control.</summary>
public static class Power
{
    /// <summary>
    /// Stops the machine. With QEMU semihosting enabled the code becomes QEMU's exit status
    /// (SYS_EXIT_EXTENDED); otherwise PSCI SYSTEM_OFF powers off (seen by the host as 0).
    /// Codes (docs/conventions.md): 0 passed, 1 a test failed, 2 panic, 3 runner broke.
    /// </summary>
    [DoesNotReturn]
    public static void Exit(int code)
    {
        NativeExit(code);
        while (true) { }
    }

    // ---- Native shim -----------------------------------------------------------------------

    [DllImport("*", EntryPoint = "nano_power_exit"), SuppressGCTransition]
    private static extern void NativeExit(int code);
}
