// Interrupt handlers in C#: one handler object (or runtime-internal function pointer) per INTID, dispatched from the IRQ vector.
using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;
using Nano.Runtime;

namespace Nano.Runtime.Native;

/// <summary>How a shared peripheral interrupt signals (GIC configuration).</summary>
public enum InterruptTrigger
{
    /// <summary>Asserted while the device's condition holds (the handler must clear it at the device).</summary>
    Level = 0,
    /// <summary>One interrupt per rising edge (virtio-mmio on QEMU).</summary>
    Edge = 1,
}

/// <summary>
/// Routes interrupts to C# handlers. A handler runs in IRQ context on the exception stack with
/// interrupts masked; it receives its INTID and must not block. The end-of-interrupt is signalled after
/// it returns. Register, then configure the trigger, then <see cref="Enable"/>.
/// Drivers register an <see cref="InterruptHandler"/> object and need no unsafe code; the function-pointer
/// overload remains for the runtime's own handlers (the timer).
/// </summary>
// Safety: function handlers are managed function pointers, null-checked on registration; both tables are
// written only with interrupts masked and read by Dispatch, which runs with interrupts masked, so a
// handler is never seen half-registered. Tables are indexed only after Check (INTID <= 1019 < 1020).
// The object table holds the handler references: with no garbage collector nothing is freed, and a
// registered object stays referenced from here until Unregister or a new Register replaces it.
public static unsafe class Interrupts
{
    /// <summary>INTIDs 0..1019 are real interrupts (1020..1023 are special).</summary>
    public const uint MaximumIntid = 1019;

    [InlineArray(1020)]
    private struct FunctionTable
    {
        private nint _handler;
    }

    [InlineArray(1020)]
    private struct ObjectTable
    {
        private InterruptHandler? _handler;
    }

    // The acknowledge value each CPU is serving (+1, so the zeroed table means "none" before bring-up).
    [InlineArray(Cpu.MaxCount)]
    private struct InServiceTable
    {
        private uint _acknowledgePlusOne;
    }

    /// <summary>SGIs 0..<see cref="LastProgramSoftwareInterrupt"/> are the program's; the runtime keeps the two above (wake, stop).</summary>
    public const uint LastProgramSoftwareInterrupt = BoardMap.WakeCpuSgi - 1;

    private static FunctionTable s_functions;
    private static ObjectTable s_objects;
    private static InServiceTable s_inService;
    private static ulong s_delivered;

    /// <summary>Total interrupts dispatched to handlers since boot, on every CPU. A volatile read: the thread polls what IRQ
    /// context writes, and a plain load would be hoisted out of the poll loop (it would spin forever).</summary>
    public static ulong DeliveredCount => Volatile.Read(ref s_delivered);

    /// <summary>Sets <paramref name="handler"/>'s <see cref="InterruptHandler.OnInterrupt"/> as the handler for
    /// <paramref name="intid"/> (replacing any earlier one). The object stays referenced until replaced or unregistered.</summary>
    public static void Register(uint intid, InterruptHandler handler)
    {
        Check(intid);
        if (handler is null)
            Panic.Fail("Interrupts.Register: null handler (use Unregister)");
        ulong state = Cpu.SaveAndDisable();
        ObjectSlot(intid) = handler;
        FunctionSlot(intid) = 0;
        Cpu.Restore(state);
    }

    /// <summary>Sets a function as the handler for <paramref name="intid"/> (replacing any earlier one).
    /// For the runtime's own handlers; drivers register an <see cref="InterruptHandler"/>.</summary>
    public static void Register(uint intid, delegate*<uint, void> handler)
    {
        Check(intid);
        if (handler is null)
            Panic.Fail("Interrupts.Register: null handler (use Unregister)");
        ulong state = Cpu.SaveAndDisable();
        FunctionSlot(intid) = (nint)handler;
        ObjectSlot(intid) = null;
        Cpu.Restore(state);
    }

    /// <summary>Disables <paramref name="intid"/> and forgets its handler.</summary>
    public static void Unregister(uint intid)
    {
        Check(intid);
        InterruptController.Disable(intid);
        ulong state = Cpu.SaveAndDisable();
        FunctionSlot(intid) = 0;
        ObjectSlot(intid) = null;
        Cpu.Restore(state);
    }

    /// <summary>Lets <paramref name="intid"/> reach the CPU. A handler must be registered first.</summary>
    public static void Enable(uint intid)
    {
        Check(intid);
        if (!HasHandler(intid))
        {
            Panic.WriteHeader("Interrupts.Enable: no handler registered");
            Panic.WriteDetail("INTID", intid);
            Panic.Stop();
        }
        InterruptController.Enable(intid);
    }

    /// <summary>Stops <paramref name="intid"/> from reaching the CPU.</summary>
    public static void Disable(uint intid)
    {
        Check(intid);
        InterruptController.Disable(intid);
    }

    /// <summary>True when <paramref name="intid"/> is enabled at the controller.</summary>
    public static bool IsEnabled(uint intid)
    {
        Check(intid);
        return InterruptController.IsEnabled(intid);
    }

