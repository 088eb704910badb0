// Lazy static constructors: ilc calls these (by name) before the first access to a type's statics.
using System.Threading;
using Internal.Runtime;
using Nano.Runtime;

namespace System.Runtime.CompilerServices;

// 8 bytes immediately before the type's non-GC statics; zero once the constructor has run.
internal struct StaticClassConstructionContext
{
    public nint cctorMethodAddress;
}

internal static unsafe class ClassConstructorRunner
{
    private static object CheckStaticClassConstructionReturnGCStaticBase(StaticClassConstructionContext* context, object gcStaticBase)
    {
        EnsureClassConstructorRun(context);
        return gcStaticBase;
    }

    private static nint CheckStaticClassConstructionReturnNonGCStaticBase(StaticClassConstructionContext* context, nint nonGcStaticBase)
    {
        EnsureClassConstructorRun(context);
        return nonGcStaticBase;
    }

    // While a constructor runs its context holds RunningMarker(cpu): odd, below 16 (code addresses are 4-byte
    // aligned and far above), and naming the CPU that runs it.
    private static nint RunningMarker(uint cpu) => (nint)(cpu * 2 + 1);

    private static bool IsRunningMarker(nint value) => (value & 1) != 0 && value < 16;

    // Exactly one CPU runs a constructor: it claims the context with a compare-exchange from the constructor's
    // address to its marker, and a release store of 0 publishes the statics it wrote. Then:
    // - the constructor touching its own statics (directly or through a cycle) on its own CPU sees them as
    //   constructed instead of recursing, as .NET does on one thread;
    // - another CPU waits until the context is 0 and then reads the finished statics (acquire);
    // - an interrupt handler touching them while the thread it interrupted on the same CPU is inside the
    //   constructor would see zeroed statics: that is a bug in the handler (firmware/README.md, "Concurrency
    //   rules"), and it panics loudly instead of reading half-initialised state.
    private static void EnsureClassConstructorRun(StaticClassConstructionContext* context)
    {
        ref long slot = ref *(long*)&context->cctorMethodAddress;
        uint cpu = NativeShim.CpuIndex();
        while (true)
        {
            nint constructor = (nint)Volatile.Read(ref slot);
            if (constructor == 0)
                return;
            if (IsRunningMarker(constructor))
            {
                if (constructor != RunningMarker(cpu))
                    continue;                                   // another CPU runs it: wait until it is done
                if (NativeShim.InExceptionHandler())
                    ConstructorReenteredFromInterrupt(context);
                return;
            }
            if (Interlocked.CompareExchange(ref slot, RunningMarker(cpu), constructor) != constructor)
                continue;                                       // another CPU claimed it first
            ((delegate*<void>)constructor)();
            Volatile.Write(ref slot, 0);
            return;
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ConstructorReenteredFromInterrupt(StaticClassConstructionContext* context)
    {
        Panic.WriteHeader("static constructor re-entered from an interrupt handler");
        Panic.WriteDetail("statics", (ulong)(context + 1));
        Panic.Stop();
    }
}
