// Lazy static constructors: ilc calls these (by name) before the first access to a type's statics.
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

    // Marks a constructor that has started and not finished (code addresses are 4-byte aligned, never 1).
    private const nint Running = 1;

    // Single core, no threads. While a constructor runs its context holds Running, so:
    // - the constructor touching its own statics (directly or through a cycle) sees them as constructed
    //   instead of recursing, as .NET does on one thread;
    // - an interrupt handler touching them while the thread it interrupted is inside the constructor would
    //   see zeroed statics: that is a bug in the handler (firmware/README.md, "Concurrency rules"), and it
    //   panics loudly instead of reading half-initialised state.
    private static void EnsureClassConstructorRun(StaticClassConstructionContext* context)
    {
        nint constructor = context->cctorMethodAddress;
        if (constructor == 0)
            return;
        if (constructor == Running)
        {
            if (NativeShim.InExceptionHandler())
                ConstructorReenteredFromInterrupt(context);
            return;
        }
        context->cctorMethodAddress = Running;
        ((delegate*<void>)constructor)();
        context->cctorMethodAddress = 0;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ConstructorReenteredFromInterrupt(StaticClassConstructionContext* context)
    {
        Panic.WriteHeader("static constructor re-entered from an interrupt handler");
        Panic.WriteDetail("statics", (ulong)(context + 1));
        Panic.Stop();
    }
}
