// Lazy static constructors: ilc calls these (by name) before the first access to a type's statics.
namespace System.Runtime.CompilerServices
{
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

        // Single core, no threads: cleared before the call so a constructor that touches its own statics
        // (directly or through a cycle) sees them as constructed instead of recursing, as .NET does.
        private static void EnsureClassConstructorRun(StaticClassConstructionContext* context)
        {
            nint constructor = context->cctorMethodAddress;
            if (constructor == 0)
                return;
            context->cctorMethodAddress = 0;
            ((delegate*<void>)constructor)();
        }
    }
}