    /// <summary>Sets edge or level triggering (shared peripheral interrupts; SGIs and PPIs are fixed). An enabled
    /// INTID is disabled while its configuration changes (the GIC leaves the change undefined otherwise) and
    /// enabled again.</summary>
    public static void Configure(uint intid, InterruptTrigger trigger)
    {
        Check(intid);
        InterruptController.Configure(intid, trigger == InterruptTrigger.Edge);
    }

    /// <summary>Makes <paramref name="intid"/> pending from software (shared peripheral interrupts), as if the
    /// device had raised it: exercises a handler without the device.</summary>
    public static void SetPending(uint intid)
    {
        Check(intid);
        InterruptController.SetPending(intid);
    }

    /// <summary>True when <paramref name="intid"/> is pending at the controller.</summary>
    public static bool IsPending(uint intid)
    {
        Check(intid);
        return InterruptController.IsPending(intid);
    }

    /// <summary>
    /// Raises software-generated interrupt <paramref name="sgi"/> (0..<see cref="LastProgramSoftwareInterrupt"/>) on CPU
    /// <paramref name="cpu"/> (0..Cpu.Count-1, the running one included): an inter-processor interrupt. Register a
    /// handler for the SGI first (SGIs are enabled on every CPU; one without a handler panics where it lands).
    /// </summary>
    public static void SendSoftwareInterrupt(uint sgi, int cpu)
    {
        if (sgi > LastProgramSoftwareInterrupt || (uint)cpu >= (uint)Cpu.Count)
        {
            Panic.WriteHeader("Interrupts.SendSoftwareInterrupt: no such SGI or CPU");
            Panic.WriteDetail("SGI", sgi);
            Panic.WriteDetail("CPU", (ulong)cpu);
            Panic.Stop();
        }
        if (!HasHandler(sgi))
        {
            Panic.WriteHeader("Interrupts.SendSoftwareInterrupt: no handler registered");
            Panic.WriteDetail("SGI", sgi);
            Panic.Stop();
        }
        // The handler may read what this CPU stored before the send: the GIC write is a device store after a
        // store barrier (Mmio.Write32), so those stores are visible first.
        InterruptController.SendSoftwareInterrupt(sgi, (uint)cpu);
    }

    private static void Check(uint intid)
    {
        if (intid > MaximumIntid)
        {
            Panic.WriteHeader("Interrupts: INTID out of range");
            Panic.WriteDetail("INTID", intid);
            Panic.Stop();
        }
    }

    private static ref nint FunctionSlot(uint intid) => ref Unsafe.Add(ref Unsafe.As<FunctionTable, nint>(ref s_functions), (nint)intid);

    private static ref InterruptHandler? ObjectSlot(uint intid)
        => ref Unsafe.Add(ref Unsafe.As<ObjectTable, InterruptHandler?>(ref s_objects), (nint)intid);

    // The running CPU's slot: an interrupt is acknowledged and ended on the CPU that took it.
    [MethodImpl(MethodImplOptions.NoInlining)]   // see CpuWork.Mailbox: a hoisted inlined static address lost its relocation
    private static ref uint InService() => ref Unsafe.Add(ref Unsafe.As<InServiceTable, uint>(ref s_inService), Cpu.Id);

    private static bool HasHandler(uint intid) => FunctionSlot(intid) != 0 || ObjectSlot(intid) is not null;

    /// <summary>Entered from the IRQ vector: acknowledge, run the handler, end the interrupt.</summary>
    [UnmanagedCallersOnly(EntryPoint = "nano_irq")]
    private static void Dispatch(ExceptionFrame* frame)
    {
        uint acknowledge = InterruptController.Acknowledge();
        uint intid = acknowledge & 0x3FF;
        if (intid > MaximumIntid)
            return;                                 // spurious: nothing to end
        ref uint inService = ref InService();
        Volatile.Write(ref inService, acknowledge + 1);
        InterruptHandler? handlerObject = ObjectSlot(intid);
        nint handler = FunctionSlot(intid);
        if (handlerObject is null && handler == 0)
        {
            InterruptController.Disable(intid);
            InterruptController.EndOfInterrupt(acknowledge);
            Volatile.Write(ref inService, 0);
            Panic.WriteHeader("interrupt without a handler");
            Panic.WriteDetail("INTID", intid);
            Panic.Stop();
        }
        // Every CPU's IRQ context counts here: an atomic add, or two CPUs' increments lose one.
        Interlocked.Increment(ref s_delivered);
        // A virtual call or a direct call through the pointer: nothing allocates on this path.
        if (handlerObject is not null)
            handlerObject.OnInterrupt(intid);
        else
            ((delegate*<uint, void>)handler)(intid);
        Volatile.Write(ref inService, 0);
        InterruptController.EndOfInterrupt(acknowledge);
    }

    /// <summary>Called by the shim before a recovery escape leaves handler mode: finish the interrupt
    /// in service (if a handler faulted) so the controller accepts further interrupts.</summary>
    [UnmanagedCallersOnly(EntryPoint = "nano_escape_hook")]
    private static void OnEscape()
    {
        ref uint inService = ref InService();
        uint acknowledgePlusOne = Volatile.Read(ref inService);
        if (acknowledgePlusOne == 0)
            return;
        Volatile.Write(ref inService, 0);
        InterruptController.EndOfInterrupt(acknowledgePlusOne - 1);
    }
}
