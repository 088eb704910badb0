// Synchronous exceptions and unexpected vectors: decode, report as a panic, escape or stop.
using System;
using System.Runtime.InteropServices;
using Nano.Runtime;

namespace Nano.Runtime.Native;

// Safety: the frame pointer comes from the vector stub and points at the frame it just saved on the
// exception stack; it stays valid for the whole handler, which only reads it.
internal static unsafe class Faults
{
    // ESR_EL1 exception classes (Arm ARM D17.2.37).
    private const uint ClassUnknown = 0x00;
    private const uint ClassFloatingPointAccess = 0x07;
    private const uint ClassIllegalState = 0x0E;
    private const uint ClassSupervisorCall = 0x15;
    private const uint ClassHypervisorCall = 0x16;
    private const uint ClassInstructionAbortLower = 0x20;
    private const uint ClassInstructionAbort = 0x21;
    private const uint ClassPcAlignment = 0x22;
    private const uint ClassDataAbortLower = 0x24;
    private const uint ClassDataAbort = 0x25;
    private const uint ClassSpAlignment = 0x26;
    private const uint ClassFloatingPoint = 0x2C;
    private const uint ClassSError = 0x2F;
    private const uint ClassBreakpoint = 0x3C;

    // Addresses below this are treated as null + field offset (the unmapped low window is far larger).
    private const ulong NullWindow = 0x10000;

    /// <summary>Entered from the vector stub for synchronous exceptions, FIQ and SError.</summary>
    [UnmanagedCallersOnly(EntryPoint = "nano_exception")]
    private static void OnException(ExceptionFrame* frame)
    {
        uint exceptionClass = (uint)(frame->Syndrome >> 26) & 0x3F;
        ulong kind = frame->Kind;
        if ((kind & 3) == 0 && kind < 8)
        {
            Panic.WriteHeader(IsStackGuard(exceptionClass, frame->FaultAddress) ? "stack overflow" : Describe(exceptionClass, frame->FaultAddress));
            Panic.WriteDetail("fault", ClassName(exceptionClass));
        }
        else
        {
            Panic.WriteHeader("unexpected exception");
            Panic.WriteDetail("fault", VectorName(kind));
        }
        if (IsAbort(exceptionClass))
            Panic.WriteDetail("FAR", frame->FaultAddress);
        Panic.WriteDetail("ELR", frame->ExceptionLinkRegister);
        Panic.WriteDetail("ESR", frame->Syndrome);
        Panic.WriteDetail("SPSR", frame->SavedProgramStatus);
        Panic.WriteDetail("SP", frame->StackPointer);
        Panic.WriteDetail("LR", frame->X[30]);
        if (kind >= 4)
            Panic.WriteDetail("context", "inside an exception handler");
        // Escapes to the innermost Recovery.Run (the shim leaves handler mode first) or exits with 2.
        Panic.Stop();
    }

    // The linker script puts an unmapped page below each stack; touching it means the stack ran out.
    private static bool IsStackGuard(uint exceptionClass, ulong faultAddress)
    {
        if (exceptionClass is not (ClassDataAbort or ClassDataAbortLower))
            return false;
        byte* threadGuard, exceptionGuard;
        NativeStackGuards(&threadGuard, &exceptionGuard);
        return faultAddress - (ulong)threadGuard < 4096 || faultAddress - (ulong)exceptionGuard < 4096;
    }

    private static bool IsAbort(uint exceptionClass)
        => exceptionClass is ClassDataAbort or ClassDataAbortLower or ClassInstructionAbort or ClassInstructionAbortLower or ClassPcAlignment;

    private static string Describe(uint exceptionClass, ulong faultAddress)
    {
        switch (exceptionClass)
        {
            case ClassDataAbort:
            case ClassDataAbortLower:
                return faultAddress < NullWindow ? "null reference" : "data abort";
            case ClassInstructionAbort:
            case ClassInstructionAbortLower:
                return faultAddress < NullWindow ? "call through a null pointer" : "instruction abort";
            case ClassUnknown:
                return "undefined instruction";
            case ClassPcAlignment:
                return "misaligned program counter";
            case ClassSpAlignment:
                return "misaligned stack pointer";
            case ClassBreakpoint:
                return "breakpoint";
            default:
                return "synchronous exception";
        }
    }

    private static string ClassName(uint exceptionClass) => exceptionClass switch
    {
        ClassUnknown => "unknown reason (EC 0x00)",
        ClassFloatingPointAccess => "FP/SIMD access trapped (EC 0x07)",
        ClassIllegalState => "illegal execution state (EC 0x0E)",
        ClassSupervisorCall => "SVC (EC 0x15)",
        ClassHypervisorCall => "HVC (EC 0x16)",
        ClassInstructionAbortLower => "instruction abort, lower EL (EC 0x20)",
        ClassInstructionAbort => "instruction abort (EC 0x21)",
        ClassPcAlignment => "PC alignment (EC 0x22)",
        ClassDataAbortLower => "data abort, lower EL (EC 0x24)",
        ClassDataAbort => "data abort (EC 0x25)",
        ClassSpAlignment => "SP alignment (EC 0x26)",
        ClassFloatingPoint => "floating-point exception (EC 0x2C)",
        ClassSError => "SError (EC 0x2F)",
        ClassBreakpoint => "BRK (EC 0x3C)",
        _ => "other exception class",
    };

    private static string VectorName(ulong kind) => kind switch
    {
        2 => "FIQ",
        3 => "SError",
        6 => "FIQ inside a handler",
        7 => "SError inside a handler",
        _ => "exception from a lower exception level",
    };

    // ---- Native shim -----------------------------------------------------------------------

    [DllImport("*", EntryPoint = "nano_stack_guards"), SuppressGCTransition]
    private static extern void NativeStackGuards(byte** threadGuard, byte** exceptionGuard);
}
