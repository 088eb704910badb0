// The object a driver registers for its interrupt: an abstract class (no delegates, no interface dispatch on target).
namespace Nano.Runtime.Native;

/// <summary>
/// Receives one INTID's interrupts once registered with <see cref="Interrupts.Register(uint, InterruptHandler)"/>.
/// Context: IRQ, on the exception stack with interrupts masked; must not block, allocate after the heap seal, or
/// run a type's static constructor for the first time (firmware/README.md, "Concurrency rules").
/// </summary>
public abstract class InterruptHandler
{
    /// <summary>Called once per delivered interrupt with the INTID it was registered for; end-of-interrupt follows its return.</summary>
    public abstract void OnInterrupt(uint intid);
}
