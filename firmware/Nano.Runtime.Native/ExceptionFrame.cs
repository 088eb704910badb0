// The register state the vector stub saves on the exception stack (layout = boards/*/vectors.S).
namespace Nano.Runtime.Native;

/// <summary>Saved state of the interrupted code. Handlers may read it; the stub restores it on return.</summary>
public struct ExceptionFrame
{
    /// <summary>x0..x30.</summary>
    public GeneralRegisters X;
    /// <summary>Stack pointer of the interrupted code.</summary>
    public ulong StackPointer;
    /// <summary>ELR_EL1: where the exception was taken (the faulting instruction for aborts).</summary>
    public ulong ExceptionLinkRegister;
    /// <summary>SPSR_EL1: the interrupted PSTATE.</summary>
    public ulong SavedProgramStatus;
    /// <summary>ESR_EL1: the syndrome (exception class in bits 31..26).</summary>
    public ulong Syndrome;
    /// <summary>FAR_EL1: the faulting virtual address for aborts.</summary>
    public ulong FaultAddress;
    public ulong FloatingPointStatus;
    public ulong FloatingPointControl;
    /// <summary>Vector index: 0-3 from thread code (sync, IRQ, FIQ, SError), 4-7 from a handler, 8 lower EL.</summary>
    public ulong Kind;
    public ulong Reserved;
    // q0..q31 follow (512 bytes), saved and restored by the stub only.
}

/// <summary>The 31 general-purpose registers x0..x30.</summary>
[System.Runtime.CompilerServices.InlineArray(31)]
public struct GeneralRegisters
{
    private ulong _x0;
}
