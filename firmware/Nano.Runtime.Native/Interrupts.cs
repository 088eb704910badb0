// Interrupt handlers in C#: one function pointer per INTID, dispatched from the IRQ vector.
using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Nano.Runtime;

namespace Nano.Runtime.Native
{
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
    /// </summary>
    // Safety: handlers are managed function pointers, null-checked on registration and stored/loaded as
    // whole words with interrupts masked; the table is indexed only after Check (INTID <= 1019 < 1020).
    public static unsafe class Interrupts
    {
        /// <summary>INTIDs 0..1019 are real interrupts (1020..1023 are special).</summary>
        public const uint MaximumIntid = 1019;

        [InlineArray(1020)]
        private struct HandlerTable
        {
            private nint _handler;
        }

        private static HandlerTable s_handlers;
        private static uint s_inService = InterruptController.NoInterrupt;
        private static ulong s_delivered;

        /// <summary>Total interrupts dispatched to handlers since boot.</summary>
        public static ulong DeliveredCount => s_delivered;

        /// <summary>Sets the handler for <paramref name="intid"/> (replacing any earlier one).</summary>
        public static void Register(uint intid, delegate*<uint, void> handler)
        {
            Check(intid);
            if (handler is null)
                Panic.Fail("Interrupts.Register: null handler (use Unregister)");
            ulong state = Cpu.SaveAndDisable();
            Slot(intid) = (nint)handler;
            Cpu.Restore(state);
        }

        /// <summary>Disables <paramref name="intid"/> and forgets its handler.</summary>
        public static void Unregister(uint intid)
        {
            Check(intid);
            InterruptController.Disable(intid);
            ulong state = Cpu.SaveAndDisable();
            Slot(intid) = 0;
            Cpu.Restore(state);
        }

        /// <summary>Lets <paramref name="intid"/> reach the CPU. A handler must be registered first.</summary>
        public static void Enable(uint intid)
        {
            Check(intid);
            if (Slot(intid) == 0)
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

        /// <summary>Sets edge or level triggering (shared peripheral interrupts; SGIs and PPIs are fixed).</summary>
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

        private static void Check(uint intid)
        {
            if (intid > MaximumIntid)
            {
                Panic.WriteHeader("Interrupts: INTID out of range");
                Panic.WriteDetail("INTID", intid);
                Panic.Stop();
            }
        }

        private static ref nint Slot(uint intid) => ref Unsafe.Add(ref Unsafe.As<HandlerTable, nint>(ref s_handlers), (nint)intid);

        /// <summary>Entered from the IRQ vector: acknowledge, run the handler, end the interrupt.</summary>
        [UnmanagedCallersOnly(EntryPoint = "nano_irq")]
        private static void Dispatch(ExceptionFrame* frame)
        {
            uint acknowledge = InterruptController.Acknowledge();
            uint intid = acknowledge & 0x3FF;
            if (intid > MaximumIntid)
                return;                                 // spurious: nothing to end
            s_inService = acknowledge;
            nint handler = Slot(intid);
            if (handler == 0)
            {
                InterruptController.Disable(intid);
                InterruptController.EndOfInterrupt(acknowledge);
                s_inService = InterruptController.NoInterrupt;
                Panic.WriteHeader("interrupt without a handler");
                Panic.WriteDetail("INTID", intid);
                Panic.Stop();
            }
            s_delivered++;
            ((delegate*<uint, void>)handler)(intid);
            s_inService = InterruptController.NoInterrupt;
            InterruptController.EndOfInterrupt(acknowledge);
        }

        /// <summary>Called by the shim before a recovery escape leaves handler mode: finish the interrupt
        /// in service (if a handler faulted) so the controller accepts further interrupts.</summary>
        [UnmanagedCallersOnly(EntryPoint = "nano_escape_hook")]
        private static void OnEscape()
        {
            uint acknowledge = s_inService;
            if (acknowledge == InterruptController.NoInterrupt)
                return;
            s_inService = InterruptController.NoInterrupt;
            InterruptController.EndOfInterrupt(acknowledge);
        }
    }
}
