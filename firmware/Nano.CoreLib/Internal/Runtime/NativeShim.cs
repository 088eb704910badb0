// The corelib's few calls into the board's native shim (assembly, boards/<board>/*.S).
using System;
using System.Runtime.InteropServices;

namespace Internal.Runtime;

internal static unsafe class NativeShim
{
    /// <summary>Writes bytes to the debug console (PL011 on qemu-virt), polling; safe in any context.</summary>
    [DllImport("*", EntryPoint = "nano_uart_write"), SuppressGCTransition]
    public static extern void ConsoleWrite(byte* bytes, nuint length);

    /// <summary>Ends the machine: semihosting exit with the code, else PSCI SYSTEM_OFF. Never returns.</summary>
    [DllImport("*", EntryPoint = "nano_power_exit"), SuppressGCTransition]
    public static extern void PowerExit(int code);

    /// <summary>True inside an exception handler (an interrupt handler or a fault report), false in thread code.</summary>
    [DllImport("*", EntryPoint = "nano_cpu_in_exception_handler"), SuppressGCTransition]
    public static extern bool InExceptionHandler();

    /// <summary>Masks IRQ and FIQ (a panic report is not interleaved with an interrupt handler's output).</summary>
    [DllImport("*", EntryPoint = "nano_cpu_disable_interrupts"), SuppressGCTransition]
    public static extern void DisableInterrupts();

    /// <summary>The running CPU's index (0 = the boot CPU).</summary>
    [DllImport("*", EntryPoint = "nano_cpu_index"), SuppressGCTransition]
    public static extern uint CpuIndex();

    /// <summary>The count of CPUs online (bring-up done), kept by the shim; read with Volatile.</summary>
    [DllImport("*", EntryPoint = "nano_cpu_online_word"), SuppressGCTransition]
    public static extern int* OnlineCpuWord();

    /// <summary>Stops every other CPU (the board's stop SGI) and returns how many acknowledged.</summary>
    [DllImport("*", EntryPoint = "nano_smp_stop_others"), SuppressGCTransition]
    public static extern int StopOtherCpus();

    /// <summary>Depth of this CPU's nested Recovery.Run frames (0 = none active).</summary>
    [DllImport("*", EntryPoint = "nano_recovery_depth"), SuppressGCTransition]
    public static extern int RecoveryDepth();

    /// <summary>Unwinds to the innermost Recovery.Run, which returns <paramref name="code"/>. Never returns.</summary>
    [DllImport("*", EntryPoint = "nano_recovery_escape"), SuppressGCTransition]
    public static extern void RecoveryEscape(int code);

    /// <summary>The return address stored in the calling managed method's frame record.</summary>
    [DllImport("*", EntryPoint = "nano_caller_return_address"), SuppressGCTransition]
    public static extern nuint CallerReturnAddress();

    /// <summary>Start and end of the linker-bracketed __modules section (ReadyToRun header pointers).</summary>
    [DllImport("*", EntryPoint = "nano_modules_bounds"), SuppressGCTransition]
    public static extern void** ModulesBounds(void*** end);

    /// <summary>Start and end of the heap region the linker script leaves after the image.</summary>
    [DllImport("*", EntryPoint = "nano_heap_bounds"), SuppressGCTransition]
    public static extern byte* HeapBounds(byte** end);

    /// <summary>The MethodTable-address-to-name table the image build generates (may be empty).</summary>
    [DllImport("*", EntryPoint = "nano_type_names"), SuppressGCTransition]
    public static extern TypeNameEntry* TypeNames(nuint* count);
}

/// <summary>One row of the build-generated type name table.</summary>
internal unsafe struct TypeNameEntry
{
    public MethodTable* Type;
    public byte* Name;   // NUL-terminated UTF-8
}
